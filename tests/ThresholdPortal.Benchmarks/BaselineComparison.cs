using System.Globalization;
using System.Text;

namespace ThresholdPortal.Benchmarks;

/// <summary>
/// Issue 18's comparison: the portal against the bare baseline (<see cref="BaselineApp"/>) on the same machine and
/// database, in rounds that alternate the two so the machine's load falls on both. The queue: the MASH queue's first page,
/// signed in with two-factor on the portal, for a fixed time per round. The send: drafts completed through the portal's
/// pages and their check answers page read beforehand (untimed), then the send button's POST timed, against the
/// baseline's one-transaction send of the same rows.
/// Each round's row carries the load average; the report names the commit. Warm-up rounds run first and are not
/// reported, and each timed send waits <c>settle</c> after its preparation: the runtime compiles a method's optimised
/// code in the background after its first 30 calls, and without the pause the timed sends paid for the compilation of
/// the seventeen draft pages just posted (a profile showed 12% of the send phase in the JIT). The baseline's timed sends
/// wait <c>settle</c> after the portal's too, so the portal's own work after its sends does not run beside them. Each
/// send row gives both sides' processor time a send, the app's and PostgreSQL's (<see cref="ProcessorTime"/>), and each
/// queue row both processes' peak resident memory under the queue's load (<see cref="ResidentMemory"/>). Last, the
/// portal's least signed-in request under the same load: the part of every request's cost that no handler can save.
/// Given the database, it first waits for the portal's insights summary (<see cref="SummaryReadiness"/>).
/// </summary>
internal sealed class BaselineComparison(Uri portal, Uri baseline, string practitioner, string referrer, string password,
    string authenticatorKey, string? database)
{
    public async Task<string> RunAsync(int rounds, int warmUps, int workers, int seconds, int sends, TimeSpan settle,
        CancellationToken cancellationToken)
    {
        LoadDriver.EnsureLoopback(portal);
        LoadDriver.EnsureLoopback(baseline);
        var report = new StringBuilder().AppendLine(CultureInfo.InvariantCulture,
            $"## Portal against the bare baseline: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, commit {Report.Commit()}, " +
            $"{Environment.ProcessorCount} cores, {workers} workers, {warmUps} warm-up rounds, {settle.TotalSeconds:0} s settling")
            .AppendLine();
        report.AppendLine(await SummaryStateAsync(cancellationToken)).AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Queue (`/mash`, {seconds} s each per round; peak resident memory of each " +
                $"side's process during its half of the round, and processor ms a page as for the send below):").AppendLine()
            .AppendLine("| round | portal req/s | portal p95 ms | baseline req/s | baseline p95 ms | share | portal ms | baseline ms " +
                "| portal peak MB | baseline peak MB | load average |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var (portalProcess, baselineProcess) = (ProcessorTime.ListenerOf(portal), ProcessorTime.ListenerOf(baseline));
        // One side's half of a queue round: its first page under load, with its process's processor time and peak memory.
        async Task<(PageResult Page, string Peak)> QueueAsync(LoadDriver driver, int? process)
        {
            await using var memory = ResidentMemory.Watch(process);
            var page = (await driver.RunAsync(["/mash"], workers, TimeSpan.FromSeconds(seconds), cancellationToken, process))[0];
            return (page, await memory.StopAsync());
        }

        await AppendRoundsAsync(report, warmUps, rounds, async () =>
        {
            var (ours, oursPeak) = await QueueAsync(new LoadDriver(portal, practitioner, password, authenticatorKey), portalProcess);
            var (bare, barePeak) = await QueueAsync(new LoadDriver(baseline, string.Empty, string.Empty), baselineProcess);
            return string.Create(CultureInfo.InvariantCulture, $"{ours.RequestsPerSecond:0.0} | {ours.P95:0.0} | " +
                $"{bare.RequestsPerSecond:0.0} | {bare.P95:0.0} | {ours.RequestsPerSecond / bare.RequestsPerSecond:P0} | " +
                $"{ours.Processor} | {bare.Processor} | {oursPeak} | {barePeak}");
        });

        report.AppendLine().Append(CultureInfo.InvariantCulture, $"Referral send ({sends} each per round; ")
            .AppendLine("processor ms a send, the app's + every PostgreSQL process's, from /proc):").AppendLine()
            .AppendLine("| round | portal sends/s | portal p95 ms | baseline sends/s | baseline p95 ms | share | portal ms | baseline ms " +
                "| load average |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|");
        await AppendRoundsAsync(report, warmUps, rounds, async () =>
        {
            var referrers = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ =>
                new LoadDriver(portal, referrer, password).SignInAsync(cancellationToken)));
            var drafts = await ReferralSendTiming.InTurnsAsync(sends, workers,
                i => BrowserDraft.CompleteAsync(referrers[i % workers], cancellationToken), cancellationToken);
            // The check answers page is read beforehand, untimed: the baseline has no page to render before its send.
            var pages = await ReferralSendTiming.InTurnsAsync(sends, workers,
                i => BrowserDraft.CheckAnswersAsync(referrers[i % workers], drafts[i], cancellationToken), cancellationToken);
            await Task.Delay(settle, cancellationToken);
            var oursBefore = ProcessorTime.Read(portalProcess);
            var (ours, oursSeconds, oursFailed) = await ReferralSendTiming.TimeAsync(sends, workers, i =>
                BrowserDraft.PostSendAsync(referrers[i % workers], drafts[i], pages[i], cancellationToken));
            var oursCost = ProcessorTime.PerItem(oursBefore, ProcessorTime.Read(portalProcess), sends);
            // The portal's work after its sends (the duty mailbox's e-mails) would otherwise run beside the baseline's.
            await Task.Delay(settle, cancellationToken);
            using var bareClient = new HttpClient { BaseAddress = baseline };
            var bareBefore = ProcessorTime.Read(baselineProcess);
            var (bare, bareSeconds, bareFailed) = await ReferralSendTiming.TimeAsync(sends, workers, async _ =>
            {
                using var response = await bareClient.PostAsync("/send", null, cancellationToken);
                return response.IsSuccessStatusCode;
            });
            var bareCost = ProcessorTime.PerItem(bareBefore, ProcessorTime.Read(baselineProcess), sends);
            if (oursFailed + bareFailed > 0)
            {
                throw new InvalidOperationException($"Sends failed: {oursFailed} on the portal, {bareFailed} on the baseline.");
            }

            ours.Sort();
            bare.Sort();
            return string.Create(CultureInfo.InvariantCulture, $"{sends / oursSeconds:0.0} | {Report.Percentile(ours, 0.95):0.0} | " +
                $"{sends / bareSeconds:0.0} | {Report.Percentile(bare, 0.95):0.0} | {bareSeconds / oursSeconds:P0} | " +
                $"{oursCost} | {bareCost}");
        });

        // What every signed-in request costs the portal before its own work: the least of them, as the referrer who sends.
        report.AppendLine().Append(CultureInfo.InvariantCulture, $"The portal's least signed-in request (`{KeepAlive}`, as the ")
            .Append("referrer who sends: the cookie read, the session's check against the database and the cookie's renewal, no ")
            .Append(CultureInfo.InvariantCulture, $"page), {seconds} s each round; processor ms a request, as for the send:")
            .AppendLine().AppendLine()
            .AppendLine("| round | requests/s | p95 ms | portal ms | load average |")
            .AppendLine("|---|---|---|---|---|");
        await AppendRoundsAsync(report, warmUps, rounds, async () =>
        {
            var least = (await new LoadDriver(portal, referrer, password)
                .RunAsync([KeepAlive], workers, TimeSpan.FromSeconds(seconds), cancellationToken, portalProcess))[0];
            return least.Errors > 0
                ? throw new InvalidOperationException($"{least.Errors} of {least.Requests} requests to {KeepAlive} failed.")
                : string.Create(CultureInfo.InvariantCulture, $"{least.RequestsPerSecond:0.0} | {least.P95:0.0} | {least.Processor}");
        });

        return report.AppendLine().ToString();
    }

    /// <summary>The timeout warning's "Stay signed in": it answers 204 to any signed-in request and does nothing else.</summary>
    private const string KeepAlive = "/account/keep-alive";

    /// <summary>The report's line on the insights summary, after waiting for it when the database is known.</summary>
    private async Task<string> SummaryStateAsync(CancellationToken cancellationToken)
    {
        if (database is null)
        {
            return "The portal's insights summary was not checked (no `--connection`): a rebuild may have run beside the first rounds.";
        }

        var waited = await SummaryReadiness.WaitAsync(database, TimeSpan.FromMinutes(20), cancellationToken);
        return string.Create(CultureInfo.InvariantCulture,
            $"The portal's insights summary was current before the first round (waited {waited.TotalSeconds:0} s).");
    }

    /// <summary>
    /// Runs <paramref name="warmUps"/> rounds whose figures are thrown away, then <paramref name="rounds"/> reported ones, a
    /// table row each: the round's number, its cells, and the load average when it ended.
    /// </summary>
    private static async Task AppendRoundsAsync(StringBuilder report, int warmUps, int rounds, Func<Task<string>> round)
    {
        for (var warmUp = 0; warmUp < warmUps; warmUp++)
        {
            await round();
        }

        for (var number = 1; number <= rounds; number++)
        {
            var cells = await round();
            report.AppendLine(CultureInfo.InvariantCulture, $"| {number} | {cells} | {Report.LoadAverage()} |");
        }
    }
}
