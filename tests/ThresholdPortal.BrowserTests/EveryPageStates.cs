using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.BrowserTests;

/// <summary>
/// States the demo data does not hold but some pages need before they show, reached through the real pages as
/// their users reach them: a registration awaiting approval, a locked-out user, an invited and a deactivated user,
/// a draft threshold document, and a draft referral with an adult at the early help level.
/// </summary>
internal static partial class EveryPageStates
{
    private const string Registrant = "jo.blake@riverside.example.org";
    private const string LockedOut = "sam.patel@example.org";

    public static async Task PrepareAsync(BrowserApp app, Func<Task<IPage>> newPage)
    {
        var visitor = await newPage();
        await RegisterAndConfirmAsync(app, visitor);
        // Wrong passwords lock an account only for the address they come from (docs/decisions/0104); wrong authenticator
        // codes after the right password lock the account itself, which is what an administrator unlocks.
        await visitor.GotoAsync("/account/sign-in");
        await visitor.GetByLabel("Email address").FillAsync(LockedOut);
        await visitor.GetByLabel("Password").FillAsync(DemoData.DemoDataSeeder.DemoPassword);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await visitor.WaitForAddressAsync(new Regex("/account/sign-in-code"));
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await visitor.GetByLabel("Enter the code from your authenticator app").FillAsync("000000");
            await visitor.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await visitor.Locator(".govuk-error-summary").WaitForAsync();
        }

        var admin = await newPage();
        await admin.SignInAsync("admin@example.org");
        await admin.GotoAsync("/admin/configuration/threshold-documents");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create a new version from the current one" }).ClickAsync();
        await admin.WaitForAddressAsync(new Regex("/threshold-documents/version/"));
        await InviteAsync(admin, "ola.okoro@northshire.example.org");
        await InviteAsync(admin, "kim.leaver@northshire.example.org");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Deactivate this user" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Deactivate user" }).ClickAsync();
        await admin.Locator(".govuk-notification-banner").WaitForAsync();

        var referrer = await newPage();
        await referrer.SignInAsync("referrer@example.org");
        await referrer.GotoAsync("/referrals");
        var draft = await referrer.Locator("a[href^='/referrals/draft/']").First.GetAttributeAsync("href");
        await referrer.GotoAsync($"{draft}/household/adult");
        await referrer.GetByLabel("First name").FillAsync("Dean");
        await referrer.GetByLabel("Last name").FillAsync("Clarke");
        await referrer.GetByLabel("Relationship to the children").FillAsync("Father");
        await referrer.Locator("input[name='Data.LivesWithChildren'][value='true']").CheckAsync();
        await referrer.Locator("input[name='Data.KnowsAboutReferral'][value='true']").CheckAsync();
        await referrer.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await referrer.WaitForAddressAsync(new Regex("/household$"));
        await referrer.GotoAsync($"{draft}/level");
        await referrer.Locator("input[name='Data.ChosenLevel'][value='EarlyHelp']").CheckAsync();
        await referrer.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await referrer.WaitForAddressAsync(new Regex("/early-help$"));
    }

    private static async Task RegisterAndConfirmAsync(BrowserApp app, IPage visitor)
    {
        await visitor.GotoAsync("/account/register");
        await visitor.GetByLabel("Work email address").FillAsync(Registrant);
        await visitor.GetByLabel("First name").FillAsync("Jo");
        await visitor.GetByLabel("Last name").FillAsync("Blake");
        await visitor.GetByLabel("Job title").FillAsync("Class teacher");
        await visitor.GetByLabel("Create a password").FillAsync("Long-Enough-2026");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        var message = (await app.Mail.WaitForMessagesAsync(m => LoopbackSmtpServer.IsTo(m, Registrant))).ShouldHaveSingleItem();
        await visitor.GotoAsync(ConfirmationLink().Match(message.TextBody!).Value);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Confirm my email address" }).ClickAsync();
        // Waiting for a load state straight after the click can catch the old page or a navigation in between; the
        // confirmation heading is the outcome, so wait for that.
        await visitor.GetByRole(AriaRole.Heading, new() { Name = "Your email address is confirmed" }).WaitForAsync();
    }

    private static async Task InviteAsync(IPage admin, string email)
    {
        await admin.GotoAsync("/admin/users/invite");
        await admin.GetByLabel("Email address").FillAsync(email);
        await admin.GetByLabel("First name").FillAsync(email.Split('.')[0]);
        await admin.GetByLabel("Last name").FillAsync("Invitee");
        await admin.GetByLabel("Organisation").SelectOptionAsync(new SelectOptionValue { Label = "Northshire County Council" });
        await admin.GetByLabel("MASH practitioner", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await admin.Locator(".govuk-notification-banner").WaitForAsync();
    }

    [GeneratedRegex(@"https?://\S+/account/confirm-email\?\S+")]
    private static partial Regex ConfirmationLink();
}
