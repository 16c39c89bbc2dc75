using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.InformationRequests;

/// <summary>Words and colours the request pages share. A status tag always carries its word.</summary>
public static class RequestDisplay
{
    public static string StatusColour(RequestStatus status) => status switch
    {
        RequestStatus.Sent => "blue",
        RequestStatus.Viewed => "light-blue",
        RequestStatus.Overdue => "red",
        RequestStatus.Answered => "green",
        RequestStatus.Declined => "orange",
        _ => "grey",
    };

    public static string CheckColour(AgencyCheckStatus status) => status switch
    {
        AgencyCheckStatus.Requested => "green",
        AgencyCheckStatus.NotNeeded => "grey",
        _ => "yellow",
    };

    public static string CheckText(AgencyCheckStatus status) => status switch
    {
        AgencyCheckStatus.Requested => "Asked",
        AgencyCheckStatus.NotNeeded => "Not needed",
        _ => "To do",
    };

    /// <summary>"Due 24 November 2026 at 12:00 (2 hours left)" or "Was due ... (overdue by 1 hour)".</summary>
    public static string Due(DateTimeOffset dueAt, DateTimeOffset now, bool open) => !open
        ? $"Was due {MashDisplay.Long(dueAt)}"
        : dueAt >= now
            ? $"Due {MashDisplay.Long(dueAt)} ({MashDisplay.Duration(dueAt - now)} left)"
            : $"Was due {MashDisplay.Long(dueAt)} (overdue by {MashDisplay.Duration(now - dueAt)})";

    public static string Born(SubjectView subject) => subject switch
    {
        { DateOfBirth: { } born } => MashDisplay.Date(born),
        { ExpectedDate: { } expected } => $"Unborn, expected {MashDisplay.Date(expected)}",
        _ => "Not known",
    };

    public static string YesNo(bool? value) => value switch
    {
        true => "Yes",
        false => "No",
        null => "Not given",
    };
}
