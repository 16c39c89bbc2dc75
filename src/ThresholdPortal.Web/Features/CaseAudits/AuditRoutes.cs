namespace ThresholdPortal.Web.Features.CaseAudits;

/// <summary>Every address of the case audits in one place.</summary>
public static class AuditRoutes
{
    public const string List = "/insights/audits";
    public const string New = "/insights/audits/new";

    public static string Audit(Guid auditId) => $"/insights/audits/{auditId}";
    public static string Case(Guid auditId, Guid caseId) => $"/insights/audits/{auditId}/cases/{caseId}";
    public static string Report(Guid auditId) => $"/insights/audits/{auditId}/report";
    public static string Csv(Guid auditId) => $"/insights/audits/{auditId}/report?handler=csv";
}
