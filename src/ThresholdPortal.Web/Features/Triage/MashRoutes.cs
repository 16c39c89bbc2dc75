namespace ThresholdPortal.Web.Features.Triage;

/// <summary>Every address of the MASH workspace in one place.</summary>
public static class MashRoutes
{
    public const string Queue = "/mash";
    public const string NewContact = "/mash/contacts/new";
    public const string EarlyHelpHub = "/mash/early-help";

    public static string Case(Guid caseId) => $"/mash/cases/{caseId}";
    public static string Rating(Guid caseId) => $"/mash/cases/{caseId}/rating";
    public static string Assign(Guid caseId) => $"/mash/cases/{caseId}/assign";
    public static string Outcome(Guid caseId) => $"/mash/cases/{caseId}/outcome";
    public static string AccessLog(Guid caseId) => $"/mash/cases/{caseId}/access-log";
    public static string Attachment(Guid caseId, Guid attachmentId) => $"/mash/cases/{caseId}/attachments/{attachmentId}";
    public static string Person(Guid caseId, Guid subjectId) => $"/mash/cases/{caseId}/people/{subjectId}";
    public static string EarlyHelpRequest(Guid referralId) => $"/mash/early-help/{referralId}";
    public static string EarlyHelpAttachment(Guid referralId, Guid attachmentId) =>
        $"/mash/early-help/{referralId}?handler=attachment&attachmentId={attachmentId}";
}
