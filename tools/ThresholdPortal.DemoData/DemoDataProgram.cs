using System.Diagnostics;
using System.Globalization;


namespace ThresholdPortal.DemoData;

/// <summary>
/// <c>dotnet run --project tools/ThresholdPortal.DemoData -- [--migrate]</c>: seeds the demo into the database
/// named by <c>ConnectionStrings__Portal</c> (as the web app reads it), once, and exits.
/// </summary>
public static class DemoDataProgram
{
    public static async Task<int> Main(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(DemoDataHost.Defaults)
            .AddEnvironmentVariables()
            .Build();
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString("Portal")))
        {
            await Console.Error.WriteLineAsync("Set ConnectionStrings__Portal to the database to seed.");
            return 2;
        }

        var migrate = args.Contains("--migrate", StringComparer.Ordinal);
        var started = Stopwatch.StartNew();
        await DemoDataHost.SeedAsync(configuration, TimeProvider.System.GetUtcNow(), migrate, CancellationToken.None);
        await Console.Out.WriteLineAsync(
            $"Demo data is in place ({started.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s).");
        return 0;
    }
}
