using System.Text.RegularExpressions;

namespace ThresholdPortal.UnitTests;

/// <summary>
/// No rule and no test may depend on today's date or weekday: the app reads the injected TimeProvider, and
/// the tests give it a fixed clock. This reads the source tree, so a new call to the machine's clock fails
/// here before it fails on some Friday afternoon.
/// </summary>
public sealed partial class ClockTests
{
    // Where the real clock is right: the one registration of the system clock for the running app, the
    // authenticator codes (ASP.NET Core Identity checks them against the system clock), the demo data tool's
    // entry point and the benchmark tools, which lay their data out around the real now.
    private static readonly string[] Allowed =
    [
        "AddSingleton(TimeProvider.System)",
    ];

    private static readonly string[] AllowedFiles = ["Totp.cs", "DemoDataProgram.cs", nameof(ClockTests) + ".cs"];

    [Fact]
    public void Nothing_but_the_registered_TimeProvider_reads_the_machine_clock()
    {
        var root = RepositoryRoot();
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (!(relative.StartsWith("src/", StringComparison.Ordinal) || relative.StartsWith("tests/", StringComparison.Ordinal) ||
                    relative.StartsWith("tools/", StringComparison.Ordinal))
                || relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
                || relative.StartsWith("tests/ThresholdPortal.Benchmarks/", StringComparison.Ordinal)
                || AllowedFiles.Contains(Path.GetFileName(file)))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (MachineClock().IsMatch(lines[i]) && !Allowed.Any(a => lines[i].Contains(a, StringComparison.Ordinal)))
                {
                    found.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        found.ShouldBeEmpty("read the injected TimeProvider (tests: TestClock) instead of the machine's clock");
    }

    [Fact]
    public void The_check_finds_a_read_of_the_machine_clock()
    {
        MachineClock().IsMatch("var now = DateTimeOffset.UtcNow;").ShouldBeTrue();
        MachineClock().IsMatch("var today = DateTime.Today;").ShouldBeTrue();
        MachineClock().IsMatch("new Thing(TimeProvider.System)").ShouldBeTrue();
        MachineClock().IsMatch("var now = clock.GetUtcNow();").ShouldBeFalse();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ThresholdPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ThresholdPortal.sln not found above the test's folder.");
    }

    [GeneratedRegex(@"\b(DateTime|DateTimeOffset)\s*\.\s*(UtcNow|Now|Today)\b|\bTimeProvider\s*\.\s*System\b")]
    private static partial Regex MachineClock();
}
