namespace ThresholdPortal.Web.Features.Decisions;

/// <summary>The addresses of feedback to referrers and of escalations (issue 6, part B).</summary>
public static class FeedbackRoutes
{
    public const string Escalations = "/mash/escalations";
    public const string AnsweredEscalations = "/mash/escalations?tab=answered";

    public static string CaseFeedback(Guid caseId) => $"/mash/cases/{caseId}/feedback";
    public static string Escalation(Guid escalationId) => $"/mash/escalations/{escalationId}";
    public static string Disagree(string reference) => $"/referrals/{Uri.EscapeDataString(reference)}/disagree";
}
