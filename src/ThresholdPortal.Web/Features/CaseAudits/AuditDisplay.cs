using System.Globalization;

namespace ThresholdPortal.Web.Features.CaseAudits;

/// <summary>Dates and periods as the audit pages show and count them: in UK time.</summary>
public static class AuditDisplay
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string Date(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, London).ToString("d MMMM yyyy", EnGb);

    public static string Period(DateOnly from, DateOnly to) => $"{Date(from)} to {Date(to)}";

    /// <summary>The first instant of a UK calendar day: a period runs from the start of its first day to the start of the day after its
    /// last.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
    }

    public static string Percent(int? percent) => percent is { } p ? $"{p}%" : "Not applicable";
}
