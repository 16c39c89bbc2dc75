using ThresholdPortal.Domain.Organisations;

namespace ThresholdPortal.Domain.InformationRequests;

/// <summary>
/// One line of the MASH's agency checklist: a kind of partner agency the MASH considers for every case
/// (police, GP, the child's school...), with the standard questions it is asked. Configuration as data:
/// seeded with the portal, edited by administrators later. A request keeps its own copy of the name and
/// questions, so editing the checklist never changes what was asked.
/// </summary>
public class PartnerAgency
{
    public const int KeyMaxLength = 50;
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 300;
    public const int QuestionMaxLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>A stable key ("police", "school"): requests and reasons refer to the agency by it.</summary>
    public required string Key { get; init; }

    public required string Name { get; set; }

    /// <summary>Which services count, for the practitioner ("GP practices and other primary care").</summary>
    public string? Description { get; set; }

    public int Order { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>The kinds of organisation a request for this agency can go to; empty means any organisation.</summary>
    public List<OrganisationKind> RecipientKinds { get; set; } = [];

    public List<string> StandardQuestions { get; set; } = [];

    /// <summary>The child's school or setting: the organisation is suggested from the school the referral names.</summary>
    public bool SuggestedFromReferralSchool { get; set; }

    public bool Accepts(OrganisationKind kind) => RecipientKinds.Count == 0 || RecipientKinds.Contains(kind);
}
