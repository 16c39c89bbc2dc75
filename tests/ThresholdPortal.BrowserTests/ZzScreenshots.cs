using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;

namespace ThresholdPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ZzScreenshots(Chromium chromium, BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Shots()
    {
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SetViewportSizeAsync(1100, 900);
        await page.SignInAsync("referrer@example.org");
        async Task Shot(string name) => await page.ScreenshotAsync(new() { Path = $"/tmp/shots/{name}.png", FullPage = true });
        await page.GotoAsync("/referrals"); await Shot("01-index");
        var draftLink = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Continue") });
        await draftLink.First.ClickAsync(); await Shot("02-tasklist");
        var draft = page.Url;
        await page.GotoAsync(draft + "/level"); await Shot("03-level");
        await page.GotoAsync(draft + "/children"); await Shot("04-children");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change" }).First.ClickAsync(); await Shot("05-indicators");
        await page.Locator("#indicator-search").FillAsync("missing"); await Shot("05b-indicators-search");
        await page.GotoAsync(draft + "/categories"); await page.GetByLabel("Child sexual exploitation (CSE)").CheckAsync(); await Shot("06-categories");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync(); await Shot("06b-categories-errors");
        await page.GotoAsync(draft + "/consent"); await Shot("07-consent");
        await page.GotoAsync(draft + "/concerns"); await Shot("08-concerns");
        await page.GotoAsync(draft + "/attachments"); await Shot("09-attachments");
        await page.GotoAsync(draft + "/check-answers"); await Shot("10-cya");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync(); await Shot("10b-cya-submit-incomplete");
        await page.GotoAsync(draft + "/early-help"); await Shot("11-early-help");
        await page.GotoAsync("/referrals"); 
        await page.Locator("td a.govuk-link.portal-nowrap").First.ClickAsync(); await Shot("12-sent");
        var children = page.Url;
        await page.GotoAsync(draft + "/children"); await page.GetByRole(AriaRole.Link, new() { Name = "Change" }).First.ClickAsync();
        await page.GotoAsync(draft + "/screening"); await Shot("13-screening");
        await page.GotoAsync("/referrals/new"); await Shot("14-new");
    }
}
