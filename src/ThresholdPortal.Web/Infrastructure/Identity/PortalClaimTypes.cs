namespace ThresholdPortal.Web.Infrastructure.Identity;

public static class PortalClaimTypes
{
    public const string OrganisationId = "thresholdportal:organisation_id";
    public const string FullName = "thresholdportal:full_name";
}
