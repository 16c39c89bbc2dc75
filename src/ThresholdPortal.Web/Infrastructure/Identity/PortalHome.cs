using System.Security.Claims;
using ThresholdPortal.Domain.Accounts;

namespace ThresholdPortal.Web.Infrastructure.Identity;

public static class PortalHome
{
    /// <summary>The area of a signed-in user's main role: where "Continue" takes them.</summary>
    public static string For(ClaimsPrincipal user) => For(user.IsInRole);

    public static string For(IReadOnlyCollection<string> roles) => For(roles.Contains);

    private static string For(Func<string, bool> isInRole) =>
        isInRole(PortalRole.MashPractitioner) || isInRole(PortalRole.MashManager) ? "/mash"
        : isInRole(PortalRole.AgencyResponder) ? "/agency"
        : isInRole(PortalRole.Administrator) ? "/admin"
        : isInRole(PortalRole.Referrer) ? "/referrals"
        : isInRole(PortalRole.Auditor) ? "/insights/audits"
        : "/account";
}
