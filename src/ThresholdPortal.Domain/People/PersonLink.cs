namespace ThresholdPortal.Domain.People;

/// <summary>
/// A practitioner's confirmation that a child or adult named in a referral is a known person. Never made
/// automatically: the score only helps the practitioner decide.
/// </summary>
public class PersonLink
{
    public long Id { get; init; }
    public Guid CaseId { get; init; }
    public Guid ReferralId { get; init; }
    public PersonRole Role { get; init; }

    /// <summary>The <c>ReferralChild</c> or <c>SignificantAdult</c> the referral names.</summary>
    public Guid SubjectId { get; init; }

    public Guid PersonId { get; init; }

    /// <summary>The match score when it was confirmed; null when a new person was created instead.</summary>
    public int? MatchScore { get; init; }

    public Guid LinkedByUserId { get; init; }
    public DateTimeOffset LinkedAt { get; init; }
}
