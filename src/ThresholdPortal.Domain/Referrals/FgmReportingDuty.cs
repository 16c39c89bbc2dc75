using ThresholdPortal.Domain.Organisations;

namespace ThresholdPortal.Domain.Referrals;

/// <summary>
/// Who the mandatory duty to report FGM falls on. The duty is on teachers and regulated health and social care
/// professionals who know (see, or are told) that FGM has been carried out on a girl under 18. The portal knows the
/// referrer's organisation, not their job, so it infers from the organisation's kind and says so in the wording
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
}
