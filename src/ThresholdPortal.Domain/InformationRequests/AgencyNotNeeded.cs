using ThresholdPortal.Domain.Triage;

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

    /// <summary>Records the reason for an agency still outstanding on the case's checklist.</summary>
    public static AgencyNotNeeded Record(MashCase mashCase, AgencyCheck check, string reason, Guid byUserId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(mashCase);
        ArgumentNullException.ThrowIfNull(check);
        CaseChecks.EnsureGatheringInformation(mashCase);
        if (check.Status != AgencyCheckStatus.Outstanding)
        {
            throw new InformationRequestRuleException(check.Status == AgencyCheckStatus.Requested
                ? $"{check.Name} has already been asked."
                : $"A reason is already recorded for {check.Name}.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InformationRequestRuleException($"Say why {check.Name} need not be asked.");
        }

        return new AgencyNotNeeded
        {
            CaseId = mashCase.Id,
            AgencyKey = check.Key,
            AgencyName = check.Name,
            Reason = reason.Trim(),
            RecordedByUserId = byUserId,
            RecordedAt = at,
        };
    }
}
