using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Infrastructure.Identity;

/// <summary>
/// Checks the sign-in cookie against the database on every request, with one indexed, untracked query:
/// a deactivated user, or any change of security stamp (new password, two-factor reset, new roles), ends
/// every other open session at its next request rather than after Identity's usual interval.
/// </summary>
public static class SessionValidation
{
    /// <summary>
    /// Compiled once: every signed-in request runs it, and EF's lookup of its translation on each call (the expression's
    /// parameters pulled out, the cache key hashed) cost about a tenth of the least signed-in request's processor time
    /// (docs/decisions/0149).
    /// </summary>
    private static readonly Func<PortalDbContext, Guid, CancellationToken, Task<Session?>> CurrentSession =
        EF.CompileAsyncQuery((PortalDbContext db, Guid userId, CancellationToken _) => db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new Session(u.SecurityStamp, u.IsActive))
            .SingleOrDefault());

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (ErrorPages.IsRequestFor(context.HttpContext))
        {
            // The error page must render while PostgreSQL is down (it is often shown because it is). It shows nothing
            // but navigation, every link of which validates the session again; the cookie is not renewed here.
            return;
        }

        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(stampClaim);
        if (!Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) || stamp is null)
        {
            await RejectAsync(context);
            return;
        }

        var current = await CurrentSession(services.GetRequiredService<PortalDbContext>(), userId, context.HttpContext.RequestAborted);
        if (current is null || !current.IsActive || !string.Equals(current.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            await RejectAsync(context);
            return;
        }

        // Re-issue the cookie on every request, so the idle timeout counts from the last request exactly
        // (plain sliding expiration only renews after half the time, which would make the warning wrong).
        context.ShouldRenew = true;
    }

    private sealed record Session(string? SecurityStamp, bool IsActive);

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
