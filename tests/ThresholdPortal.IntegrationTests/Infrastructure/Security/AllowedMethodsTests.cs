using System.Net;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.IntegrationTests.Infrastructure.Security;

/// <summary>Pages are read with GET and changed with POST: any other method is a 405 naming those, on every route.</summary>
public sealed class AllowedMethodsTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Trace_put_patch_and_delete_are_not_allowed_on_any_page()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var addresses = PageAccess.Templates(App.Services)
            .Select(template => PageAccess.Address(template, parameter =>
                parameter.Contains("id", StringComparison.OrdinalIgnoreCase) ? Guid.Empty.ToString() : "NOT-A-REFERENCE"))
            .Append("/account/keep-alive").Append("/health/live")
            .Distinct().ToList();
        addresses.Count.ShouldBeGreaterThan(50);

        var failures = new List<string>();
        foreach (var client in new[] { App.CreateBrowserLikeClient(), admin })
        {
            foreach (var address in addresses)
            {
                foreach (var method in new[] { "TRACE", "PUT", "PATCH", "DELETE", "OPTIONS" })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), address);
                    using var response = await client.SendAsync(request);
                    if (response.StatusCode != HttpStatusCode.MethodNotAllowed
                        || !response.Content.Headers.Allow.SequenceEqual(["GET", "HEAD", "POST"]))
                    {
                        failures.Add($"{method} {address}: {(int)response.StatusCode}");
                    }
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_head_and_post_still_reach_the_pages()
    {
        var client = App.CreateBrowserLikeClient();

        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var head = new HttpRequestMessage(HttpMethod.Head, "/account/sign-in");
        (await client.SendAsync(head)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var signIn = await Forms.PostAsync(client, "/account/sign-in", new() { ["Data.Email"] = "", ["Data.Password"] = "" });
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        Forms.ErrorSummary(await signIn.Content.ReadAsStringAsync()).ShouldNotBe("(no error summary)");
    }
}
