using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Intake;

/// <summary>
/// Hands out references from a PostgreSQL sequence: unique across every app instance without a lock. A
/// number taken by a transaction that then fails is skipped, never reused.
/// </summary>
public static class ReferenceNumbers
{
    public const string DefaultPrefix = "NS";

    /// <summary>The area's prefix (<c>Referrals:ReferencePrefix</c>, "NS" for Northshire by default).</summary>
    public static string Prefix(IConfiguration configuration) => configuration["Referrals:ReferencePrefix"] ?? DefaultPrefix;

    public static async Task<string> NextAsync(PortalDbContext db, string prefix, DateTimeOffset receivedAt,
        CancellationToken cancellationToken)
    {
        var number = await db.Database
            .SqlQuery<long>($"SELECT nextval('\"ReferralReferenceNumbers\"') AS \"Value\"")
            .SingleAsync(cancellationToken);
        return ReferralReference.Format(prefix, UkCalendar.DateOf(receivedAt).Year, number);
    }
}
