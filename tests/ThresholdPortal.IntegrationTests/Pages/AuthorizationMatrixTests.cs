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
        var clients = await ClientsAsync();

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
    public async Task Every_post_handler_admits_exactly_the_roles_the_matrix_declares()
    {
        var clients = new Dictionary<string, (HttpClient Client, string Token)>();
        foreach (var (who, client) in await ClientsAsync())
        {
            clients[who] = (client, await Forms.TokenAsync(client, who == Anonymous ? "/account/sign-in" : "/account/change-password"));
        }

        var posts = PageAccess.PostHandlers(App.Services);
        posts.Count.ShouldBeGreaterThan(50, "the rule must see the handlers it guards");
        var failures = new List<string>();
        foreach (var (template, handler) in posts)
        {
            var address = PageAccess.Address(template, SampleValue);
            var allowed = PageAccess.RolesFor(address);
            if (allowed is null)
            {
                failures.Add($"POST {address}: no rule in the authorization matrix");
                continue;
            }

            foreach (var (who, (client, token)) in clients)
            {
                var admitted = allowed.Contains(who);
                // Posting the account pages as their own user acts on the session itself (signing out, a second factor, the
                // sign-in limit), so they are held to the matrix for who is refused only.
                if (admitted && address.StartsWith("/account", StringComparison.Ordinal))
                {
                    continue;
                }

                string outcome;
                try
                {
                    outcome = Describe(await client.PostAsync(handler is null ? address : $"{address}?handler={handler}",
                        new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)])));
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // The test server rethrows what the app did not handle: a 500 in production.
                    outcome = $"an unhandled {error.GetType().Name} ({error.Message})";
                }

                var failed = outcome is "sign-in" or "forbidden" or "400" or "500"
                    || outcome.StartsWith("an unhandled", StringComparison.Ordinal);
                if (admitted && failed)
                {
                    failures.Add($"POST {address} ({handler ?? "default"}): {who} should be admitted but got {outcome}");
                }
                else if (!admitted && who == Anonymous && outcome != "sign-in")
                {
                    failures.Add($"POST {address} ({handler ?? "default"}): anonymous should be sent to sign in but got {outcome}");
                }
                else if (!admitted && who != Anonymous && outcome != "forbidden")
                {
                    failures.Add($"POST {address} ({handler ?? "default"}): {who} should be forbidden but got {outcome}");
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

    /// <summary>An anonymous visitor and a signed-in user of every role, all in one organisation.</summary>
    private async Task<Dictionary<string, HttpClient>> ClientsAsync()
    {
        var organisation = await App.CreateOrganisationAsync("Matrix Org", OrganisationKind.LocalAuthorityChildrensSocialCare);
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = App.CreateBrowserLikeClient() };
        foreach (var role in PortalRole.All)
        {
            await App.CreateUserAsync($"{role.ToLowerInvariant()}@matrix.test", organisation, role);
            clients[role] = await App.SignInAsync($"{role.ToLowerInvariant()}@matrix.test");
        }

        return clients;
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
