namespace ThresholdPortal.Web.Features.InformationRequests;

/// <summary>Every address of the information request pages, for the MASH and for agencies.</summary>
public static class InformationRequestRoutes
{
    public static string Checklist(Guid caseId) => $"/mash/cases/{caseId}/information-requests";
    public static string Send(Guid caseId, string agencyKey) => $"/mash/cases/{caseId}/information-requests/send/{agencyKey}";
    public static string NotNeeded(Guid caseId, string agencyKey) => $"/mash/cases/{caseId}/information-requests/not-needed/{agencyKey}";
    public static string MashAttachment(Guid caseId, Guid attachmentId) =>
        $"/mash/cases/{caseId}/information-requests/attachments/{attachmentId}";
    public static string ResponseAnchor(Guid requestId) => $"request-{requestId:N}";

    public const string AgencyList = "/agency/requests";
    public static string AgencyRequest(Guid requestId) => $"/agency/requests/{requestId}";
    public static string Answer(Guid requestId) => $"/agency/requests/{requestId}/answer";
    public static string Decline(Guid requestId) => $"/agency/requests/{requestId}/decline";
    public static string AgencyAttachment(Guid requestId, Guid attachmentId) => $"/agency/requests/{requestId}/attachments/{attachmentId}";
}
