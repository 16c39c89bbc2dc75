using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.IntegrationTests.Pages.Account;

public sealed class InvitationTests(PortalApp app) : IntegrationTest(app)
{
    private const string NewPassword = "Fresh-Start-2026";

    [Fact]
    public async Task An_invitation_sets_the_password_signs_in_and_sends_a_mash_practitioner_to_set_up_two_factor()
    {
        var token = await InviteAsync("new.worker@mash.test", PortalRole.MashPractitioner);
        var client = App.CreateBrowserLikeClient();

        var page = await client.GetStringAsync(AcceptUrl(token));
        page.ShouldContain("Set your password");
        page.ShouldContain("new.worker@mash.test");
        var response = await AcceptAsync(client, token, NewPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/mash");
        var mash = await client.GetAsync("/mash");
        mash.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a MASH practitioner must set up two-factor sign-in before anything else");
        mash.Headers.Location!.ToString().ShouldBe("/account/two-factor/set-up?ReturnUrl=%2Fmash");
        var user = await App.ExecuteDbContextAsync(db => db.Users.SingleAsync(u => u.Email == "new.worker@mash.test"));
        user.EmailConfirmed.ShouldBeTrue();
        (await App.AuditAsync()).Select(e => e.Action).ShouldContain(AccountEvents.InvitationAccepted);
    }

    [Fact]
    public async Task A_used_invitation_link_is_refused()
    {
        var token = await InviteAsync("new.worker@mash.test", PortalRole.Referrer);
        (await AcceptAsync(App.CreateBrowserLikeClient(), token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var attacker = App.CreateBrowserLikeClient();
        (await attacker.GetStringAsync(AcceptUrl(token))).ShouldContain("This link has expired or has already been used");
        var second = await AcceptAsync(attacker, token, "Attackers-Choice-2026", tokenFrom: "/account/sign-in");

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).ShouldContain("This link has expired or has already been used");
        await PortalApp.ShouldBeSignedInAsync(await App.SignInAsync("new.worker@mash.test", NewPassword), "the first password still works");
        var refused = await Forms.PostAsync(App.CreateBrowserLikeClient(), "/account/sign-in",
            new() { ["Data.Email"] = "new.worker@mash.test", ["Data.Password"] = "Attackers-Choice-2026" });
        (await refused.Content.ReadAsStringAsync()).ShouldContain("The email address or password is not correct");
    }

    [Fact]
    public async Task An_expired_invitation_link_is_refused()
    {
        var token = await InviteAsync("late.worker@mash.test", PortalRole.Referrer);
        await App.ExecuteDbContextAsync(db =>
            db.AccountTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, TestClock.UtcNow.AddMinutes(-1))));
        var client = App.CreateBrowserLikeClient();

        (await client.GetStringAsync(AcceptUrl(token))).ShouldContain("This link has expired or has already been used");
        var response = await AcceptAsync(client, token, NewPassword, tokenFrom: "/account/sign-in");

        (await response.Content.ReadAsStringAsync()).ShouldContain("This link has expired or has already been used");
        (await App.ExecuteDbContextAsync(db => db.Users.SingleAsync(u => u.Email == "late.worker@mash.test"))).PasswordHash.ShouldBeNull();
    }

    [Fact]
    public async Task Only_a_hash_of_the_invitation_token_is_stored()
    {
        var token = await InviteAsync("new.worker@mash.test", PortalRole.Referrer);

        var stored = await App.ExecuteDbContextAsync(db => db.AccountTokens.SingleAsync());
        stored.Purpose.ShouldBe(AccountTokenPurpose.Invitation);
        stored.TokenHash.ShouldBe(AccountToken.Hash(token));
        stored.TokenHash.ShouldNotContain(token);
        (stored.ExpiresAt - stored.CreatedAt).ShouldBe(TimeSpan.FromDays(7));
        token.Length.ShouldBeGreaterThanOrEqualTo(43, "256 random bits in base64url");
    }

    [Fact]
    public async Task A_weak_password_is_refused_and_the_link_still_works()
    {
        var token = await InviteAsync("new.worker@mash.test", PortalRole.Referrer);
        var client = App.CreateBrowserLikeClient();

        var response = await AcceptAsync(client, token, "short");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Password must be 12 characters or more");
        (await AcceptAsync(client, token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Sending_the_invitation_again_makes_the_old_link_stop_working()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var oldToken = await InviteAsync(admin, "new.worker@mash.test", PortalRole.Referrer);
        var userId = await App.ExecuteDbContextAsync(db =>
            db.Users.Where(u => u.Email == "new.worker@mash.test").Select(u => u.Id).SingleAsync());

        (await Forms.PostAsync(admin, $"/admin/users/resend-invitation/{userId}", new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var links = (await App.OutboxAsync()).Where(m => m.Template == EmailTemplate.Invitation.Name).Select(m => m.Link!).ToList();
        links.Count.ShouldBe(2);
        var newToken = TokenOf(links[1]);
        (await App.CreateBrowserLikeClient().GetStringAsync(AcceptUrl(oldToken)))
            .ShouldContain("This link has expired or has already been used");
        (await App.CreateBrowserLikeClient().GetStringAsync(AcceptUrl(newToken))).ShouldContain("Set your password");
        (await App.AuditAsync()).Select(e => e.Action).ShouldContain(AccountEvents.InvitationResent);
    }

    private async Task<string> InviteAsync(string email, string role)
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        return await InviteAsync(admin, email, role);
    }

    private async Task<string> InviteAsync(HttpClient admin, string email, string role)
    {
        var organisationId = await App.ExecuteDbContextAsync(db => db.Organisations.Select(o => o.Id).FirstAsync());
        var response = await Forms.PostAsync(admin, "/admin/users/invite", new()
        {
            ["Data.Email"] = email, ["Data.GivenName"] = "New", ["Data.FamilyName"] = "Worker",
            ["Data.OrganisationId"] = organisationId.ToString(), ["Data.Roles"] = role,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return TokenOf(await App.LinkEmailedToAsync(email, EmailTemplate.Invitation));
    }

    private static string TokenOf(string link) =>
        Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..]);

    private static string AcceptUrl(string token) => "/account/accept-invitation?token=" + Uri.EscapeDataString(token);

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient client, string token, string password, string? tokenFrom = null) =>
        Forms.PostAsync(client, AcceptUrl(token),
            [KeyValuePair.Create("Data.Token", token), KeyValuePair.Create("Data.Password", password)], tokenFrom);
}
