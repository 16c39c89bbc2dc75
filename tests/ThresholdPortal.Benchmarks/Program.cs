using System.Globalization;
using ThresholdPortal.Benchmarks;
using ThresholdPortal.Domain.Thresholds;

// Usage (see docs/benchmarks.md):
//   dotnet run --project tests/ThresholdPortal.Benchmarks -c Release -- load --url http://localhost:5080 \
//       --email practitioner@example.org --password Demo-Pass-2026! --workers 8 --seconds 10 --paths /mash,/ \
//       --out docs/benchmarks/results.md
//   dotnet run --project tests/ThresholdPortal.Benchmarks -c Release -- sign-in-timing --url http://localhost:5080 \
//       --known referrer@example.org --unknown nobody@example.org --tries 20 --out docs/benchmarks/results.md
//   dotnet run --project tests/ThresholdPortal.Benchmarks -c Release -- suggestions --characters 5000 --runs 2000 \
//       --out docs/benchmarks/results.md
//   dotnet run --project tests/ThresholdPortal.Benchmarks -c Release -- retention --url http://localhost:5080 \
//       --connection "Host=127.0.0.1;Port=5433;Database=thresholdportal;Username=postgres" --paths /mash --seconds 30 \
//       --batch 500 --cutoff-months 12 --out docs/benchmarks/results.md
//   dotnet run --project tests/ThresholdPortal.Benchmarks -c Release -- referral-send --url http://localhost:5080 \
//       --per-round 60 --rounds 2 --workers 4 --out docs/benchmarks/results.md
//   dotnet run --project tests/ThresholdPortal.Benchmarks -c Release -- person-matching \
//       --connection "Host=127.0.0.1;Port=5433;Database=thresholdportal;Username=postgres" --people 1000000 --probes 300
//   dotnet run --project tests/ThresholdPortal.Benchmarks -c Release -- baseline --url http://127.0.0.1:5095 \
//       --connection "Host=127.0.0.1;Port=5433;Database=thresholdportal;Username=postgres" &
//   dotnet run --project tests/ThresholdPortal.Benchmarks -c Release -- versus-baseline --url http://localhost:5080 \
//       --baseline http://127.0.0.1:5095 --rounds 3 --warm-up-rounds 1 --workers 8 --seconds 10 --sends 400 \
//       --settle-seconds 3 --connection "Host=127.0.0.1;Port=5433;Database=thresholdportal;Username=postgres" \
//       --out docs/benchmarks/results.md
//   dotnet run --project tests/ThresholdPortal.Benchmarks -c Release -- generate \
//       --connection "Host=127.0.0.1;Port=5433;Database=thresholdportal;Username=postgres" --count 1000000
var options = Options.Parse(args);
// A generation of ten million takes most of half an hour; everything else is bounded well inside that.
using var cancellation = new CancellationTokenSource(options.Command == "generate" ? TimeSpan.FromHours(2) : TimeSpan.FromMinutes(30));

switch (options.Command)
{
    case "load":
        var driver = new LoadDriver(new Uri(options.Get("url", "http://localhost:5080")), options.Get("email", "practitioner@example.org"),
            options.Get("password", "Demo-Pass-2026!"),
            options.Get("authenticator-key", "THRESHOLDPORTALDEMOKEYNORTHSHIRE"));
        var workers = int.Parse(options.Get("workers", "8"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(options.Get("seconds", "10"), CultureInfo.InvariantCulture);
        var paths = options.Get("paths", "/").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var results = await driver.RunAsync(paths, workers, TimeSpan.FromSeconds(seconds), cancellation.Token);
        var report = Report.Render(options.Get("label", "load"), workers, seconds, results);
        Console.WriteLine(report);
        if (options.TryGet("out") is { } output)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.AppendAllTextAsync(output, report + Environment.NewLine, cancellation.Token);
        }

        return 0;
    case "sign-in-timing":
        var timing = await new SignInTiming(new Uri(options.Get("url", "http://localhost:5080"))).RunAsync(
            options.Get("known", "referrer@example.org"), options.Get("unknown", "nobody@example.org"),
            int.Parse(options.Get("tries", "20"), CultureInfo.InvariantCulture), cancellation.Token);
        Console.WriteLine(timing);
        if (options.TryGet("out") is { } timingOutput)
        {
            await File.AppendAllTextAsync(timingOutput, timing + Environment.NewLine, cancellation.Token);
        }

        return 0;
    case "suggestions":
        var documentFile = options.Get("document",
            "src/ThresholdPortal.Web/Features/Intake/ReferenceData/northshire-threshold-document-v2.json");
        var document = ThresholdDocumentFile.Parse(await File.ReadAllTextAsync(documentFile, cancellation.Token), DateTimeOffset.UtcNow);
        var suggestionReport = new SuggestionTiming(document, int.Parse(options.Get("characters", "5000"), CultureInfo.InvariantCulture),
            int.Parse(options.Get("runs", "2000"), CultureInfo.InvariantCulture)).Run();
        Console.WriteLine(suggestionReport);
        if (options.TryGet("out") is { } suggestionOutput)
        {
            await File.AppendAllTextAsync(suggestionOutput, suggestionReport + Environment.NewLine, cancellation.Token);
        }

        return 0;
    case "retention":
        var retention = new RetentionTiming(
            options.TryGet("connection") ?? throw new InvalidOperationException("--connection is required: the generated database."),
            new LoadDriver(new Uri(options.Get("url", "http://localhost:5080")), options.Get("email", "practitioner@example.org"),
                options.Get("password", "Demo-Pass-2026!"), options.Get("authenticator-key", "THRESHOLDPORTALDEMOKEYNORTHSHIRE")),
            int.Parse(options.Get("batch", "500"), CultureInfo.InvariantCulture),
            int.Parse(options.Get("cutoff-months", "12"), CultureInfo.InvariantCulture));
        var retentionReport = await retention.RunAsync(
            options.Get("paths", "/mash").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            int.Parse(options.Get("workers", "8"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(int.Parse(options.Get("seconds", "30"), CultureInfo.InvariantCulture)), cancellation.Token);
        Console.WriteLine(retentionReport);
        if (options.TryGet("out") is { } retentionOutput)
        {
            await File.AppendAllTextAsync(retentionOutput, retentionReport + Environment.NewLine, cancellation.Token);
        }

        return 0;
    case "referral-send":
        var sendReport = await new ReferralSendTiming(new Uri(options.Get("url", "http://localhost:5080")),
            options.Get("email", "referrer@example.org"), options.Get("password", "Demo-Pass-2026!"),
            options.Get("admin", "admin@example.org"), options.Get("authenticator-key", "THRESHOLDPORTALDEMOKEYNORTHSHIRE"))
            .RunAsync(int.Parse(options.Get("per-round", "60"), CultureInfo.InvariantCulture),
                int.Parse(options.Get("rounds", "2"), CultureInfo.InvariantCulture),
                int.Parse(options.Get("workers", "4"), CultureInfo.InvariantCulture), cancellation.Token);
        Console.WriteLine(sendReport);
        if (options.TryGet("out") is { } sendOutput)
        {
            await File.AppendAllTextAsync(sendOutput, sendReport + Environment.NewLine, cancellation.Token);
        }

        return 0;
    case "person-matching":
        var matching = await new PersonMatchingTiming(
            options.TryGet("connection") ?? throw new InvalidOperationException("--connection is required: the generated database."),
            int.Parse(options.Get("people", "1000000"), CultureInfo.InvariantCulture),
            int.Parse(options.Get("probes", "300"), CultureInfo.InvariantCulture),
            int.Parse(options.Get("seed", "4100"), CultureInfo.InvariantCulture)).RunAsync(cancellation.Token);
        Console.WriteLine(matching);
        if (options.TryGet("out") is { } matchingOutput)
        {
            await File.AppendAllTextAsync(matchingOutput, matching + Environment.NewLine, cancellation.Token);
        }

        return 0;
    case "baseline":
        // Runs until stopped, not bounded by the 30-minute token: the comparison drives it from another process.
        await BaselineApp.RunAsync(options.Get("url", "http://127.0.0.1:5095"), options.Get("connection", string.Empty),
            CancellationToken.None);
        return 0;
    case "versus-baseline":
        var comparison = await new BaselineComparison(new Uri(options.Get("url", "http://localhost:5080")),
                new Uri(options.Get("baseline", "http://127.0.0.1:5095")), options.Get("email", "practitioner@example.org"),
                options.Get("referrer", "referrer@example.org"), options.Get("password", "Demo-Pass-2026!"),
                options.Get("authenticator-key", "THRESHOLDPORTALDEMOKEYNORTHSHIRE"), options.TryGet("connection"))
            .RunAsync(int.Parse(options.Get("rounds", "3"), CultureInfo.InvariantCulture),
                int.Parse(options.Get("warm-up-rounds", "1"), CultureInfo.InvariantCulture),
                int.Parse(options.Get("workers", "8"), CultureInfo.InvariantCulture),
                int.Parse(options.Get("seconds", "10"), CultureInfo.InvariantCulture),
                int.Parse(options.Get("sends", "400"), CultureInfo.InvariantCulture),
                TimeSpan.FromSeconds(int.Parse(options.Get("settle-seconds", "3"), CultureInfo.InvariantCulture)), cancellation.Token);
        Console.WriteLine(comparison);
        if (options.TryGet("out") is { } comparisonOutput)
        {
            await File.AppendAllTextAsync(comparisonOutput, comparison, cancellation.Token);
        }

        return 0;
    case "generate":
        var connection = options.TryGet("connection")
            ?? throw new InvalidOperationException("--connection is required: the portal database to fill.");
        var count = int.Parse(options.Get("count", "200000"), CultureInfo.InvariantCulture);
        var perDay = int.Parse(options.Get("per-day", "2500"), CultureInfo.InvariantCulture);
        Console.WriteLine($"Generating {count:N0} referrals with their MASH cases ({perDay:N0} a working day)...");
        var generated = await new VolumeGenerator(connection, count, perDay,
            int.Parse(options.Get("seed", "4100"), CultureInfo.InvariantCulture)).RunAsync(cancellation.Token);
        Console.WriteLine($"Loaded {generated.Referrals:N0} referrals ({generated.Open:N0} cases open) in " +
            $"{generated.Elapsed.TotalSeconds:0} s.");
        return 0;
    default:
        Console.Error.WriteLine("Commands: load, sign-in-timing, suggestions, retention, referral-send, person-matching, generate");
        return 2;
}

internal sealed class Options(string command, Dictionary<string, string> values)
{
    public string Command { get; } = command;

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new Options(args.Length > 0 ? args[0] : string.Empty, values);
    }

    public string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public string? TryGet(string name) => values.GetValueOrDefault(name);
}

internal static class Report
{
    public static string Render(string label, int workers, int seconds, IReadOnlyList<PageResult> results) =>
        string.Join(Environment.NewLine,
        [
            $"## {label}: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {workers} workers, " +
                $"{seconds} s per page, load average {LoadAverage()} at the end",
            string.Empty,
            "| page | requests | non-200 | req/s | p50 ms | p95 ms | p99 ms |",
            "|---|---|---|---|---|---|---|",
            .. results.Select(r => r.ToMarkdownRow()),
            string.Empty,
        ]);

    /// <summary>The nearest-rank percentile of sorted timings; NaN when there are none.</summary>
    internal static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>The commit the figures were measured on, as results.md rows cite it.</summary>
    internal static string Commit()
    {
        try
        {
            using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    // Other work on a shared machine skews every number: the report says how busy it was.
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
