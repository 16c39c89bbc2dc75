using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.TestSupport;
using Xunit.Abstractions;

namespace ThresholdPortal.BrowserTests;

/// <summary>
/// axe (WCAG 2.2 AA and best practice) on every page in the app's route table, each as a demo user of a role
/// the authorization matrix lets see it, so a page no journey opens is still checked. A page with route values
/// is reached the way its user reaches it: by a link on a page that user has already opened, over the demo
/// data (docs/decisions/0087).
/// </summary>
public sealed class EveryPageTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app)
{
    private static readonly string[] WcagAaAndBestPractice = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>
    /// The only pages not opened, each with why: files, a redirect, and a page shown only in answer to a form
    /// (never at an address a link or a user could open).
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> NotPages = new Dictionary<string, string>
    {
        ["/agency"] = "a redirect to /agency/requests: it renders nothing",
        ["/account/two-factor/recovery-codes"] =
            "shown once, in answer to the POST that sets up two-factor sign-in or renews the codes (AccountAdministrationJourneyTests)",
        ["/referrals/attachments/{attachmentId}"] = "a file download",
        ["/mash/cases/{id}/attachments/{attachmentId}"] = "a file download",
        ["/mash/cases/{id}/information-requests/attachments/{attachmentId}"] = "a file download",
        ["/agency/requests/{requestId}/attachments/{attachmentId}"] = "a file download",
        ["/insights/export/annex-a-contacts.csv"] = "a CSV download",
        ["/insights/export/annex-a-early-help.csv"] = "a CSV download",
        ["/insights/export/annex-a-referrals.csv"] = "a CSV download",
        ["/insights/export/cin-census.csv"] = "a CSV download",
        ["/insights/export/measures.csv"] = "a CSV download",
        ["/subject-access/record"] =
            "shown only for the records the officer ticked in answer to a search, a POST (SubjectAccessJourneyTests runs axe on it)",
    };

    // Enough to find each kind of page in the demo data, without opening every case twice.
    private const int MostRereads = 60;
    private const int MostGuesses = 10;

    private static readonly Dictionary<string, string> DemoUsers = new()
    {
        [PortalRole.Referrer] = "referrer@example.org",
        [PortalRole.MashPractitioner] = "practitioner@example.org",
        [PortalRole.MashManager] = "manager@example.org",
        [PortalRole.AgencyResponder] = "police@example.org",
        [PortalRole.Administrator] = "admin@example.org",
        [PortalRole.Auditor] = "auditor@example.org",
        [PortalRole.EarlyHelpCoordinator] = "coordinator@example.org",
        [PortalRole.DataProtectionOfficer] = DemoData.DemoDataSeeder.DataProtectionOfficerEmail,
    };

    [Fact]
    public async Task Every_page_passes_axe_as_a_role_that_may_see_it()
    {
        // An area's index answers two templates (/mash and /mash/index): one page.
        var routes = PageAccess.Templates(App.Services).Select(template => new Route(template)).DistinctBy(route => route.Name).ToList();
        routes.Count.ShouldBeGreaterThan(100);
        NotPages.Keys.Where(name => routes.All(route => route.Name != name))
            .ShouldBeEmpty("these exclusions name no page in the route table any more: take them off the list");
        await EveryPageStates.PrepareAsync(App, NewPageAsync);
        var failures = new List<string>();
        var visited = new HashSet<Route>();
        var byRole = routes.Where(route => !NotPages.ContainsKey(route.Name)).GroupBy(route => RoleFor(route, failures));
        // Signing out ends the session: the anonymous visitor, who has none, goes last.
        foreach (var group in byRole.Where(group => group.Key is not null).OrderBy(group => group.Key == PageAccess.Anonymous))
        {
            await VisitAsync(group.Key!, [.. group], visited, failures);
        }

        failures.AddRange(routes.Where(route => !NotPages.ContainsKey(route.Name) && !visited.Contains(route))
            .Select(route => $"{route.Name}: not reached by a link from any page its role opened"));
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// Opens the role's pages without route values, then each kind of page a link on an opened page leads to. While a
    /// kind is unreached, pages of kinds already checked are opened again only to read their links, nearest the
    /// unreached kinds first (a case's checks page before another case's page). Then, for a page no link leads to,
    /// the same record's address under a page of it already opened. One browser context per role, pages in turn.
    /// </summary>
    private async Task VisitAsync(string role, IReadOnlyList<Route> routes, HashSet<Route> visited, List<string> failures)
    {
        var page = await NewPageAsync();
        if (role != PageAccess.Anonymous)
        {
            await page.SignInAsync(DemoUsers[role]);
        }

        var queue = new Queue<string>(routes.Where(route => !route.HasValues).Select(route => route.Name)
            .OrderBy(name => name == "/account/sign-out").ThenBy(name => name, StringComparer.Ordinal));
        var reread = new List<(Route Route, string Address)>();
        var opened = new HashSet<string>(StringComparer.Ordinal);
        var rendered = new List<(Route Route, string Address)>();
        var rereads = 0;
        while (routes.Where(route => !visited.Contains(route)).ToList() is { Count: > 0 } unreached)
        {
            string address;
            var checking = queue.Count > 0;
            if (checking)
            {
                address = queue.Dequeue();
            }
            else if (reread.Count > 0 && rereads++ < MostRereads)
            {
                var nearest = reread.MaxBy(candidate => unreached.Max(route => route.Shares(candidate.Route)));
                reread.Remove(nearest);
                address = nearest.Address;
            }
            else
            {
                break;
            }

            if (RouteOf(routes, address) is not { } route || !opened.Add(address))
            {
                continue;
            }

            if (checking && visited.Contains(route))
            {
                opened.Remove(address);
                reread.Add((route, address));
                continue;
            }

            var problems = checking ? await CheckAsync(page, address, role) : await OpenAsync(page, address);
            if (problems is null)
            {
                continue;
            }

            visited.Add(route);
            failures.AddRange(problems);
            rendered.Add((route, address));
            foreach (var link in await LinksAsync(page))
            {
                queue.Enqueue(link);
            }
        }

        foreach (var route in routes.Where(route => route.HasValues && !visited.Contains(route)))
        {
            foreach (var address in rendered.Where(other => other.Route.HasValues)
                .Select(other => route.FilledFrom(other.Address)).OfType<string>().Where(opened.Add).Take(MostGuesses))
            {
                if (await CheckAsync(page, address, role) is { } problems)
                {
                    visited.Add(route);
                    failures.AddRange(problems);
                    break;
                }
            }
        }
    }

    private static Route? RouteOf(IReadOnlyList<Route> routes, string address)
    {
        var path = address.Split('?')[0];
        return routes.FirstOrDefault(route => !route.HasValues && route.Name == path)
            ?? (routes.Any(route => route.Name == path) ? null : routes.FirstOrDefault(route => route.HasValues && route.Matches(path)));
    }

    /// <summary>Opens a page of a kind already checked, only to read its links: no problems when it rendered.</summary>
    private static async Task<IReadOnlyList<string>?> OpenAsync(IPage page, string address)
    {
        var response = await page.GotoAsync(address);
        return response?.Status == 200 && new Uri(page.Url).PathAndQuery == address ? [] : null;
    }

    /// <summary>
    /// Opens the page and runs axe: null when the page did not render (another link may reach it), otherwise what
    /// is wrong, one line each. axe's "incomplete" results (what it could not decide) go to the test output.
    /// </summary>
    private async Task<IReadOnlyList<string>?> CheckAsync(IPage page, string address, string role)
    {
        var response = await page.GotoAsync(address);
        var reached = new Uri(page.Url).PathAndQuery;
        if (response is null || response.Status != 200 || reached != address)
        {
            output.WriteLine($"not rendered: {address} as {role} (status {response?.Status}, at {reached})");
            return null;
        }

        output.WriteLine($"checked: {address} as {role}");
        var result = await Axe.RunAsync(page, WcagAaAndBestPractice);
        foreach (var item in result.Incomplete)
        {
            output.WriteLine($"  incomplete: {item.Id}: {string.Join(", ", item.Nodes.Select(node => string.Join(' ', node.Target)))}");
        }

        return [.. result.Violations.SelectMany(violation => violation.Nodes
            .Where(node => !Infrastructure.PageExtensions.IsGovukConditionalRevealState(violation.Id, node))
            .Select(node => $"{address} as {role}: {violation.Id} ({violation.Impact}) at {string.Join(' ', node.Target)}"))];
    }

    /// <summary>The addresses of the page's links that stay on this site, without fragment.</summary>
    private static async Task<IEnumerable<string>> LinksAsync(IPage page)
    {
        var hrefs = await page.EvalOnSelectorAllAsync<string[]>(
            "a[href]", "links => links.map(link => new URL(link.href, location.href)).filter(url => url.origin === location.origin)"
            + ".map(url => url.pathname + url.search)");
        return hrefs.Distinct(StringComparer.Ordinal);
    }

    /// <summary>The role that opens the page: anonymous where everyone may, else the matrix's first role for it.</summary>
    private static string? RoleFor(Route route, List<string> failures)
    {
        var roles = PageAccess.RolesFor(route.Sample);
        if (roles is null)
        {
            failures.Add($"{route.Name}: no role may see it in the authorization matrix");
            return null;
        }

        return roles.Contains(PageAccess.Anonymous) ? PageAccess.Anonymous : roles[0];
    }

    /// <summary>A page's route: its name with the parameters in braces, and which addresses it answers.</summary>
    private sealed record Route
    {
        private const string AnyGuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        private readonly string[] segments;

        public Route(string template)
        {
            Name = PageAccess.Address(template, parameter => $"{{{parameter}}}");
            Sample = PageAccess.Address(template, parameter =>
                parameter.Contains("id", StringComparison.OrdinalIgnoreCase) ? Guid.Empty.ToString() : "NOT-A-REFERENCE");
            HasValues = template.Contains('{', StringComparison.Ordinal);
            segments = template.Trim('/').Split('/');
            var pattern = string.Concat(segments.Select(segment => segment.StartsWith('{')
                ? segment.EndsWith("?}", StringComparison.Ordinal) ? $"(?:/{SegmentPattern(segment)})?" : "/" + SegmentPattern(segment)
                : "/" + Regex.Escape(segment)));
            Pattern = new Regex($"^{pattern}$", RegexOptions.CultureInvariant);
        }

        public string Name { get; }

        /// <summary>The address with values no record has: enough to find the page's rule in the matrix.</summary>
        public string Sample { get; }

        public bool HasValues { get; }

        private Regex Pattern { get; }

        public bool Matches(string path) => Pattern.IsMatch(path);

        /// <summary>How many leading path segments (literals and parameters) the two routes have in common.</summary>
        public int Shares(Route other) =>
            segments.Zip(other.segments).TakeWhile(pair => pair.First == pair.Second).Count();

        /// <summary>
        /// This route's address for the record another page's <paramref name="address"/> is about, when the two share
        /// their path up to this route's last value (a case's decision page from the case's page, say); else null.
        /// </summary>
        public string? FilledFrom(string address)
        {
            var given = address.Split('?')[0].Trim('/').Split('/');
            var filled = new List<string>();
            for (var i = 0; i < segments.Length; i++)
            {
                var parameter = segments[i].StartsWith('{');
                if (i >= given.Length)
                {
                    if (parameter)
                    {
                        return segments[i].EndsWith("?}", StringComparison.Ordinal) ? "/" + string.Join('/', filled) : null;
                    }

                    filled.Add(segments[i]);
                }
                else if (parameter ? Regex.IsMatch(given[i], $"^{SegmentPattern(segments[i])}$") : given[i] == segments[i])
                {
                    filled.Add(given[i]);
                }
                else if (segments.Skip(i).Any(segment => segment.StartsWith('{')))
                {
                    return null;
                }
                else
                {
                    filled.AddRange(segments.Skip(i));
                    break;
                }
            }

            var filledAddress = "/" + string.Join('/', filled);
            return filledAddress == address ? null : filledAddress;
        }

        public bool Equals(Route? other) => other is not null && other.Name == Name;

        public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);

        private static string SegmentPattern(string parameter) =>
            parameter.Contains(":guid", StringComparison.Ordinal) ? AnyGuid : "[^/]+";
    }
}
