using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;

namespace ThresholdPortal.BrowserTests;

public sealed class SignInJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Referrer_signs_in_from_the_start_page_and_reaches_their_referrals()
    {
        var page = await NewPageAsync();

        await page.GotoAsync("/");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in to start" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.SignInAsync("referrer@example.org");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        page.Url.ShouldEndWith("/referrals");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("My referrals");
        (await page.GetByRole(AriaRole.Link, new() { Name = "My referrals" }).GetAttributeAsync("aria-current")).ShouldBe("page");
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Wrong_password_shows_the_error_summary_which_moves_focus_to_the_problem()
    {
        var page = await NewPageAsync();

        await page.SignInAsync("manager@example.org", "Not-The-Password-1");

        var summary = page.Locator(".govuk-error-summary");
        (await summary.InnerTextAsync()).ShouldContain("The email address or password is not correct");
        (await page.TitleAsync()).ShouldStartWith("Error:");
        await page.ShouldHaveNoAxeViolationsAsync();
        await summary.GetByRole(AriaRole.Link).ClickAsync();
        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("Data_Email");
    }

    [Theory]
    [InlineData("practitioner@example.org", "/mash", "MASH queue")]
    [InlineData("manager@example.org", "/mash", "MASH queue")]
    [InlineData("police@example.org", "/agency/requests", "Information requests")]
    [InlineData("admin@example.org", "/admin", "Administration")]
    public async Task Each_demo_user_reaches_their_area(string email, string area, string heading)
    {
        var page = await NewPageAsync();

        await page.SignInAsync(email);

        // Signing in lands each role on its own work, without being sent there.
        await page.WaitForPathAsync(area);

        (await page.Locator("h1").InnerTextAsync()).ShouldBe(heading);
        await page.ShouldHaveNoAxeViolationsAsync();
    }
}
