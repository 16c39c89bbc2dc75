namespace ThresholdPortal.Domain.InformationRequests;

/// <summary>
/// The practitioner's record that one agency on the checklist need not be asked for this case, and why.
/// With the requests, it is what makes "were all relevant agencies considered" a measured fact.
/// </summary>
public class AgencyNotNeeded
{
    public const int ReasonMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CaseId { get; init; }
    public required string AgencyKey { get; init; }

    /// <summary>The agency's name when the reason was recorded.</summary>
    public required string AgencyName { get; init; }

    public required string Reason { get; init; }
    public Guid RecordedByUserId { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}
