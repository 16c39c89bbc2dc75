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

    private const string Savepoint = "before_save";

    /// <summary>
    /// Saves behind a savepoint, for a handler that answers a failed save (a lost race) inside the command's transaction:
    /// a failed save is rolled back to the savepoint and rethrown, so the transaction holds nothing of it and can still
    /// be read and committed. Without it PostgreSQL would refuse every later statement of the transaction, and a lost
    /// version check would leave the save's other rows in it. Other saves take no savepoint (docs/decisions/0147).
    /// </summary>
    public static async Task SaveAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is not { } transaction)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await transaction.CreateSavepointAsync(Savepoint, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
            throw;
        }

        // Not released: PostgreSQL ends it with the transaction, and a release would cost a round trip of its own.
    }
}
