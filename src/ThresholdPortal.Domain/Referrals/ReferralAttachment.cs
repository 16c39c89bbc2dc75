namespace ThresholdPortal.Domain.Referrals;

/// <summary>
/// A risk assessment or other document sent with a referral. The bytes live in
/// <see cref="AttachmentContent"/>, a separate table, so listing attachments never loads them.
/// </summary>
public class ReferralAttachment
{
    public const int FileNameMaxLength = 200;
    public const int DescriptionMaxLength = 200;
    public const long MaxSizeBytes = 10 * 1024 * 1024;
    public const int MaxPerReferral = 10;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ReferralId { get; init; }
    public AttachmentKind Kind { get; init; }

    /// <summary>What the document is, when <see cref="Kind"/> is Other.</summary>
    public string? Description { get; init; }

    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long SizeBytes { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}

/// <summary>The stored bytes of one attachment.</summary>
public class AttachmentContent
{
    public Guid AttachmentId { get; init; }
    public required byte[] Bytes { get; init; }
}

public enum AttachmentKind
{
    GradedCareProfile,
    EarlyHelpAssessment,
    Dash,
    DvRiskMatrix,
    ExploitationRiskTool,
    Other,
}

public static class AttachmentKindExtensions
{
    public static string DisplayName(this AttachmentKind kind) => kind switch
    {
        AttachmentKind.GradedCareProfile => "Graded Care Profile (GCP2)",
        AttachmentKind.EarlyHelpAssessment => "Early Help Assessment",
        AttachmentKind.Dash => "DASH risk checklist (domestic abuse, stalking, harassment and honour-based violence)",
        AttachmentKind.DvRiskMatrix => "Domestic violence risk identification matrix",
        AttachmentKind.ExploitationRiskTool => "CSE or CCE risk assessment tool (child sexual or criminal exploitation)",
        AttachmentKind.Other => "Another document",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
