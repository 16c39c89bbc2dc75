using System.Diagnostics;
using Npgsql;

namespace ThresholdPortal.Benchmarks;

/// <summary>
/// How the generator loads: each batch in one transaction with triggers and foreign-key checks off
/// (<c>session_replication_role = replica</c>, so it must connect as a superuser), and from a million referrals the
/// secondary indexes dropped first and built after. The insights summary's triggers do not see these rows, so the stored
/// summary is marked stale at the end and the app rebuilds it (ADR 0134).
/// </summary>
public sealed partial class VolumeGenerator
{
    private const int IndexesAfterLoadFrom = 1_000_000;

    private static readonly string[] LoadedTables =
    [
        "Referrals", "ReferralChildren", "MashCases", "CaseDecisions", "Households", "Persons", "PersonLinks", "InformationRequests",
        "InformationRequestSubjects", "InformationResponses", "ReferrerFeedback", "Escalations",
    ];

    private static async Task CopyBatchAsync(NpgsqlDataSource dataSource, Guid documentId, List<Generated> rows,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var replica = new NpgsqlCommand("SET LOCAL session_replication_role = replica", connection))
        {
            await replica.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyReferralsAsync(connection, documentId, rows, cancellationToken);
        await CopyChildrenAsync(connection, rows, cancellationToken);
        await CopyCasesAsync(connection, rows, cancellationToken);
        await CopyDecisionsAsync(connection, rows, cancellationToken);
        await CopyPeopleAsync(connection, rows, cancellationToken);
        await CopyRequestsAsync(connection, rows, cancellationToken);
        await CopyFeedbackAsync(connection, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<List<string>> DropIndexesAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await BulkIndexes.DropAsync(connection, LoadedTables, cancellationToken);
    }

    /// <summary>
    /// Builds the dropped indexes, then does what autovacuum would soon after (statistics for the planner, and the visibility
    /// map the queue's index-only scans read), and marks the insights summary for a rebuild.
    /// </summary>
    private static async Task FinishAsync(NpgsqlDataSource dataSource, List<string> deferredIndexes, long started,
        CancellationToken cancellationToken)
    {
        await BulkIndexes.BuildAsync(dataSource, deferredIndexes, cancellationToken);
        // Two tables at a time: a vacuum is mostly writing pages back, which leaves a core free for the other.
        await BulkIndexes.InLanesAsync(dataSource, [.. LoadedTables.Select(table => $"VACUUM (ANALYZE) \"{table}\"")],
            cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var stale = new NpgsqlCommand("""DELETE FROM "InsightsSummaryStates" """, connection);
        await stale.ExecuteNonQueryAsync(cancellationToken);
        Console.WriteLine("  indexes, statistics and the insights summary's state done " +
            $"({Stopwatch.GetElapsedTime(started).TotalSeconds:0} s)");
    }
}
