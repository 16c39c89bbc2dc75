using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.CaseAudits;

/// <summary>Dates and periods as the audit pages show and count them: in UK time.</summary>
public static class AuditDisplay
{
    public static string Date(DateOnly date) => UkTime.Date(date);

    public static string Date(DateTimeOffset at) => UkTime.Date(at);

    public static string Period(DateOnly from, DateOnly to) => $"{Date(from)} to {Date(to)}";

    /// <summary>The first instant of a UK calendar day: a period runs from the start of its first day to the start of the day after its
    /// last.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => UkTime.StartOf(day);

    public static string Percent(int? percent) => percent is { } p ? $"{p}%" : "Not applicable";
}
