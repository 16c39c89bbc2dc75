using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;

namespace ThresholdPortal.BrowserTests;

/// <summary>The app with a one-minute idle timeout, so the warning shows at once.</summary>
public sealed class ShortIdleTimeoutApp : BrowserApp
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Security:IdleTimeoutMinutes", "1");
        builder.UseSetting("Security:TimeoutWarningMinutes", "1");
    }
}

public sealed class TimeoutWarningTests(ShortIdleTimeoutApp app) : BrowserTest<ShortIdleTimeoutApp>(app)
{
    [Fact]
    public async Task The_timeout_warning_lets_a_user_stay_signed_in()
    {
        var page = await NewPageAsync();
        await page.SignInAsync("referrer@example.org");
        await page.GotoAsync("/referrals");

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "You are about to be signed out" });
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        (await dialog.InnerTextAsync()).ShouldContain("we will sign you out in");
        await page.ShouldHaveNoAxeViolationsAsync();
        // "Stay signed in" renews the session on the server. With this app's one-minute timeout and
        // one-minute warning the warning is due again at once, so the test checks the renewal, not that the
        // dialog stays closed (with the real 30 and 2 minutes it closes for 28 minutes).
        var keepAlive = await page.RunAndWaitForResponseAsync(
            () => dialog.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }).ClickAsync(),
            response => response.Url.Contains("/account/keep-alive", StringComparison.Ordinal));
        keepAlive.Status.ShouldBe(204, "a signed-in keep-alive; an ended session would be redirected to sign in");
        await page.GotoAsync("/referrals");
        page.Url.ShouldBe(App.BaseUrl + "/referrals");
    }

    [Fact]
    public async Task When_the_session_has_already_ended_the_warning_leads_to_the_signed_out_page()
    {
        var page = await NewPageAsync();
        await page.SignInAsync("referrer@example.org");
        await page.GotoAsync("/referrals");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "You are about to be signed out" });
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Visible });

        await page.Context.ClearCookiesAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }).ClickAsync();

        await page.WaitForAddressAsync(new Regex("/account/sign-out\\?timedOut="));
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("For your security, we signed you out");
        await page.ShouldHaveNoAxeViolationsAsync();
    }
}
