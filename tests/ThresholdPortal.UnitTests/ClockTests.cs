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
        // The OpenID Connect handler's protocol cookies must outlive a real provider's round trip (docs/decisions/0122).
        "PostConfigureAll<OpenIdConnectOptions>(o => o.TimeProvider = TimeProvider.System)",
    ];

    private static readonly string[] AllowedFiles = ["Totp.cs", "DemoDataProgram.cs", nameof(ClockTests) + ".cs"];

    [Fact]
    public void Nothing_but_the_registered_TimeProvider_reads_the_machine_clock()
    {
        var found = new List<string>();
        var files = SourceTree.HandWrittenFiles(".cs")
            .Where(f => !f.Relative.StartsWith("tests/ThresholdPortal.Benchmarks/", StringComparison.Ordinal))
            .Where(f => !AllowedFiles.Contains(Path.GetFileName(f.Path)));
        foreach (var (path, relative) in files)
        {
            var lines = File.ReadAllLines(path);
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

    [GeneratedRegex(@"\b(DateTime|DateTimeOffset)\s*\.\s*(UtcNow|Now|Today)\b|\bTimeProvider\s*\.\s*System\b")]
    private static partial Regex MachineClock();
}
