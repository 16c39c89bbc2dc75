using System.Globalization;
using ThresholdPortal.Web.Features.Triage;

namespace ThresholdPortal.Web.Infrastructure.Web;

/// <summary>
/// The portal's one time zone and its one way of writing dates and times, in GOV.UK style: "4 December 2026",
/// "2:05pm", "9am", "midday", "midnight". The zone is the configured Triage:TimeZone, set once when the app
/// starts; it is static because views and validators format dates in about a hundred places (docs/decisions/0085).
/// </summary>
public static class UkTime
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.FindSystemTimeZoneById(new TriageOptions().TimeZone);

    /// <summary>The IANA id, for SQL's AT TIME ZONE parameter.</summary>
    public static string ZoneId => Zone.Id;

    /// <summary>Called once at start-up with the validated configured zone.</summary>
    public static void Use(TimeZoneInfo configured) => Zone = configured;

    public static DateTime Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone).DateTime;

    public static DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(Local(moment));

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    /// <summary>The first instant of a UK calendar day.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>"4 December 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", British);

    public static string Date(DateTimeOffset moment) => Date(DateOf(moment));

    /// <summary>"2:05pm", "9am", "midday", "midnight".</summary>
    public static string Time(DateTimeOffset moment) => Time(TimeOnly.FromDateTime(Local(moment)));

    public static string Time(TimeOnly time) => time switch
    {
        { Hour: 0, Minute: 0 } => "midnight",
        { Hour: 12, Minute: 0 } => "midday",
        { Minute: 0 } => time.ToString("htt", British).ToLowerInvariant(),
        _ => time.ToString("h:mmtt", British).ToLowerInvariant(),
    };

    /// <summary>"4 December 2026 at 2:05pm".</summary>
    public static string DateAndTime(DateTimeOffset moment) => $"{Date(moment)} at {Time(moment)}";

    /// <summary>"Fri 4 Dec, 2:05pm": short enough for a table cell.</summary>
    public static string Short(DateTimeOffset moment) => $"{Local(moment).ToString("ddd d MMM", British)}, {Time(moment)}";

    /// <summary>"4 Dec 2026, 2:05pm": a row of a history table.</summary>
    public static string ShortWithYear(DateTimeOffset moment) => $"{Local(moment).ToString("d MMM yyyy", British)}, {Time(moment)}";
}
