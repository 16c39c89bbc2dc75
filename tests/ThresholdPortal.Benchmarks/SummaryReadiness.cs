using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.Insights;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Benchmarks;

/// <summary>
/// Waits until the portal's insights summary (docs/decisions/0134) is current in the database. A generated database has
/// none, so the portal rebuilds it after it starts: at a million referrals about 40 s of PostgreSQL's processor time, which
/// would otherwise land in the first measured rounds (it did: on 7 December the queue's PostgreSQL time a page was four to
/// eight times its settled figure while the rebuild ran, docs/benchmarks/results.md).
/// </summary>
internal static class SummaryReadiness
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    /// <summary>How long the wait took; throws when the summary is still not current after <paramref name="limit"/>.</summary>
    public static async Task<TimeSpan> WaitAsync(string connectionString, TimeSpan limit, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql(connectionString).Options;
        await using var db = new PortalDbContext(options);
        while (!await InsightsSummary.IsCurrentAsync(db, cancellationToken))
        {
            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"The portal's insights summary was not rebuilt within {limit.TotalMinutes:0} minutes: " +
                    "is the portal running on this database, with Insights:Summary:Enabled?");
            }

            await Task.Delay(Poll, cancellationToken);
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
