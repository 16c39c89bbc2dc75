using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Features.Accounts;

/// <summary>
/// The authenticator key offered on the set-up page, kept in an encrypted cookie until the user proves it with a
/// code: showing the page stores nothing and leaves the security stamp alone, so a link from another site
/// cannot sign anyone out (docs/decisions/0103). Bound to the user it was offered to.
/// </summary>
public sealed class AuthenticatorKeyOffer(IDataProtectionProvider protection, UserManager<PortalUser> users, ICurrentUser current)
{
    private const string CookieName = "ThresholdPortal.AuthenticatorKey";

    private readonly IDataProtector protector = protection.CreateProtector("ThresholdPortal.AuthenticatorKeyOffer");

    /// <summary>The key offered to this user before, or a new one, remembered for the code that proves it.</summary>
    public string KeyFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Offered(context) is { } key)
        {
            return key;
        }

        key = users.GenerateNewAuthenticatorKey();
        context.Response.Cookies.Append(CookieName, protector.Protect(current.Id + ":" + key), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = TwoFactorEnrolment.SetUpPath,
            IsEssential = true,
        });
        return key;
    }

    /// <summary>The key offered to this user, if the cookie holds one for them.</summary>
    public string? Offered(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Cookies[CookieName] is not { } cookie)
        {
            return null;
        }

        try
        {
            var (user, key) = protector.Unprotect(cookie).Split(':', 2) switch
            {
                [var id, var value] => (id, value),
                _ => (string.Empty, string.Empty),
            };
            return user == current.Id.ToString() && key.Length > 0 ? key : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public static void Forget(HttpContext context) =>
        context?.Response.Cookies.Delete(CookieName, new CookieOptions { Path = TwoFactorEnrolment.SetUpPath });
}
