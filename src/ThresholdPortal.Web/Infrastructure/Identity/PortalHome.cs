using System.Security.Claims;
using ThresholdPortal.Domain.Accounts;

namespace ThresholdPortal.Web.Infrastructure.Identity;

public static class PortalHome
{
    /// <summary>The area of a signed-in user's main role: where "Continue" takes them.</summary>
    public static string For(ClaimsPrincipal user) => For(user.IsInRole);

    public static string For(IReadOnlyCollection<string> roles) => For(roles.Contains);

    /// <summary>
    /// Where signing in ends: the local address the user was sent away from, or else their own work. "/" counts
    /// as no address, since the start page is for people who are not yet signed in. Identity has already put the
    /// signed-in principal on the request when the sign-in command returns, so its roles are known here.
    /// </summary>
    public static string AfterSignIn(string? returnUrl, bool returnUrlIsLocal, ClaimsPrincipal user) =>
        returnUrlIsLocal && returnUrl is { Length: > 1 } ? returnUrl : For(user);

    private static string For(Func<string, bool> isInRole) =>
        isInRole(PortalRole.MashPractitioner) || isInRole(PortalRole.MashManager) ? "/mash"
        : isInRole(PortalRole.AgencyResponder) ? "/agency/requests"
        : isInRole(PortalRole.Administrator) ? "/admin"
        : isInRole(PortalRole.Referrer) ? "/referrals"
        : isInRole(PortalRole.Auditor) ? "/insights/audits"
        : isInRole(PortalRole.EarlyHelpCoordinator) ? "/early-help"
        : isInRole(PortalRole.DataProtectionOfficer) ? "/subject-access"
        : "/account";
}
