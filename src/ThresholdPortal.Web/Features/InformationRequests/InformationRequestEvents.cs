using ThresholdPortal.Web.Features.Triage;

namespace ThresholdPortal.Web.Features.InformationRequests;

/// <summary>
/// The audit actions of information requests. They are recorded against the case (subject type
/// <see cref="CaseEvents.SubjectType"/>, subject id the case id), so the case timeline and the manager's
/// access log show them with who and when (docs/decisions/0033). Details name the agency and the request,
/// never a child.
/// </summary>
public static class InformationRequestEvents
{
    public const string Sent = "case.information-request.sent";
    public const string Viewed = "case.information-request.viewed";
    public const string Answered = "case.information-request.answered";
    public const string Corrected = "case.information-request.corrected";
    public const string Declined = "case.information-request.declined";
    public const string Chased = "case.information-request.chased";
    public const string NotNeeded = "case.agency-check.not-needed";
    public const string AttachmentDownloaded = "case.information-request.attachment.downloaded";
    public const string MovedToDecision = "case.ready-for-decision";

    /// <summary>Reading, not changing (for "what changed since you opened it").</summary>
    public static IReadOnlyList<string> Reads { get; } = [Viewed, AttachmentDownloaded];

    public static string? Describe(string action) => action switch
    {
        Sent => "Information request sent",
        Viewed => "Information request opened by the agency",
        Answered => "Information request answered",
        Corrected => "Agency sent a correction to its answer",
        Declined => "Information request declined",
        Chased => "Overdue information request chased",
        NotNeeded => "Agency check recorded as not needed",
        AttachmentDownloaded => "Agency response attachment downloaded",
        MovedToDecision => "Agency checks complete: ready for decision",
        _ => null,
    };

    public static string Detail(string agencyName, Guid requestId) => $"{agencyName}; request {requestId}";
}
