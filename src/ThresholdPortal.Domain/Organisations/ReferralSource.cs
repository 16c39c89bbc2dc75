namespace ThresholdPortal.Domain.Organisations;

/// <summary>
/// A Children in Need census referral source code (for example "2A" schools, "6" police) with its
/// description. The codes are the government's, so they are fixed here rather than configured.
/// </summary>
public sealed record ReferralSource(string Code, string Description)
{
    public static readonly ReferralSource Family = new("1A", "Individual: family member, relative or carer");
    public static readonly ReferralSource Acquaintance = new("1B", "Individual: acquaintance, including neighbours and childminders");
    public static readonly ReferralSource Self = new("1C", "Individual: self");
    public static readonly ReferralSource OtherIndividual = new("1D", "Individual: other");
    public static readonly ReferralSource Schools = new("2A", "Education services: schools");
    public static readonly ReferralSource EducationServices = new("2B", "Education services: other education services");
    public static readonly ReferralSource GeneralPractitioner = new("3A", "Health services: GP");
    public static readonly ReferralSource HealthVisitor = new("3B", "Health services: health visitor");
    public static readonly ReferralSource SchoolNurse = new("3C", "Health services: school nurse");
    public static readonly ReferralSource OtherPrimaryHealth = new("3D", "Health services: other primary health services");
    public static readonly ReferralSource AccidentAndEmergency = new("3E", "Health services: A&E");
    public static readonly ReferralSource OtherHealth = new("3F", "Health services: other");
    public static readonly ReferralSource Housing = new("4", "Housing: LA housing or housing association");
    public static readonly ReferralSource LocalAuthoritySocialCare = new("5A", "LA services: social care");
    public static readonly ReferralSource OtherLocalAuthorityDepartment = new("5B", "LA services: other internal department");
    public static readonly ReferralSource AnotherLocalAuthority = new("5C",
        "LA services: external, for example from another local authority");
    public static readonly ReferralSource EarlyHelp = new("5D", "LA services: early help");
    public static readonly ReferralSource Police = new("6", "Police");
    public static readonly ReferralSource OtherLegalAgency = new("7",
        "Other legal agency, including courts, probation, immigration, Cafcass and prison");
    public static readonly ReferralSource Other = new("8", "Other, including children's centres and voluntary organisations");
    public static readonly ReferralSource Anonymous = new("9", "Anonymous");
    public static readonly ReferralSource Unknown = new("10", "Unknown");

    public static IReadOnlyList<ReferralSource> All { get; } =
    [
        Family, Acquaintance, Self, OtherIndividual, Schools, EducationServices, GeneralPractitioner,
        HealthVisitor, SchoolNurse, OtherPrimaryHealth, AccidentAndEmergency, OtherHealth, Housing,
        LocalAuthoritySocialCare, OtherLocalAuthorityDepartment, AnotherLocalAuthority, EarlyHelp, Police,
        OtherLegalAgency, Other, Anonymous, Unknown,
    ];

    /// <summary>The sources a practitioner may record for a contact from someone without an account.</summary>
    public static IReadOnlyList<ReferralSource> NonProfessional { get; } =
        [Family, Acquaintance, Self, OtherIndividual, Anonymous, Unknown];

    public static ReferralSource FromCode(string code) =>
        All.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentOutOfRangeException(nameof(code), code, "Not a Children in Need referral source code.");

    public static bool IsKnown(string? code) =>
        code is not null && All.Any(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));
}
