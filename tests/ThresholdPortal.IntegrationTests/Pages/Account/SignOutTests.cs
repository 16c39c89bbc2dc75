using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.IntegrationTests.Pages.Account;

/// <summary>A session ends on the server: a copy of its cookie is worth nothing after sign-out or idle time (issue 14).</summary>
public sealed class SignOutTests(PortalApp app) : IntegrationTest(app)
{
    private static readonly Uri Site = new("http://localhost");

    [Fact]
    public async Task A_cookie_copied_before_sign_out_does_not_open_anything_after_it()
    {
        var (client, cookies) = await SignedInReferrerAsync();
        var copied = cookies.GetCookieHeader(Site);
        (await WithCookieAsync(App, copied, "/referrals")).StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works while signed in");

        (await client.GetAsync("/account/sign-out")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var replayed = await WithCookieAsync(App, copied, "/referrals");
        replayed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replayed.Headers.Location!.ToString().ShouldContain("/account/sign-in");
    }

    [Fact]
    public async Task A_session_idle_past_the_timeout_is_refused_and_one_just_inside_it_is_not()
    {
        var (_, cookies) = await SignedInReferrerAsync();
        var copied = cookies.GetCookieHeader(Site);

        // The same app and database, its clock moved on past the 30 minutes configured in appsettings.json.
        var justInside = await WithCookieAsync(Later(TimeSpan.FromMinutes(29)), copied, "/referrals");
        var idle = await WithCookieAsync(Later(TimeSpan.FromMinutes(31)), copied, "/referrals");

        justInside.StatusCode.ShouldBe(HttpStatusCode.OK);
        idle.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        idle.Headers.Location!.ToString().ShouldContain("/account/sign-in");
    }

    private async Task<(HttpClient Client, System.Net.CookieContainer Cookies)> SignedInReferrerAsync()
    {
        var school = await App.CreateOrganisationAsync("School", OrganisationKind.School, "school.test");
        await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);
        var cookies = new System.Net.CookieContainer();
        var client = App.CreateDefaultClient(new CookieContainerHandler(cookies));
        var signedIn = await Forms.PostAsync(client, "/account/sign-in",
            new() { ["Data.Email"] = "teacher@school.test", ["Data.Password"] = PortalApp.Password });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (client, cookies);
    }

    private WebApplicationFactory<Program> Later(TimeSpan by) =>
        App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new MovedClock(by));
            // The first app's keys read the cookie: its key ring may come from an earlier test's database.
            services.AddSingleton(App.Services.GetRequiredService<IDataProtectionProvider>());
        }));

    private static async Task<HttpResponseMessage> WithCookieAsync(WebApplicationFactory<Program> factory, string cookie, string url)
    {
        using var client = factory.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>The test clock, a fixed time ahead: what the app sees after the user has been away that long.</summary>
    private sealed class MovedClock(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TestClock.Instance.GetUtcNow() + by;
    }
}
