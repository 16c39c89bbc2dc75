using Microsoft.AspNetCore.Identity;

namespace ThresholdPortal.Web.Infrastructure.Identity;

/// <summary>
/// A user whose role requires two-factor sign-in but who has not set up an authenticator app yet is signed
/// in with a marker claim, and may do nothing but set one up (or sign out) until they have.
/// </summary>
public static class TwoFactorEnrolment
{
    public const string SetUpPath = "/account/two-factor/set-up";

    private static readonly PathString[] AllowedWhileEnrolling =
        [SetUpPath, "/account/sign-out", "/account/keep-alive", "/error", "/health"];

    public static bool IsRequired(System.Security.Claims.ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type == PortalClaimTypes.TwoFactorEnrolmentRequired);

    public static IApplicationBuilder UseTwoFactorEnrolmentGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsRequired(context.User) || AllowedWhileEnrolling.Any(p => context.Request.Path.StartsWithSegments(p)))
            {
                await next();
                return;
            }

            if (HttpMethods.IsGet(context.Request.Method))
            {
                var returnUrl = context.Request.Path + context.Request.QueryString;
                context.Response.Redirect(SetUpPath + "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
                return;
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        });

    /// <summary>Gives the user a known authenticator key and turns two-factor on (demo and test users only).</summary>
    public static async Task EnrolWithKeyAsync(UserManager<PortalUser> users, IUserStore<PortalUser> store, PortalUser user,
        string base32Key)
    {
        var keys = (IUserAuthenticatorKeyStore<PortalUser>)store;
        await keys.SetAuthenticatorKeyAsync(user, base32Key, CancellationToken.None);
        var enabled = await users.SetTwoFactorEnabledAsync(user, true);
        if (!enabled.Succeeded)
        {
            throw new InvalidOperationException("Could not enrol the user: " + string.Join("; ", enabled.Errors.Select(e => e.Code)));
        }
    }
}
