using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.Domain.Accounts;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// Who may see each page, declared once: the authorization matrix test holds the app to it, and the browser
/// test that runs axe on every page uses it to pick a role that may see each one.
/// </summary>
public static class PageAccess
{
    public const string Anonymous = "Anonymous";
    private static readonly string[] Everyone = [Anonymous, .. PortalRole.All];
    private static readonly string[] SignedIn = [.. PortalRole.All];

    /// <summary>
    /// Address prefix to the roles allowed in. The longest matching prefix wins. The every-page browser test opens
    /// a page as the first role listed (anonymously where everyone may).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Matrix = new Dictionary<string, string[]>
    {
        ["/"] = Everyone,
        ["/accessibility"] = Everyone,
        ["/privacy"] = Everyone,
        ["/error"] = Everyone,
        ["/account/sign-in"] = Everyone,
        ["/account/sign-out"] = Everyone,
        // The second step of signing in, and the pages behind links in e-mails: the visitor is not signed in yet.
        ["/account/sign-in-code"] = Everyone,
        ["/account/sign-in-recovery-code"] = Everyone,
        // Single sign-on's return and refusal page: the visitor is not signed in yet (docs/decisions/0122).
        ["/account/single-sign-on"] = Everyone,
        ["/account/register"] = Everyone,
        ["/account/confirm-email"] = Everyone,
        ["/account/accept-invitation"] = Everyone,
        ["/account/forgot-password"] = Everyone,
        ["/account/reset-password"] = Everyone,
        ["/account/check-your-email"] = Everyone,
        ["/account"] = SignedIn,
        ["/referrals"] = [PortalRole.Referrer],
        ["/mash"] = [PortalRole.MashPractitioner, PortalRole.MashManager],
        ["/mash/cases/00000000-0000-0000-0000-000000000000/access-log"] = [PortalRole.MashManager],
        ["/mash/cases/00000000-0000-0000-0000-000000000000/sign-off"] = [PortalRole.MashManager],
        ["/mash/sign-off"] = [PortalRole.MashManager],
        ["/mash/escalations"] = [PortalRole.MashManager],
        ["/agency"] = [PortalRole.AgencyResponder],
        ["/early-help"] = [PortalRole.EarlyHelpCoordinator],
        // Subject access reads children's records across every organisation: the officer only, not administrators (ADR 0123).
        ["/subject-access"] = [PortalRole.DataProtectionOfficer],
        ["/admin"] = [PortalRole.Administrator],
        ["/admin/messages"] = [PortalRole.Administrator],
        ["/insights/audits"] = [PortalRole.Auditor, PortalRole.MashManager],
        ["/insights/unusual-access"] = [PortalRole.MashManager],
        ["/insights"] = [PortalRole.MashManager, PortalRole.Administrator, PortalRole.Auditor],
    };

    /// <summary>The roles the matrix lets see <paramref name="address"/>, or null if no rule covers it.</summary>
    public static string[]? RolesFor(string address) =>
        Matrix.Keys.Where(prefix => Covers(prefix, address)).MaxBy(prefix => prefix.Length) is { } rule ? Matrix[rule] : null;

    /// <summary>Every Razor page's route template, from the app's own endpoint table (without a leading slash).</summary>
    public static IReadOnlyList<string> Templates(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText ?? string.Empty)
            .Distinct()];

    /// <summary>
    /// Every POST a page answers: its route template and handler name (null for plain <c>OnPost</c>), found from the page
    /// models' <c>OnPost*</c> methods, so a new handler is in the matrix the moment it exists.
    /// </summary>
    public static IReadOnlyList<(string Template, string? Handler)> PostHandlers(IServiceProvider services)
    {
        var web = typeof(Program).Assembly;
        return [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Page: e.Metadata.GetMetadata<PageActionDescriptor>(), Template: e.RoutePattern.RawText ?? string.Empty))
            .Where(e => e.Page is not null)
            .DistinctBy(e => e.Page!.ViewEnginePath)
            .SelectMany(e => Handlers(web.GetType("ThresholdPortal.Web.Pages" + e.Page!.ViewEnginePath.Replace('/', '.') + "Model"))
                .Select(handler => (e.Template, handler)))];
    }

    private static IEnumerable<string?> Handlers(Type? model) =>
        model is null ? [] : model.GetMethods()
            .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
            .Select(m => m.Name["OnPost".Length..].Replace("Async", string.Empty, StringComparison.Ordinal))
            .Select(name => name.Length == 0 ? null : name)
            .Distinct();

    /// <summary>A template as an address: the <c>/index</c> dropped, parameters filled by <paramref name="value"/>.</summary>
    public static string Address(string template, Func<string, string> value)
    {
        var address = "/"
            + System.Text.RegularExpressions.Regex.Replace(template.TrimStart('/'), "{([^}:?]+)[^}]*}", m => value(m.Groups[1].Value));
        address = address.EndsWith("/index", StringComparison.Ordinal) ? address[..^"/index".Length] : address;
        return address.Length == 0 ? "/" : address;
    }

    private static bool Covers(string prefix, string address) =>
        prefix == "/" ? address == "/" : address == prefix || address.StartsWith(prefix + "/", StringComparison.Ordinal);
}
