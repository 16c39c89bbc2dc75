namespace ThresholdPortal.Domain.Organisations;

/// <summary>What sort of organisation a user works for. Each kind maps to one referral source code.</summary>
public enum OrganisationKind
{
    School = 1,
    EducationService,
    GpPractice,
    HealthVisiting,
    SchoolNursing,
    OtherPrimaryHealth,
    EmergencyDepartment,
    OtherHealth,
    Housing,
    LocalAuthorityChildrensSocialCare,
    OtherLocalAuthorityDepartment,
    AnotherLocalAuthority,
    EarlyHelp,
    Police,
    Probation,
    OtherLegalAgency,
    VoluntaryOrganisation,
    Other,
}

public static class OrganisationKindExtensions
{
    public static ReferralSource ReferralSource(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.School => Organisations.ReferralSource.Schools,
        OrganisationKind.EducationService => Organisations.ReferralSource.EducationServices,
        OrganisationKind.GpPractice => Organisations.ReferralSource.GeneralPractitioner,
        OrganisationKind.HealthVisiting => Organisations.ReferralSource.HealthVisitor,
        OrganisationKind.SchoolNursing => Organisations.ReferralSource.SchoolNurse,
        OrganisationKind.OtherPrimaryHealth => Organisations.ReferralSource.OtherPrimaryHealth,
        OrganisationKind.EmergencyDepartment => Organisations.ReferralSource.AccidentAndEmergency,
        OrganisationKind.OtherHealth => Organisations.ReferralSource.OtherHealth,
        OrganisationKind.Housing => Organisations.ReferralSource.Housing,
        OrganisationKind.LocalAuthorityChildrensSocialCare => Organisations.ReferralSource.LocalAuthoritySocialCare,
        OrganisationKind.OtherLocalAuthorityDepartment => Organisations.ReferralSource.OtherLocalAuthorityDepartment,
        OrganisationKind.AnotherLocalAuthority => Organisations.ReferralSource.AnotherLocalAuthority,
        OrganisationKind.EarlyHelp => Organisations.ReferralSource.EarlyHelp,
        OrganisationKind.Police => Organisations.ReferralSource.Police,
        OrganisationKind.Probation or OrganisationKind.OtherLegalAgency => Organisations.ReferralSource.OtherLegalAgency,
        OrganisationKind.VoluntaryOrganisation or OrganisationKind.Other => Organisations.ReferralSource.Other,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string DisplayName(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.School => "School or early years setting",
        OrganisationKind.EducationService => "Other education service",
        OrganisationKind.GpPractice => "GP practice",
        OrganisationKind.HealthVisiting => "Health visiting",
        OrganisationKind.SchoolNursing => "School nursing",
        OrganisationKind.OtherPrimaryHealth => "Other primary health service",
        OrganisationKind.EmergencyDepartment => "Emergency department (A&E)",
        OrganisationKind.OtherHealth => "Other health service",
        OrganisationKind.Housing => "Housing",
        OrganisationKind.LocalAuthorityChildrensSocialCare => "Local authority children's social care (MASH)",
        OrganisationKind.OtherLocalAuthorityDepartment => "Other local authority department",
        OrganisationKind.AnotherLocalAuthority => "Another local authority",
        OrganisationKind.EarlyHelp => "Early help",
        OrganisationKind.Police => "Police",
        OrganisationKind.Probation => "Probation",
        OrganisationKind.OtherLegalAgency => "Other legal agency (courts, immigration, Cafcass, prison)",
        OrganisationKind.VoluntaryOrganisation => "Voluntary or community organisation",
        OrganisationKind.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
