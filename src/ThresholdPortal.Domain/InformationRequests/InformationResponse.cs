namespace ThresholdPortal.Domain.InformationRequests;

/// <summary>
/// One response from the agency: an answer or a decline. Responses are only ever added: a submitted
/// response is never changed, and a correction is a new response pointing at the one it corrects. The
/// database refuses UPDATE and DELETE on the table too (docs/decisions/0041).
/// </summary>
public class InformationResponse
{
    public const int InvolvementMaxLength = 6000;
    public const int RisksMaxLength = 6000;
    public const int DeclineReasonMaxLength = 2000;
    public const int ResponderNameMaxLength = 210;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RequestId { get; init; }
    public ResponseKind Kind { get; init; }

    /// <summary>The earlier response this one corrects; null for the first response.</summary>
    public Guid? CorrectsResponseId { get; init; }

    public bool? KnownToAgency { get; init; }
    public string? InvolvementSummary { get; init; }
    public string? CurrentRisks { get; init; }
    public AgencyConcernLevel? ConcernLevel { get; init; }
    public string? DeclineReason { get; init; }

    public Guid RespondedByUserId { get; init; }

    /// <summary>The responder's name as it was when they responded (their account may change later).</summary>
    public required string RespondedByName { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }
    public List<ResponseAttachment> Attachments { get; init; } = [];
}

/// <summary>A document sent with an answer. Its bytes live in <see cref="ResponseAttachmentContent"/>, a separate table.</summary>
public class ResponseAttachment
{
    public const int MaxPerResponse = 5;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ResponseId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long SizeBytes { get; init; }
    public ResponseAttachmentContent? Content { get; init; }
}

public class ResponseAttachmentContent
{
    public Guid AttachmentId { get; init; }
    public required byte[] Bytes { get; init; }
}

/// <summary>A file a responder uploaded, before its type is checked.</summary>
public sealed record UploadedFile(string? FileName, byte[] Bytes);

/// <summary>What an agency says when it answers.</summary>
public sealed record AgencyAnswer(
    bool KnownToAgency,
    string? InvolvementSummary,
    string? CurrentRisks,
    AgencyConcernLevel ConcernLevel,
    IReadOnlyList<UploadedFile> Files);
