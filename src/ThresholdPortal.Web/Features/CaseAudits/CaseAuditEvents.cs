namespace ThresholdPortal.Web.Features.CaseAudits;

/// <summary>
/// Audit-trail actions of the case audits. Opening a sampled case is a view of the child's record, so it
/// is <see cref="Triage.CaseEvents.Viewed"/> on the case with the detail <see cref="ViewedDetail"/>; a
/// judgement is recorded on the case too, so the case's timeline shows that it was audited. Creating and
/// completing an audit are events on the audit itself.
/// </summary>
public static class CaseAuditEvents
{
    public const string SubjectType = "CaseAudit";

    public const string ViewedDetail = "Case audit";
    public const string Created = "audit.created";
    public const string Completed = "audit.completed";
    public const string ReportDownloaded = "audit.report.downloaded";

    /// <summary>On the case (subject <see cref="Triage.CaseEvents.SubjectType"/>): an auditor recorded a judgement.</summary>
    public const string CaseJudged = "case.audit.judged";

    public static string? Describe(string action) => action switch
    {
        CaseJudged => "Judged in a case audit",
        Created => "Case audit started",
        Completed => "Case audit completed",
        ReportDownloaded => "Case audit report downloaded",
        _ => null,
    };
}
