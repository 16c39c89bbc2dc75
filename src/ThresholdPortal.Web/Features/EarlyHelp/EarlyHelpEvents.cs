namespace ThresholdPortal.Web.Features.EarlyHelp;

/// <summary>
/// The audit actions recorded against the hub's work with a family (subject <see cref="SubjectType"/>, id the
/// early help case's): its timeline and "what changed since you opened it" are read from them. Details never
/// carry a child's personal data.
/// </summary>
public static class EarlyHelpEvents
{
    public const string SubjectType = "EarlyHelpCase";

    public const string Opened = "early-help-case.opened";
    public const string Viewed = "early-help-case.viewed";
    public const string AttachmentDownloaded = "early-help-case.attachment-downloaded";
    public const string Allocated = "early-help-case.allocated";
    public const string SiblingsOpenElsewhere = "early-help-case.siblings-open-elsewhere";
    public const string ConsentRecorded = "early-help-case.consent-recorded";
    public const string Declined = "early-help-case.declined";
    public const string AssessmentRecorded = "early-help-case.assessment-recorded";
    public const string SteppedUp = "early-help-case.stepped-up";
    public const string Closed = "early-help-case.closed";

    public static IReadOnlyList<string> Reads { get; } = [Viewed, AttachmentDownloaded];

    public static string? Describe(string action) => action switch
    {
        Opened => "Received by the early help hub",
        Viewed => "Viewed",
        AttachmentDownloaded => "Attachment downloaded",
        Allocated => "Allocated to a lead professional",
        SiblingsOpenElsewhere => "Allocated while a brother or sister is open to the MASH or social care",
        ConsentRecorded => "The family agreed to early help",
        Declined => "The family declined early help",
        AssessmentRecorded => "Early Help Assessment dates recorded",
        SteppedUp => "Stepped up to the MASH",
        Closed => "Closed",
        _ => null,
    };
}
