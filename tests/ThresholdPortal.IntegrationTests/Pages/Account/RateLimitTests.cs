using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.IntegrationTests.Pages.Account;

public sealed class RateLimitTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Too_many_sign_in_attempts_for_one_account_answer_429_with_a_clear_page()
    {
        var limited = Limited(perAccount: 3, perAddress: 100);
        var school = await App.CreateOrganisationAsync("School", OrganisationKind.School);
        await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);
        await App.CreateUserAsync("colleague@school.test", school, PortalRole.Referrer);
        var client = Client(limited);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            (await SignInAsync(client, "teacher@school.test", "Wrong-Password-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await SignInAsync(client, "TEACHER@school.test ", PortalApp.Password);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("<h1 class=\"govuk-heading-l\">Too many attempts</h1>");
        html.ShouldContain("Wait 15 minutes, then try again.");
        html.ShouldContain("govuk-template");
        (await SignInAsync(client, "colleague@school.test", PortalApp.Password))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect, "another account is not held back");
        (await client.GetAsync("/account/sign-in")).StatusCode.ShouldBe(HttpStatusCode.OK, "only attempts are counted, not visits");
    }

    [Fact]
    public async Task Too_many_attempts_from_one_address_answer_429_whatever_account_they_name()
    {
        var limited = Limited(perAccount: 100, perAddress: 3);
        var client = Client(limited);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            (await SignInAsync(client, $"guess{attempt}@school.test", "Wrong-Password-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await SignInAsync(client, "guess4@school.test", "Wrong-Password-1")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await Forms.PostAsync(client, "/account/forgot-password", new() { ["Data.Email"] = "guess5@school.test" }))
            .StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "asking for reset e-mails counts too");
    }

    [Fact]
    public async Task Authenticator_codes_are_limited_per_pending_sign_in()
    {
        var limited = Limited(perAccount: 3, perAddress: 100);
        var mash = await App.CreateOrganisationAsync("MASH", OrganisationKind.LocalAuthorityChildrensSocialCare);
        await App.CreateUserAsync("worker@mash.test", mash, PortalRole.MashPractitioner);
        var client = Client(limited);
        (await SignInAsync(client, "worker@mash.test", PortalApp.Password)).Headers.Location!.ToString()
            .ShouldStartWith("/account/sign-in-code");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await Forms.PostAsync(client, "/account/sign-in-code", new() { ["Data.Code"] = "12345" });
        }

        (await Forms.PostAsync(client, "/account/sign-in-code", new() { ["Data.Code"] = Totp.Code(PortalApp.AuthenticatorKey) }))
            .StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    /// <summary>The same app and database with small limits (each factory has its own counters).</summary>
    private WebApplicationFactory<Program> Limited(int perAccount, int perAddress) =>
        App.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Security:SignInRateLimit:PerAccountPermits",
                perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Security:SignInRateLimit:PerAddressPermits",
                perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });

    private static HttpClient Client(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        Forms.PostAsync(client, "/account/sign-in", new() { ["Data.Email"] = email, ["Data.Password"] = password });
}
