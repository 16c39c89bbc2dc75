using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.UnitTests.Web.Infrastructure.Web;

/// <summary>One time zone, read from configuration, and one GOV.UK way of writing dates and times.</summary>
public sealed class UkTimeTests
{
    private static readonly string[] ZoneLiterals = ["\"Europe/London\"", "'Europe/London'"];

    [Fact]
    public void Only_the_options_class_names_the_time_zone()
    {
        var found = SourceTree.HandWrittenFiles(".cs", ".cshtml")
            .Where(f => f.Relative.StartsWith("src/", StringComparison.Ordinal))
            .Where(f => !f.Relative.EndsWith("/" + nameof(TriageOptions) + ".cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f.Path).Select((line, i) => (f.Relative, Line: i + 1, Text: line)))
            .Where(l => ZoneLiterals.Any(z => l.Text.Contains(z, StringComparison.Ordinal)))
            .Select(l => $"{l.Relative}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        found.ShouldBeEmpty("convert with UkTime (or pass InsightsSql.Zone() to SQL); the zone is the Triage:TimeZone setting");
    }

    [Fact]
    public void The_default_zone_is_the_options_default() => UkTime.ZoneId.ShouldBe(new TriageOptions().TimeZone);

    [Theory]
    [InlineData(14, 5, "2:05pm")]
    [InlineData(9, 0, "9am")]
    [InlineData(12, 0, "midday")]
    [InlineData(0, 0, "midnight")]
    [InlineData(0, 30, "12:30am")]
    [InlineData(12, 30, "12:30pm")]
    public void Times_are_written_the_GOV_UK_way(int hour, int minute, string expected) =>
        UkTime.Time(new TimeOnly(hour, minute)).ShouldBe(expected);

    [Fact]
    public void Moments_are_shown_in_UK_time_in_summer()
    {
        // 13:05 UTC on 4 June 2026 is 2:05pm British Summer Time.
        var moment = new DateTimeOffset(2026, 6, 4, 13, 5, 0, TimeSpan.Zero);

        UkTime.DateAndTime(moment).ShouldBe("4 June 2026 at 2:05pm");
        UkTime.Short(moment).ShouldBe("Thu 4 Jun, 2:05pm");
        UkTime.ShortWithYear(moment).ShouldBe("4 Jun 2026, 2:05pm");
    }

    [Fact]
    public void A_UK_day_starts_at_midnight_UK_time()
    {
        UkTime.StartOf(new DateOnly(2026, 6, 4)).ShouldBe(new DateTimeOffset(2026, 6, 3, 23, 0, 0, TimeSpan.Zero));
        UkTime.DateOf(new DateTimeOffset(2026, 6, 3, 23, 30, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 6, 4));
        UkTime.Date(new DateOnly(2026, 12, 4)).ShouldBe("4 December 2026");
    }
}
