using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;

namespace ThresholdPortal.BrowserTests;

/// <summary>The configuration pages not on the publishing journey, each checked with axe, with and without errors.</summary>
public sealed class ConfigurationPagesTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task The_directory_glossary_and_level_pages_have_no_accessibility_violations()
    {
        var page = await NewPageAsync();
        await page.SignInAsync("admin@example.org");

        await page.GotoAsync("/admin/configuration/early-help-services");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Northshire Family Hubs" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GotoAsync("/admin/configuration/early-help-services/create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add service" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Enter the name of the service");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GotoAsync("/admin/configuration/glossary");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "CAMHS", Exact = true }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GotoAsync("/admin/configuration/glossary/create");
        await page.GetByLabel("Term").FillAsync("CP plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add term" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("The term must be one word");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GotoAsync("/admin/configuration/threshold-documents");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a new version from the current one" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Change Level 3" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel("Name").FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Enter the level's name");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GotoAsync("/admin/audit-log");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Threshold document draft created");
    }
}
