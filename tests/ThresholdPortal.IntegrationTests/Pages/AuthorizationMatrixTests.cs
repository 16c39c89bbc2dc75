using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.IntegrationTests.Pages;

/// <summary>
/// Every page in the app against every role. A new page whose address is not in <see cref="Matrix"/>
/// fails here, so no page ships without a decision about who may see it.
/// </summary>
public sealed class AuthorizationMatrixTests(PortalApp app) : IntegrationTest(app)
{
    private const string Anonymous = "Anonymous";
    private static readonly string[] Everyone = [Anonymous, .. PortalRole.All];
    private static readonly string[] SignedIn = [.. PortalRole.All];

    /// <summary>Address prefix to the roles allowed in. The longest matching prefix wins.</summary>
    private static readonly Dictionary<string, string[]> Matrix = new()
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
        ["/admin"] = [PortalRole.Administrator],
        ["/insights/audits"] = [PortalRole.MashManager, PortalRole.Auditor],
        ["/insights"] = [PortalRole.MashManager, PortalRole.Administrator, PortalRole.Auditor],
    };

    [Fact]
    public async Task Every_page_admits_exactly_the_roles_the_matrix_declares()
    {
        var organisation = await App.CreateOrganisationAsync("Matrix Org", OrganisationKind.LocalAuthorityChildrensSocialCare);
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = App.CreateBrowserLikeClient() };
        foreach (var role in PortalRole.All)
        {
            await App.CreateUserAsync($"{role.ToLowerInvariant()}@matrix.test", organisation, role);
            clients[role] = await App.SignInAsync($"{role.ToLowerInvariant()}@matrix.test");
        }

        var pages = PageAddresses();
        pages.ShouldNotBeEmpty();
        var failures = new List<string>();
        foreach (var address in pages)
        {
            var rule = Matrix.Keys.Where(prefix => Covers(prefix, address)).MaxBy(prefix => prefix.Length);
            if (rule is null)
            {
                failures.Add($"{address}: no rule in the authorization matrix");
                continue;
            }

            foreach (var (who, client) in clients)
            {
                var response = await client.GetAsync(address);
                var admitted = Matrix[rule].Contains(who);
                var outcome = Describe(response);
                if (admitted && outcome is "sign-in" or "forbidden")
                {
                    failures.Add($"{address}: {who} should be admitted but got {outcome}");
                }
                else if (!admitted && who == Anonymous && outcome != "sign-in")
                {
                    failures.Add($"{address}: anonymous should be sent to sign in but got {outcome}");
                }
                else if (!admitted && who != Anonymous && outcome != "forbidden")
                {
                    failures.Add($"{address}: {who} should be forbidden but got {outcome}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Anonymous_request_to_the_mash_is_sent_to_sign_in()
    {
        var response = await App.CreateBrowserLikeClient().GetAsync("/mash");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("http://localhost/account/sign-in?ReturnUrl=%2Fmash");
    }

    [Theory]
    [InlineData("/mash")]
    [InlineData("/admin")]
    public async Task Referrer_requesting_another_area_gets_403(string address)
    {
        var school = await App.CreateOrganisationAsync("School", OrganisationKind.School);
        await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);
        var client = await App.SignInAsync("teacher@school.test");

        var response = await client.GetAsync(address);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("You do not have access to this page");
    }

    private List<string> PageAddresses() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + SampleValues(e.RoutePattern.RawText ?? string.Empty))
            .Select(address => address.EndsWith("/index", StringComparison.Ordinal) ? address[..^"/index".Length] : address)
            .Select(address => address.Length == 0 ? "/" : address)
            .Distinct()
            // Visiting sign-out ends the session, so it goes last.
            .OrderBy(address => address == "/account/sign-out")
            .ThenBy(address => address, StringComparer.Ordinal)
            .ToList();

    /// <summary>Fills route parameters with values that exist nowhere: admitted users then see 404, never 403.</summary>
    private static string SampleValues(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template.TrimStart('/'), "{([^}:?]+)[^}]*}", m =>
            m.Groups[1].Value.Contains("id", StringComparison.OrdinalIgnoreCase) ? Guid.Empty.ToString() : "NOT-A-REFERENCE");

    private static bool Covers(string prefix, string address) =>
        prefix == "/" ? address == "/" : address == prefix || address.StartsWith(prefix + "/", StringComparison.Ordinal);

    private static string Describe(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Redirect when response.Headers.Location?.ToString().Contains("/account/sign-in", StringComparison.Ordinal) == true => "sign-in",
        HttpStatusCode.Forbidden => "forbidden",
        var code => ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
