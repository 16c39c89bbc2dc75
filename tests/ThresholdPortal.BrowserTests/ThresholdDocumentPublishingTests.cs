using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.BrowserTests;

/// <summary>An administrator publishes a new threshold document version; referrals started before keep theirs. Axe on every page.</summary>
public sealed class ThresholdDocumentPublishingTests(BrowserApp app) : BrowserTest(app)
{
    private const string NewIndicator = "Has moved home four times this year and is not registered with a GP.";

    [Fact]
    public async Task A_published_version_with_an_added_indicator_reaches_new_referrals_while_an_older_referral_keeps_its_version()
    {
        var original = await App.ExecuteDbContextAsync(db =>
            db.ThresholdDocuments.AsNoTracking().AsSplitQuery().SingleAsync(d => d.Status == ThresholdDocumentStatus.Published));
        var older = await App.ExecuteDbContextAsync(db => db.Referrals.AsNoTracking()
            .Where(r => r.Status != ReferralStatus.Draft && r.ThresholdDocumentId == original.Id
                && db.Users.Any(u => u.Id == r.ReferrerUserId && u.Email == "referrer@example.org"))
            .Select(r => r.Reference!).FirstAsync());

        var admin = await NewPageAsync();
        await admin.SignInAsync("admin@example.org");
        await admin.GotoAsync("/admin");
        await admin.ShouldHaveNoAxeViolationsAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Threshold document" }).ClickAsync();
        await admin.ShouldHaveNoAxeViolationsAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create a new version from the current one" }).ClickAsync();
        (await admin.Locator("h1").InnerTextAsync()).ShouldBe($"{original.Name}, version {original.Version + 1}");
        await admin.ShouldHaveNoAxeViolationsAsync();

        await admin.GetByRole(AriaRole.Button, new() { Name = "Add an indicator" }).ClickAsync();
        await admin.ShouldHaveNoAxeViolationsAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add indicator" }).ClickAsync();
        (await admin.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Enter the indicator's text");
        await admin.ShouldHaveNoAxeViolationsAsync();
        await admin.GetByLabel("What a referrer might see").FillAsync(NewIndicator);
        await admin.GetByLabel("Sub-domain").SelectOptionAsync("housing");
        await admin.GetByLabel("Level", new() { Exact = true }).SelectOptionAsync(nameof(ThresholdLevel.Targeted));
        await admin.GetByLabel("Code").FillAsync("housing-3z");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add indicator" }).ClickAsync();
        (await admin.Locator("main").InnerTextAsync()).ShouldContain(NewIndicator);
        await admin.ShouldHaveNoAxeViolationsAsync();

        await admin.GetByRole(AriaRole.Button, new() { Name = "Preview the guidance" }).ClickAsync();
        await admin.ShouldHaveNoAxeViolationsAsync();
        await admin.GetByLabel(NewIndicator, new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Show the suggested level" }).ClickAsync();
        (await admin.Locator("[data-suggested-level]").InnerTextAsync()).ShouldStartWith("Suggested: Level 3");
        (await admin.Locator("[data-suggestion-reasons]").InnerTextAsync()).ShouldContain(NewIndicator.TrimEnd('.'));
        await admin.ShouldHaveNoAxeViolationsAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();

        await admin.GetByRole(AriaRole.Button, new() { Name = $"Publish version {original.Version + 1}" }).ClickAsync();
        (await admin.Locator(".govuk-notification-banner").InnerTextAsync())
            .ShouldContain($"Version {original.Version + 1} has been published");
        var rows = admin.Locator("tbody tr");
        (await rows.Nth(0).InnerTextAsync()).ShouldContain("Published");
        (await rows.Nth(1).InnerTextAsync()).ShouldContain("Retired");
        await admin.ShouldHaveNoAxeViolationsAsync();

        var referrer = await NewPageAsync();
        await referrer.SignInAsync("referrer@example.org");
        var steps = new JourneySteps(referrer);
        await steps.StartAsync();
        await steps.AnswerScreeningAsync();
        await steps.AddChildAsync("Jayden", "Clarke", async () =>
        {
            (await referrer.Locator("main").InnerTextAsync()).ShouldContain($"(version {original.Version + 1})");
        }, NewIndicator);
        await steps.NoMoreChildrenAsync();
        (await referrer.Locator(".govuk-inset-text h2").InnerTextAsync()).ShouldStartWith("Level 3");
        (await referrer.Locator("main").InnerTextAsync()).ShouldContain(NewIndicator.TrimEnd('.'));

        await referrer.GotoAsync($"/referrals/{older}");
        await referrer.ShouldHaveNoAxeViolationsAsync();
        var sent = await referrer.Locator("main").InnerTextAsync();
        sent.ShouldContain($"{original.Name}, version {original.Version}");
        sent.ShouldNotContain(NewIndicator);
    }
}
