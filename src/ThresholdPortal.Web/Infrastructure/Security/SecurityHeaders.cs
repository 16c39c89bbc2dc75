namespace ThresholdPortal.Web.Infrastructure.Security;

/// <summary>
/// Security headers on every response. The CSP allows no inline script or style: every script is a
/// module file served from this origin (docs/decisions/0004).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>
    /// The policy when staff sign in with their organisation's provider: the sign-in and sign-out buttons are forms whose
    /// answer redirects to the provider, and browsers hold a form's redirects to form-action, so each provider's origin
    /// (and only those) is added to it (docs/decisions/0122).
    /// </summary>
    public static string ContentSecurityPolicyWith(IReadOnlyCollection<string> formActionOrigins) =>
        formActionOrigins.Count == 0
            ? ContentSecurityPolicy
            : ContentSecurityPolicy.Replace("form-action 'self'", "form-action 'self' " + string.Join(' ', formActionOrigins),
                StringComparison.Ordinal);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app,
        IReadOnlyCollection<string>? formActionOrigins = null)
    {
        var policy = ContentSecurityPolicyWith(formActionOrigins ?? []);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (!headers.ContainsKey("Cache-Control") && !context.Request.Path.StartsWithSegments("/assets")
                    && !context.Request.Path.StartsWithSegments("/lib") && !context.Request.Path.StartsWithSegments("/css")
                    && !context.Request.Path.StartsWithSegments("/js"))
                {
                    // Pages may show a child's details: never keep them in a shared or browser cache.
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next();
        });
    }
}
