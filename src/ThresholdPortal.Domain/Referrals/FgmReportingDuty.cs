using ThresholdPortal.Domain.Organisations;

namespace ThresholdPortal.Domain.Referrals;

/// <summary>The referrer's profession, asked when FGM is known, because the reporting duty is personal to some professions.</summary>
public enum ReferrerProfession
{
    Teacher = 1,
    HealthProfessional,
    SocialWorker,
    Other,
}

/// <summary>
/// Who the mandatory duty to report FGM falls on. The duty is on teachers and regulated health and social care
/// professionals who know (see, or are told) that FGM has been carried out on a girl under 18. The referrer is asked
/// their profession when they say FGM is known; drafts from before that question fall back to the organisation's kind
/// (docs/decisions/0113).
/// </summary>
public static class FgmReportingDuty
{
    /// <summary>Organisations whose referrers are, as a rule, teachers or regulated health or social care staff.</summary>
    public static bool LikelyAppliesTo(OrganisationKind kind) => kind is OrganisationKind.School
        or OrganisationKind.GpPractice or OrganisationKind.HealthVisiting or OrganisationKind.SchoolNursing
        or OrganisationKind.OtherPrimaryHealth or OrganisationKind.EmergencyDepartment or OrganisationKind.OtherHealth
        or OrganisationKind.LocalAuthorityChildrensSocialCare;

    /// <summary>"a teacher", "a health professional", "a social worker": how the page names the referrer's role.</summary>
    public static string? RoleOf(OrganisationKind kind) => kind switch
    {
        OrganisationKind.School => "a teacher",
        OrganisationKind.LocalAuthorityChildrensSocialCare => "a social worker",
        _ when LikelyAppliesTo(kind) => "a health professional",
        _ => null,
    };

    /// <summary>The role the duty names when the referrer said their profession; null when the duty is not theirs.</summary>
    public static string? RoleOf(ReferrerProfession profession) => profession switch
    {
        ReferrerProfession.Teacher => "a teacher",
        ReferrerProfession.HealthProfessional => "a health professional",
        ReferrerProfession.SocialWorker => "a social worker",
        _ => null,
    };

    /// <summary>The referrer's own answer wins; without one, the organisation's kind is the best guess.</summary>
    public static string? RoleOf(ReferrerProfession? profession, OrganisationKind? organisation) =>
        profession is { } said ? RoleOf(said) : organisation is { } kind ? RoleOf(kind) : null;

    public static string DisplayName(this ReferrerProfession profession) => profession switch
    {
        ReferrerProfession.Teacher => "Teacher or other school staff",
        ReferrerProfession.HealthProfessional => "Registered health professional (for example a doctor, nurse or midwife)",
        ReferrerProfession.SocialWorker => "Social worker",
        ReferrerProfession.Other => "Another profession",
        _ => throw new ArgumentOutOfRangeException(nameof(profession), profession, null),
    };
}
