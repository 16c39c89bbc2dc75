using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.BrowserTests;

public sealed partial class AccountAdministrationJourneyTests(BrowserApp app) : BrowserTest(app)
{
    private const string NewPractitioner = "sam.adeyemi@northshire.example.org";

    [Fact]
    public async Task An_invited_practitioner_sets_a_password_enrols_an_authenticator_and_reaches_the_mash_until_deactivated()
    {
        var admin = await NewPageAsync();
        await admin.SignInAsync("admin@example.org");
        await admin.GotoAsync("/admin");
        await admin.ShouldHaveNoAxeViolationsAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await admin.ShouldHaveNoAxeViolationsAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Invite a user" }).ClickAsync();
        await admin.ShouldHaveNoAxeViolationsAsync();

        await admin.GetByLabel("Email address").FillAsync(NewPractitioner);
        await admin.GetByLabel("First name").FillAsync("Sam");
        await admin.GetByLabel("Last name").FillAsync("Adeyemi");
        await admin.GetByLabel("Job title (optional)").FillAsync("MASH social worker");
        await admin.GetByLabel("Organisation").SelectOptionAsync(new SelectOptionValue { Label = "Northshire County Council" });
        await admin.GetByLabel("MASH practitioner", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        (await admin.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain($"Invitation sent to {NewPractitioner}");
        await admin.ShouldHaveNoAxeViolationsAsync();
        var detailsUrl = admin.Url;

        // The dispatcher sends the invitation through the loopback SMTP server.
        var invitation = (await App.Mail.WaitForMessagesAsync(m => LoopbackSmtpServer.IsTo(m, NewPractitioner))).ShouldHaveSingleItem();
        invitation.To.Mailboxes.Single().Address.ShouldBe(NewPractitioner);
        invitation.Subject.ShouldBe("You have been invited to use Refer a child");
        var link = InvitationLink().Match(invitation.TextBody!).Value;
        link.ShouldStartWith(App.BaseUrl + "/account/accept-invitation?token=");

        var practitioner = await NewPageAsync();
        await practitioner.GotoAsync(link);
        (await practitioner.Locator("h1").InnerTextAsync()).ShouldBe("Set your password");
        await practitioner.ShouldHaveNoAxeViolationsAsync();
        await practitioner.GetByLabel("Create a password").FillAsync("Safe-Guarding-2026");
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Set password and continue" }).ClickAsync();

        // A MASH practitioner is sent to set up an authenticator app before anything else.
        (await practitioner.Locator("h1").InnerTextAsync()).ShouldBe("Set up an authenticator app");
        await practitioner.ShouldHaveNoAxeViolationsAsync();
        (await practitioner.GetByRole(AriaRole.Img, new() { NameRegex = QrCodeName() }).IsVisibleAsync()).ShouldBeTrue();
        var key = await practitioner.Locator("#setup-key").InnerTextAsync();
        await practitioner.GetByLabel("Enter the 6 digit code the app shows").FillAsync(Totp.Code(key));
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        (await practitioner.Locator("h1").InnerTextAsync()).ShouldBe("Save your recovery codes");
        (await practitioner.Locator("#recovery-codes li").CountAsync()).ShouldBe(10);
        await practitioner.ShouldHaveNoAxeViolationsAsync();
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        practitioner.Url.ShouldBe(App.BaseUrl + "/mash");
        (await practitioner.Locator("h1").InnerTextAsync()).ShouldBe("MASH queue");
        await practitioner.ShouldHaveNoAxeViolationsAsync();

        await admin.GotoAsync(detailsUrl);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Deactivate this user" }).ClickAsync();
        await admin.ShouldHaveNoAxeViolationsAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Deactivate user" }).ClickAsync();
        (await admin.Locator(".govuk-notification-banner").InnerTextAsync())
            .ShouldContain("Sam Adeyemi has been deactivated and signed out");
        await admin.ShouldHaveNoAxeViolationsAsync();

        // The practitioner's open session is refused at their very next request.
        await practitioner.ReloadAsync();
        practitioner.Url.ShouldStartWith(App.BaseUrl + "/account/sign-in");
        await practitioner.ShouldHaveNoAxeViolationsAsync();
    }

    [GeneratedRegex(@"https?://\S+/account/accept-invitation\?token=\S+")]
    private static partial Regex InvitationLink();

    [GeneratedRegex("^QR code")]
    private static partial Regex QrCodeName();
}
