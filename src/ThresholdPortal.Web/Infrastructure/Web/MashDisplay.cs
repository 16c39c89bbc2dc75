using System.Globalization;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Web.Infrastructure.Web;

/// <summary>Words and formats the MASH pages share.</summary>
public static class MashDisplay
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The CSS class of a BRAG tag; the tag always carries the rating's word too.</summary>
    public static string BragClass(BragRating? rating) => rating switch
    {
        BragRating.Red => "portal-brag--red",
        BragRating.Amber => "portal-brag--amber",
        BragRating.Green => "portal-brag--green",
        BragRating.Blue => "portal-brag--blue",
        _ => "govuk-tag--grey",
    };

    public static string BragText(BragRating? rating) => rating?.ToString() ?? "Not rated";

    public static string StatusColour(MashCaseStatus status) => status switch
    {
        MashCaseStatus.New => "light-blue",
        MashCaseStatus.Screening => "purple",
        MashCaseStatus.AwaitingInformation => "yellow",
        MashCaseStatus.AwaitingDecision => "orange",
        MashCaseStatus.AwaitingSignOff => "pink",
        _ => "grey",
    };

    /// <summary>"3 hours 20 minutes left", "Overdue by 1 day 2 hours", "No target" for Blue.</summary>
    public static string TimeLeft(DateTimeOffset? dueAt, DateTimeOffset now)
    {
        if (DecisionClock.TimeLeft(dueAt, now) is not { } left)
        {
            return "No target";
        }

        return left >= TimeSpan.Zero ? $"{Duration(left)} left" : $"Overdue by {Duration(left.Negate())}";
    }

    public static bool IsOverdue(DateTimeOffset? dueAt, DateTimeOffset now) => dueAt is { } due && due < now;

    /// <summary>The two largest units: "2 days 3 hours", "45 minutes", "less than a minute".</summary>
    public static string Duration(TimeSpan span)
    {
        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add(Unit(span.Days, "day"));
        }

        if (span.Hours > 0)
        {
            parts.Add(Unit(span.Hours, "hour"));
        }

        if (span.Minutes > 0)
        {
            parts.Add(Unit(span.Minutes, "minute"));
        }

        return parts.Count == 0 ? "less than a minute" : string.Join(' ', parts.Take(2));
    }

    /// <summary>"Tue 24 Nov, 10:05am": short enough for a table cell, in UK time.</summary>
    public static string Short(DateTimeOffset moment) => UkTime.Short(moment);

    /// <summary>"24 November 2026 at 10:05am".</summary>
    public static string Long(DateTimeOffset moment) => UkTime.DateAndTime(moment);

    public static DateOnly Today(DateTimeOffset now) => UkTime.DateOf(now);

    public static string Date(DateOnly date) => UkTime.Date(date);

    private static string Unit(int count, string unit) =>
        count == 1 ? $"1 {unit}" : $"{count.ToString(CultureInfo.InvariantCulture)} {unit}s";
}
