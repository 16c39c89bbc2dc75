namespace ThresholdPortal.Web.Features.Decisions;

/// <summary>The addresses of the decision and sign-off pages (issue 6).</summary>
public static class DecisionRoutes
{
    public const string SignOffList = "/mash/sign-off";

    public static string Decide(Guid caseId) => $"/mash/cases/{caseId}/decision";

    public static string SignOff(Guid caseId) => $"/mash/cases/{caseId}/sign-off";
}
