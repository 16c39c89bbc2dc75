namespace ThresholdPortal.Web.Infrastructure.Identity;

public static class PortalClaimTypes
{
    public const string OrganisationId = "thresholdportal:organisation_id";
    public const string FullName = "thresholdportal:full_name";

    /// <summary>Present while a user whose role needs two-factor sign-in has not set it up (see <see
    /// cref="TwoFactorEnrolment"/>).</summary>
    public const string TwoFactorEnrolmentRequired = "thresholdportal:two_factor_enrolment_required";
}
