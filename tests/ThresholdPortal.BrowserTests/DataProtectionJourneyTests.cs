using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;
using ThresholdPortal.Domain.Referrals;

namespace ThresholdPortal.BrowserTests;

/// <summary>
/// Data protection as its users meet it (issue 19): a referrer deletes a draft they started, a MASH manager reads the
/// unusual-access report, and an administrator changes a retention rule and sees the dry-run counts. Axe on every page.
/// </summary>
public sealed partial class DataProtectionJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_referrer_deletes_a_draft_a_manager_reads_unusual_access_and_an_administrator_changes_retention()
    {
        var referrer = await NewPageAsync();
        await referrer.SignInAsync("referrer@example.org");
        await referrer.GotoAsync("/referrals/new");
        await referrer.GetByRole(AriaRole.Button, new() { Name = "Start referral" }).ClickAsync();
        await referrer.WaitForAddressAsync(DraftAddress());
        var draftId = Guid.Parse(DraftAddress().Match(referrer.Url).Groups[1].Value);
        await referrer.GotoAsync($"/referrals/draft/{draftId}");
        await referrer.GetByRole(AriaRole.Link, new() { Name = "Delete this draft" }).ClickAsync();
        await referrer.WaitForAddressAsync(new Regex("/delete$"));
        (await referrer.Locator("h1").InnerTextAsync()).ShouldBe("Are you sure you want to delete this draft referral?");
        await referrer.ShouldHaveNoAxeViolationsAsync();
        await referrer.GetByRole(AriaRole.Button, new() { Name = "Delete draft" }).ClickAsync();
        await referrer.WaitForPathAsync("/referrals");
        (await referrer.Locator("main").InnerTextAsync()).ShouldContain("Your draft referral has been deleted");
        await referrer.ShouldHaveNoAxeViolationsAsync();
        (await App.ExecuteDbContextAsync(db => db.Referrals.AnyAsync(r => r.Id == draftId && r.Status == ReferralStatus.Draft)))
            .ShouldBeFalse();

        var manager = await NewPageAsync();
        await manager.SignInAsync("manager@example.org");
        await manager.GotoAsync("/insights");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Unusual access to case records" }).ClickAsync();
        await manager.WaitForPathAsync("/insights/unusual-access");
        (await manager.Locator("h1").InnerTextAsync()).ShouldContain("Unusual access");
        await manager.ShouldHaveNoAxeViolationsAsync();

        var admin = await NewPageAsync();
        await admin.SignInAsync("admin@example.org");
        await admin.GotoAsync("/admin/configuration/mash-settings");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Change retention schedule" }).ClickAsync();
        await admin.WaitForPathAsync("/admin/configuration/mash-settings/retention");
        await admin.ShouldHaveNoAxeViolationsAsync();
        (await admin.Locator("#retention-due").InnerTextAsync()).ShouldContain("Draft referrals to delete");

        await admin.GetByLabel("Draft referrals: days after their last change").FillAsync("3");
        await admin.GetByLabel("Reminder to the referrer: days before the draft is deleted").FillAsync("1");
        await admin.GetByLabel("Why").FillAsync("Shorter drafts agreed with the data protection officer.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save the schedule" }).ClickAsync();
        await admin.Locator(".govuk-notification-banner").WaitForAsync();
        (await admin.Locator("main").InnerTextAsync()).ShouldContain("Retention schedule saved as settings version");
        var dueDrafts = await admin.Locator("#retention-due tr", new() { HasText = "Draft referrals to delete" })
            .Locator("td").First.InnerTextAsync();
        var cutoff = App.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-3);
        var expected = await App.ExecuteDbContextAsync(db => db.Referrals.CountAsync(r => r.Status == ReferralStatus.Draft
            && r.UpdatedAt < cutoff));
        int.Parse(dueDrafts, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.GetCultureInfo("en-GB"))
            .ShouldBe(expected);
        await admin.ShouldHaveNoAxeViolationsAsync();

        // Put the demo's schedule back for the other journeys.
        await admin.GetByLabel("Draft referrals: days after their last change").FillAsync("30");
        await admin.GetByLabel("Reminder to the referrer: days before the draft is deleted").FillAsync("7");
        await admin.GetByLabel("Why").FillAsync("Back to the default.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save the schedule" }).ClickAsync();
        await admin.Locator(".govuk-notification-banner").WaitForAsync();
    }

    [GeneratedRegex("/referrals/draft/([0-9a-f-]{36})(/|$)")]
    private static partial Regex DraftAddress();
}
