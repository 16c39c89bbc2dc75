using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.IntegrationTests.Pages.Account;

public sealed class PasswordTests(PortalApp app) : IntegrationTest(app)
{
    private const string NewPassword = "Another-Season-2027";

    [Fact]
    public async Task Forgot_password_answers_the_same_for_an_unknown_address_and_sends_nothing()
    {
        var known = await ForgotAsync("teacher@school.test", createAccount: true);
        var unknown = await ForgotAsync("nobody@school.test", createAccount: false);

        unknown.StatusCode.ShouldBe(known.StatusCode);
        unknown.Headers.Location.ShouldBe(known.Headers.Location);
        (await App.OutboxAsync()).Select(m => m.Recipient).ShouldBe(["teacher@school.test"]);
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_and_ends_every_session()
    {
        await ForgotAsync("teacher@school.test", createAccount: true);
        var openSession = await App.SignInAsync("teacher@school.test");
        var link = await App.LinkEmailedToAsync("teacher@school.test", EmailTemplate.PasswordReset);
        var token = Uri.UnescapeDataString(link[(link.IndexOf('=') + 1)..]);
        var visitor = App.CreateBrowserLikeClient();

        var response = await Forms.PostAsync(visitor, link,
            [KeyValuePair.Create("Data.Token", token), KeyValuePair.Create("Data.Password", NewPassword)]);

        response.Headers.Location!.ToString().ShouldBe("/account/sign-in");
        (await openSession.GetAsync("/referrals")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the session from before the reset ends");
        await PortalApp.ShouldBeSignedInAsync(await App.SignInAsync("teacher@school.test", NewPassword), "the new password works");
        (await visitor.GetStringAsync(link)).ShouldContain("This link has expired or has already been used");
        (await App.OutboxAsync()).Select(m => m.Template).ShouldContain(EmailTemplate.PasswordChanged.Name);
        (await App.AuditAsync()).Select(e => e.Action).ShouldContain(AccountEvents.PasswordReset);
    }

    [Fact]
    public async Task An_expired_reset_link_is_refused()
    {
        await ForgotAsync("teacher@school.test", createAccount: true);
        var link = await App.LinkEmailedToAsync("teacher@school.test", EmailTemplate.PasswordReset);
        await App.ExecuteDbContextAsync(db =>
            db.AccountTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, TestClock.UtcNow.AddSeconds(-1))));
        var token = Uri.UnescapeDataString(link[(link.IndexOf('=') + 1)..]);

        var response = await Forms.PostAsync(App.CreateBrowserLikeClient(), link,
            [KeyValuePair.Create("Data.Token", token), KeyValuePair.Create("Data.Password", NewPassword)], tokenFrom: "/account/sign-in");

        (await response.Content.ReadAsStringAsync()).ShouldContain("This link has expired or has already been used");
        await PortalApp.ShouldBeSignedInAsync(await App.SignInAsync("teacher@school.test"), "the old password still works");
    }

    [Fact]
    public async Task Changing_a_password_ends_the_other_sessions_but_not_this_one()
    {
        var school = await App.CreateOrganisationAsync("School", OrganisationKind.School, "school.test");
        await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);
        var here = await App.SignInAsync("teacher@school.test");
        var elsewhere = await App.SignInAsync("teacher@school.test");

        var response = await Forms.PostAsync(here, "/account/change-password",
            new() { ["Data.CurrentPassword"] = PortalApp.Password, ["Data.NewPassword"] = NewPassword });

        response.Headers.Location!.ToString().ShouldBe("/account");
        (await here.GetAsync("/referrals")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var other = await elsewhere.GetAsync("/referrals");
        other.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        other.Headers.Location!.ToString().ShouldContain("/account/sign-in");
        (await App.LinkEmailedToAsync("teacher@school.test", EmailTemplate.PasswordChanged)).ShouldBe("/account/forgot-password");
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_with_a_clear_error()
    {
        var school = await App.CreateOrganisationAsync("School", OrganisationKind.School, "school.test");
        await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);
        var client = await App.SignInAsync("teacher@school.test");

        var response = await Forms.PostAsync(client, "/account/change-password",
            new() { ["Data.CurrentPassword"] = "Not-My-Password-1", ["Data.NewPassword"] = NewPassword });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync())
            .ShouldContain("<a href=\"#Data_CurrentPassword\">Your current password is not correct</a>");
        (await App.SignInAsync("teacher@school.test")).ShouldNotBeNull("the password is unchanged");
    }

    [Fact]
    public async Task Wrong_current_passwords_count_towards_lockout_so_a_session_cannot_guess_without_limit()
    {
        var school = await App.CreateOrganisationAsync("School", OrganisationKind.School, "school.test");
        await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);
        var client = await App.SignInAsync("teacher@school.test");

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Forms.PostAsync(client, "/account/change-password",
                new() { ["Data.CurrentPassword"] = $"Not-My-Password-{attempt}", ["Data.NewPassword"] = NewPassword });
        }

        var right = await Forms.PostAsync(client, "/account/change-password",
            new() { ["Data.CurrentPassword"] = PortalApp.Password, ["Data.NewPassword"] = NewPassword });
        (await right.Content.ReadAsStringAsync()).ShouldContain("Your account is locked after too many wrong attempts");
        var user = await App.ExecuteDbContextAsync(db => db.Users.AsNoTracking().SingleAsync());
        user.LockoutEnd.ShouldNotBeNull();
        (await Forms.PostAsync(App.CreateBrowserLikeClient(), "/account/sign-in",
                new() { ["Data.Email"] = "teacher@school.test", ["Data.Password"] = PortalApp.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.OK, "the account is locked for signing in too");
    }

    private async Task<HttpResponseMessage> ForgotAsync(string email, bool createAccount)
    {
        if (createAccount)
        {
            var school = await App.CreateOrganisationAsync("School", OrganisationKind.School, "school.test");
            await App.CreateUserAsync(email, school, PortalRole.Referrer);
        }

        var response = await Forms.PostAsync(App.CreateBrowserLikeClient(), "/account/forgot-password", new() { ["Data.Email"] = email });
        response.Headers.Location!.ToString().ShouldBe("/account/check-your-email?for=password-reset");
        return response;
    }
}
