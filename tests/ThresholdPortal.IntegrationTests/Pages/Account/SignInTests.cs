using System.Net;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.IntegrationTests.Pages.Account;

public sealed class SignInTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Correct_password_signs_in_and_returns_to_the_page_asked_for()
    {
        var mash = await App.CreateOrganisationAsync("MASH", OrganisationKind.LocalAuthorityChildrensSocialCare);
        await App.CreateUserAsync("worker@mash.test", mash, PortalRole.MashPractitioner);
        var client = App.CreateBrowserLikeClient();

        var response = await Forms.PostAsync(client, "/account/sign-in?ReturnUrl=%2Fmash",
            new() { ["Data.Email"] = "worker@mash.test", ["Data.Password"] = PortalApp.Password, ["ReturnUrl"] = "/mash" });

        // A MASH practitioner also owes a code from their authenticator app; the return address goes along.
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/account/sign-in-code?ReturnUrl=%2Fmash");
        (await client.GetAsync("/mash")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the password alone does not sign in");
        response = await Forms.PostAsync(client, "/account/sign-in-code?ReturnUrl=%2Fmash",
            new() { ["Data.Code"] = Totp.Code(PortalApp.AuthenticatorKey) });
        response.Headers.Location!.ToString().ShouldBe("/mash");
        (await client.GetAsync("/mash")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_password_shows_a_clear_error_in_the_error_summary()
    {
        var mash = await App.CreateOrganisationAsync("MASH", OrganisationKind.LocalAuthorityChildrensSocialCare);
        await App.CreateUserAsync("worker@mash.test", mash, PortalRole.MashPractitioner);

        var response = await Forms.PostAsync(App.CreateBrowserLikeClient(), "/account/sign-in",
            new() { ["Data.Email"] = "worker@mash.test", ["Data.Password"] = "Not-The-Password-1" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("<a href=\"#Data_Email\">The email address or password is not correct</a>");
        html.ShouldContain("<title>Error: ");
    }

    [Fact]
    public async Task Empty_form_asks_for_each_answer()
    {
        var response = await Forms.PostAsync(App.CreateBrowserLikeClient(), "/account/sign-in", new());

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<a href=\"#Data_Email\">Enter your email address</a>");
        html.ShouldContain("<a href=\"#Data_Password\">Enter your password</a>");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var mash = await App.CreateOrganisationAsync("MASH", OrganisationKind.LocalAuthorityChildrensSocialCare);
        await App.CreateUserAsync("worker@mash.test", mash, PortalRole.MashPractitioner);
        var client = App.CreateBrowserLikeClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Forms.PostAsync(client, "/account/sign-in",
                new() { ["Data.Email"] = "worker@mash.test", ["Data.Password"] = "Wrong-Password-1" });
        }

        var response = await Forms.PostAsync(client, "/account/sign-in",
            new() { ["Data.Email"] = "worker@mash.test", ["Data.Password"] = PortalApp.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Your account is locked");
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in()
    {
        var mash = await App.CreateOrganisationAsync("MASH", OrganisationKind.LocalAuthorityChildrensSocialCare);
        var user = await App.CreateUserAsync("leaver@mash.test", mash, PortalRole.MashPractitioner);
        await App.ExecuteDbContextAsync(async db =>
        {
            (await db.Users.FindAsync(user.Id))!.IsActive = false;
            await db.SaveChangesAsync();
        });

        var response = await Forms.PostAsync(App.CreateBrowserLikeClient(), "/account/sign-in",
            new() { ["Data.Email"] = "leaver@mash.test", ["Data.Password"] = PortalApp.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The email address or password is not correct");
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_refused()
    {
        var response = await App.CreateBrowserLikeClient().PostAsync("/account/sign-in",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Data.Email"] = "a@b.test", ["Data.Password"] = "x" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Sign_in_refuses_to_redirect_to_another_site()
    {
        var mash = await App.CreateOrganisationAsync("MASH", OrganisationKind.LocalAuthorityChildrensSocialCare);
        await App.CreateUserAsync("worker@mash.test", mash, PortalRole.MashPractitioner);

        var client = App.CreateBrowserLikeClient();
        var response = await Forms.PostAsync(client, "/account/sign-in",
            new() { ["Data.Email"] = "worker@mash.test", ["Data.Password"] = PortalApp.Password, ["ReturnUrl"] = "https://evil.example/" });
        response = await Forms.PostAsync(client, response.Headers.Location!.ToString(),
            new() { ["Data.Code"] = Totp.Code(PortalApp.AuthenticatorKey) });

        response.Headers.Location!.ToString().ShouldBe("/mash", "the other site is refused and the worker lands on their own work");
    }

    [Theory]
    [InlineData(PortalRole.Referrer, OrganisationKind.School, "/referrals")]
    [InlineData(PortalRole.MashPractitioner, OrganisationKind.LocalAuthorityChildrensSocialCare, "/mash")]
    [InlineData(PortalRole.MashManager, OrganisationKind.LocalAuthorityChildrensSocialCare, "/mash")]
    [InlineData(PortalRole.AgencyResponder, OrganisationKind.Police, "/agency/requests")]
    [InlineData(PortalRole.Administrator, OrganisationKind.LocalAuthorityChildrensSocialCare, "/admin")]
    [InlineData(PortalRole.Auditor, OrganisationKind.LocalAuthorityChildrensSocialCare, "/insights/audits")]
    public async Task Each_role_lands_on_its_own_work_after_signing_in(string role, OrganisationKind kind, string work)
    {
        var organisation = await App.CreateOrganisationAsync("Their organisation", kind);
        await App.CreateUserAsync("someone@work.test", organisation, role);
        var client = App.CreateBrowserLikeClient();

        // "/" is the start page, for people not yet signed in: as a return address it does not win over their work.
        var response = await Forms.PostAsync(client, "/account/sign-in?ReturnUrl=%2F",
            new() { ["Data.Email"] = "someone@work.test", ["Data.Password"] = PortalApp.Password, ["ReturnUrl"] = "/" });
        if (response.Headers.Location!.OriginalString.StartsWith("/account/sign-in-code", StringComparison.Ordinal))
        {
            response = await Forms.PostAsync(client, response.Headers.Location.OriginalString,
                new() { ["Data.Code"] = Totp.Code(PortalApp.AuthenticatorKey) });
        }

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe(work);
        (await client.GetAsync(work)).StatusCode.ShouldBe(HttpStatusCode.OK, $"{role} may open {work}");
    }
}
