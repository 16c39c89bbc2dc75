namespace ThresholdPortal.Domain.EarlyHelp;

/// <summary>
/// A lead professional or team the early help hub allocates a family to: a school's designated lead, a health
/// visiting team, a family hub. Held as data that administrators edit; a withdrawn entry stays for the families it holds.
/// </summary>
public class LeadProfessional
{
    public const int NameMaxLength = 200;
    public const int ContactMaxLength = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public LeadProfessionalKind Kind { get; set; }

    /// <summary>How the hub reaches them: a phone number or a secure e-mail address.</summary>
    public required string Contact { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>What kind of service a lead professional works in. Stored by name, so never rename a value.</summary>
public enum LeadProfessionalKind
{
    School,
    HealthVisiting,
    SchoolNursing,
    FamilyHub,
    EarlyHelpTeam,
    YouthService,
    Other,
}

public static class LeadProfessionalKindExtensions
{
    public static string DisplayName(this LeadProfessionalKind kind) => kind switch
    {
        LeadProfessionalKind.School => "School",
        LeadProfessionalKind.HealthVisiting => "Health visiting",
        LeadProfessionalKind.SchoolNursing => "School nursing",
        LeadProfessionalKind.FamilyHub => "Family hub",
        LeadProfessionalKind.EarlyHelpTeam => "Early help team",
        LeadProfessionalKind.YouthService => "Youth service",
        LeadProfessionalKind.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
