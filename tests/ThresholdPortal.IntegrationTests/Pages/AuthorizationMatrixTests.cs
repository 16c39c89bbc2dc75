using System.Net;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.IntegrationTests.Pages;

/// <summary>
/// Every page in the app against every role. A new page whose address is not in <see cref="PageAccess.Matrix"/>
/// fails here, so no page ships without a decision about who may see it.
/// </summary>
public sealed class AuthorizationMatrixTests(PortalApp app) : IntegrationTest(app)
{
    private const string Anonymous = PageAccess.Anonymous;

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
            var allowed = PageAccess.RolesFor(address);
            if (allowed is null)
            {
                failures.Add($"{address}: no rule in the authorization matrix");
                continue;
            }

            foreach (var (who, client) in clients)
            {
                var response = await client.GetAsync(address);
                var admitted = allowed.Contains(who);
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
        response.Headers.Location!.OriginalString.ShouldBe("/account/sign-in?ReturnUrl=%2Fmash",
            "relative: no scheme or host is taken from the request (docs/decisions/0102)");
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
        [.. PageAccess.Templates(App.Services)
            .Select(template => PageAccess.Address(template, SampleValue))
            .Distinct()
            // Visiting sign-out ends the session, so it goes last.
            .OrderBy(address => address == "/account/sign-out")
            .ThenBy(address => address, StringComparer.Ordinal)];

    /// <summary>A route value that exists nowhere: admitted users then see 404, never 403.</summary>
    private static string SampleValue(string parameter) =>
        parameter.Contains("id", StringComparison.OrdinalIgnoreCase) ? Guid.Empty.ToString() : "NOT-A-REFERENCE";

    private static string Describe(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Redirect when response.Headers.Location?.ToString().Contains("/account/sign-in", StringComparison.Ordinal) == true =>
            "sign-in",
        HttpStatusCode.Forbidden => "forbidden",
        var code => ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
