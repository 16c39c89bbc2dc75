namespace ThresholdPortal.Domain.Organisations;

/// <summary>
/// A body whose staff use the portal: the MASH's own local authority, or a partner (school, police,
/// GP practice, voluntary group...). Partner agencies that answer information requests are organisations
/// with responders.
/// </summary>
public class Organisation
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }

    /// <summary>E-mail domains its staff use, lower case, without "@" (for example "police.example.org").</summary>
    public List<string> EmailDomains { get; set; } = [];

    /// <summary>Whether colleagues in this organisation may see each other's referrals.</summary>
    public bool SharedReferralVisibility { get; set; }

    public bool IsActive { get; set; } = true;

    public ReferralSource ReferralSource => Kind.ReferralSource();
}
