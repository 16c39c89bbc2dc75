using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ThresholdPortal.Web.Infrastructure.Security;

/// <summary>
/// The sign-in cookie's redirect to the sign-in page, without the scheme and host the framework builds from the
/// request: a Location header never carries what a client sent as <c>Host</c> or <c>X-Forwarded-Proto</c>.
/// Absolute addresses (links in e-mails) come from <c>Email:PublicBaseUrl</c> only (docs/decisions/0102).
/// </summary>
public static class RelativeRedirects
{
    public static Task ToLoginAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var location = PathAndQuery(context.RedirectUri);
        // As the framework does: a script's request gets 401 with the address, a page's request a redirect.
        if (string.Equals(context.Request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal))
        {
            context.Response.Headers.Location = location;
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        else
        {
            context.Response.Redirect(location);
        }

        return Task.CompletedTask;
    }

    /// <summary>The path and query of an absolute address; a relative one as it is.</summary>
    public static string PathAndQuery(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : uri;
}
