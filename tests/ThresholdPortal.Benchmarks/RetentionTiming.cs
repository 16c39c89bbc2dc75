using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace ThresholdPortal.Benchmarks;

/// <summary>
/// The retention job's closed-case removal over a generated database, beside the MASH queue (issue 19; docs/decisions/0124):
/// the queue is driven once alone, then again while the database's own removal function runs batch after batch, as the
/// job calls it, each batch its own transaction. Reports the queue's percentiles both ways and the batches' own timings.
/// </summary>
public sealed class RetentionTiming(string connectionString, LoadDriver driver, int batchSize, int cutoffMonths)
{
    public async Task<string> RunAsync(IReadOnlyList<string> paths, int workers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var due = await ScalarAsync<long>("SELECT count(*) FROM retention_closed_cases_due(@cutoff, @cutoff, @cutoff)", cancellationToken);
        var alone = await driver.RunAsync(paths, workers, duration, cancellationToken);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var job = RemoveAsync(stop.Token);
        var during = await driver.RunAsync(paths, workers, duration, cancellationToken);
        await stop.CancelAsync();
        var batches = await job;

        var times = batches.Select(b => b.Milliseconds).Order().ToList();
        var removed = batches.Sum(b => b.Removed);
        var seconds = batches.Sum(b => b.Milliseconds) / 1000;
        return string.Join(Environment.NewLine,
        [
            string.Create(CultureInfo.InvariantCulture,
                $"## Retention beside the queue: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, " +
                $"{workers} workers, {duration.TotalSeconds:0} s per page, batches of {batchSize}, " +
                $"load average {Report.LoadAverage()} at the end"),
            string.Empty,
            string.Create(CultureInfo.InvariantCulture,
                $"{due:N0} closed cases due (closed over {cutoffMonths} months before the newest received); the job removed " +
                $"{removed:N0} (with everything about them) in {batches.Count:N0} batches while the queue was driven: " +
                $"{(seconds > 0 ? removed / seconds : 0):N0} a second; a batch took p50 {Percentile(times, 0.5):0} ms, " +
                $"p95 {Percentile(times, 0.95):0} ms, max {(times.Count > 0 ? times[^1] : 0):0} ms."),
            string.Empty,
            "| page | retention job | requests | non-200 | req/s | p50 ms | p95 ms | p99 ms |",
            "|---|---|---|---|---|---|---|---|",
            .. alone.Zip(during).SelectMany(pair => new[]
            {
                Row(pair.First, "not running"), Row(pair.Second, "removing"),
            }),
            string.Empty,
        ]);
    }

    /// <summary>Batch after batch, back to back as one round of the job runs them, until stopped or nothing is due.</summary>
    private async Task<List<(int Removed, double Milliseconds)>> RemoveAsync(CancellationToken cancellationToken)
    {
        var batches = new List<(int, double)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(CancellationToken.None);
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var command = Command(connection,
                "SELECT retention_remove_closed_cases(@cutoff, @cutoff, @cutoff, @batch)");
            command.Parameters.AddWithValue("batch", batchSize);
            var started = Stopwatch.GetTimestamp();
            var removed = (int)(await command.ExecuteScalarAsync(CancellationToken.None))!;
            batches.Add((removed, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            if (removed == 0)
            {
                break;
            }
        }

        return batches;
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = Command(connection, sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A command with <c>@cutoff</c>: the configured months before the newest case received, as the floor allows.</summary>
    private NpgsqlCommand Command(NpgsqlConnection connection, string sql)
    {
        var command = new NpgsqlCommand(sql.Replace("@cutoff", "(retention_newest_received() - make_interval(months => @months))",
            StringComparison.Ordinal), connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("months", cutoffMonths);
        return command;
    }

    private static string Row(PageResult r, string job) => string.Create(CultureInfo.InvariantCulture,
        $"| {r.Path} | {job} | {r.Requests} | {r.Errors} | {r.RequestsPerSecond:0.0} | {r.P50:0.0} | {r.P95:0.0} | {r.P99:0.0} |");

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

}
