namespace ThresholdPortal.Web.Features.EarlyHelp;

/// <summary>Every address of the early help hub's workspace in one place.</summary>
public static class EarlyHelpRoutes
{
    public const string Queue = "/early-help";
    public const string Directory = "/admin/configuration/lead-professionals";

    public static string Case(Guid id) => $"/early-help/cases/{id}";
    public static string Allocate(Guid id) => $"/early-help/cases/{id}/allocate";
    public static string Consent(Guid id) => $"/early-help/cases/{id}/consent";
    public static string Assessment(Guid id) => $"/early-help/cases/{id}/assessment";
    public static string StepUp(Guid id) => $"/early-help/cases/{id}/step-up";
    public static string Close(Guid id) => $"/early-help/cases/{id}/close";
}
