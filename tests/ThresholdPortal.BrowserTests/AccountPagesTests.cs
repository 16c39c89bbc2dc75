using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;

namespace ThresholdPortal.BrowserTests;

/// <summary>The account and administration pages in a real browser, with axe on each, including their errors.</summary>
public sealed class AccountPagesTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Registration_from_an_unknown_domain_shows_the_error_summary()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "register with your work email address" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByLabel("Work email address").FillAsync("someone@unknown.example.com");
        await page.GetByLabel("First name").FillAsync("Jo");
        await page.GetByLabel("Last name").FillAsync("Bloggs");
        await page.GetByLabel("Job title").FillAsync("Youth worker");
        await page.GetByLabel("Create a password").FillAsync("Long-Enough-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("You cannot register with this email address");
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Forgot_password_leads_to_check_your_email()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "I have forgotten my password" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByLabel("Email address").FillAsync("nobody@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Check your email");
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task An_administrator_adds_and_changes_an_organisation()
    {
        var page = await NewPageAsync();
        await page.SignInAsync("admin@example.org");
        await page.GotoAsync("/admin/organisations");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an organisation" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByLabel("Name").FillAsync("Brook Lane Nursery");
        await page.GetByLabel("Kind of organisation").SelectOptionAsync(new SelectOptionValue { Value = "School" });
        await page.GetByLabel("Email domains its staff use").FillAsync("gmail.com");
        await page.GetByLabel("No").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add organisation" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("gmail.com is a public email service");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByLabel("Email domains its staff use").FillAsync("brooklane.example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add organisation" }).ClickAsync();
        (await page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("Brook Lane Nursery has been added");
        await page.GetByRole(AriaRole.Link, new() { Name = "Brook Lane Nursery" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Can colleagues in this organisation see each other's referrals?" })
            .GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        (await page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("Brook Lane Nursery has been changed");
        await page.GotoAsync("/admin/audit-log");
        (await page.Locator("table").InnerTextAsync()).ShouldContain("Organisation changed: Changed shared referrals no to yes");
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task An_administrator_filters_users_and_opens_one()
    {
        var page = await NewPageAsync();
        await page.SignInAsync("admin@example.org");
        await page.GotoAsync("/admin/users");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Agency responder" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        // Demo data holds responders at the police and the school; no one of another role may be listed.
        var listed = await page.Locator("tbody").InnerTextAsync();
        listed.ShouldContain("Dan Price");
        listed.ShouldNotContain("Rachel Okafor");
        listed.ShouldNotContain("Priya Shah");
        listed.ShouldNotContain("Alex Morgan");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dan Price" }).ClickAsync();

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Dan Price");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Change organisation and roles" }).First.ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task A_practitioner_sees_their_account_and_the_change_password_page()
    {
        var page = await NewPageAsync();
        await page.SignInAsync("practitioner@example.org");
        await page.GetByRole(AriaRole.Link, new() { Name = "Your account" }).ClickAsync();

        (await page.Locator("main").InnerTextAsync()).ShouldContain("Your role requires two-factor sign-in");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Change your password" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Enter your current password");
        await page.ShouldHaveNoAxeViolationsAsync();
    }
}
