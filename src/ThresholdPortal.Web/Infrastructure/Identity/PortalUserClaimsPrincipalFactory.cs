using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Features.Accounts;

namespace ThresholdPortal.Web.Infrastructure.Identity;

/// <summary>
/// Adds the user's organisation and name to the sign-in cookie so record-level checks need no extra query,
/// and marks a user who must still set up two-factor sign-in.
/// </summary>
public sealed class PortalUserClaimsPrincipalFactory(
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options,
    AccountsOptions accounts)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaimTypes.OrganisationId, user.OrganisationId.ToString()));
        identity.AddClaim(new Claim(PortalClaimTypes.FullName, user.FullName));
        var roles = identity.FindAll(Options.ClaimsIdentity.RoleClaimType).Select(c => c.Value);
        if (!user.TwoFactorEnabled && accounts.RequiresTwoFactor(roles))
        {
            identity.AddClaim(new Claim(PortalClaimTypes.TwoFactorEnrolmentRequired, "true"));
        }

        return identity;
    }
}
