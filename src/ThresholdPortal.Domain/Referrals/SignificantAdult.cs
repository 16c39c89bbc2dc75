using ThresholdPortal.Domain.Matching;

namespace ThresholdPortal.Domain.Referrals;

/// <summary>A parent, carer, partner or other adult who lives with or matters to the children.</summary>
public class SignificantAdult
{
    public const int NameMaxLength = 100;
    public const int RelationshipMaxLength = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ReferralId { get; init; }
    public int Order { get; set; }

    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }

    /// <summary>To the children, in the referrer's words: "Mother of both children", "Mum's partner".</summary>
    public string? Relationship { get; set; }

    public bool? LivesWithChildren { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public bool? KnowsAboutReferral { get; set; }

    public string DisplayName => PersonName.AsWritten(GivenName, FamilyName);
}
