using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>
/// A save that lost a race with someone else's: the row it checked changed (xmin), or a row it inserts already exists
/// because the other save inserted it first (a unique key such as one feedback per decision). Both mean "changed since
/// you opened it", never an error page (docs/decisions/0105).
/// </summary>
public static class LostRace
{
    public static bool Is(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException
        || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
