using System.Net;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Infrastructure.Security;

namespace ThresholdPortal.IntegrationTests.Pages;

public sealed class PlatformTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Ready_answers_200_when_postgresql_is_migrated_and_reachable()
    {
        var response = await App.CreateClient().GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Live_answers_200_without_signing_in()
    {
        (await App.CreateClient().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await App.CreateClient().GetAsync("/");

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeaders.ContentSecurityPolicy);
        SecurityHeaders.ContentSecurityPolicy.ShouldContain("frame-ancestors 'none'");
        SecurityHeaders.ContentSecurityPolicy.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Pages_contain_no_inline_script()
    {
        var html = await App.CreateClient().GetStringAsync("/account/sign-in");

        System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*\\bsrc=)[^>]*>").ShouldBeEmpty();
        html.ShouldContain("<script type=\"module\" src=\"/js/portal.js");
    }

    [Fact]
    public async Task Unknown_page_shows_a_signed_in_user_the_govuk_page_not_found()
    {
        var organisation = await App.CreateOrganisationAsync("School", ThresholdPortal.Domain.Organisations.OrganisationKind.School);
        await App.CreateUserAsync("teacher@school.test", organisation, ThresholdPortal.Domain.Accounts.PortalRole.Referrer);
        var client = await App.SignInAsync("teacher@school.test");

        var response = await client.GetAsync("/no-such-page");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [Fact]
    public async Task Unknown_page_sends_an_anonymous_visitor_to_sign_in_without_revealing_what_exists()
    {
        var response = await App.CreateBrowserLikeClient().GetAsync("/no-such-page");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/sign-in");
    }

    [Fact]
    public async Task The_start_page_tells_people_to_call_999_in_an_emergency()
    {
        var html = await App.CreateClient().GetStringAsync("/");

        html.ShouldContain("If a child is in immediate danger, call 999 now");
        html.ShouldContain("Out of hours");
    }
}
