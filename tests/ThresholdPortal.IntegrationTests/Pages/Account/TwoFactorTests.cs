using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.IntegrationTests.Pages.Account;

public sealed partial class TwoFactorTests(PortalApp app) : IntegrationTest(app)
{
    [Theory]
    [InlineData(PortalRole.MashPractitioner, "/mash")]
    [InlineData(PortalRole.MashManager, "/mash")]
    [InlineData(PortalRole.Administrator, "/admin")]
    public async Task Mash_roles_and_administrators_must_set_up_two_factor_before_anything_else(string role, string area)
    {
        var mash = await App.CreateOrganisationAsync("MASH", OrganisationKind.LocalAuthorityChildrensSocialCare);
        await App.CreateUserAsync("worker@mash.test", mash, enrolTwoFactor: false, role);

        var client = await App.SignInAsync("worker@mash.test");

        var response = await client.GetAsync(area);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/account/two-factor/set-up?ReturnUrl=" + Uri.EscapeDataString(area));
        (await client.GetAsync("/account")).Headers.Location!.ToString().ShouldStartWith("/account/two-factor/set-up");
        (await client.PostAsync(area, new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetStringAsync("/account/two-factor/set-up"))
            .ShouldContain("Your role lets you see information about children and families");
    }

    [Fact]
    public async Task Agency_responders_must_set_up_two_factor_too_as_they_see_childrens_details()
    {
        var police = await App.CreateOrganisationAsync("Northshire Police", OrganisationKind.Police);
        await App.CreateUserAsync("officer@police.test", police, enrolTwoFactor: false, PortalRole.AgencyResponder);

        var client = await App.SignInAsync("officer@police.test");

        var response = await client.GetAsync("/agency/requests");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/account/two-factor/set-up?ReturnUrl=" + Uri.EscapeDataString("/agency/requests"));
    }

    [Fact]
    public async Task Which_roles_need_two_factor_is_a_setting()
    {
        var police = await App.CreateOrganisationAsync("Northshire Police", OrganisationKind.Police);
        await App.CreateUserAsync("officer@police.test", police, enrolTwoFactor: false, PortalRole.AgencyResponder);
        var administratorsOnly = App.WithWebHostBuilder(builder =>
            builder.UseSetting("Accounts:TwoFactorRoles:0", PortalRole.Administrator));
        var client = administratorsOnly.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        (await Forms.PostAsync(client, "/account/sign-in",
                new() { ["Data.Email"] = "officer@police.test", ["Data.Password"] = PortalApp.Password }))
            .Headers.Location!.ToString().ShouldBe("/agency/requests");
        (await client.GetAsync("/agency/requests")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Opening_the_set_up_page_stores_no_key_and_leaves_other_sessions_signed_in()
    {
        var mash = await App.CreateOrganisationAsync("MASH", OrganisationKind.LocalAuthorityChildrensSocialCare);
        var worker = await App.CreateUserAsync("worker@mash.test", mash, enrolTwoFactor: false, PortalRole.MashPractitioner);
        var stampBefore = (await App.ExecuteDbContextAsync(db => db.Users.AsNoTracking().SingleAsync())).SecurityStamp;
        var client = await App.SignInAsync("worker@mash.test");
        var other = await App.SignInAsync("worker@mash.test");

        var first = SetupKey().Match(await client.GetStringAsync("/account/two-factor/set-up")).Groups[1].Value;
        var again = SetupKey().Match(await client.GetStringAsync("/account/two-factor/set-up")).Groups[1].Value;

        again.ShouldBe(first, "a reload shows the key the app may already hold");
        (await App.ExecuteDbContextAsync(db => db.UserTokens.AsNoTracking().CountAsync(t => t.UserId == worker.Id))).ShouldBe(0);
        (await App.ExecuteDbContextAsync(db => db.Users.AsNoTracking().SingleAsync())).SecurityStamp.ShouldBe(stampBefore);
        (await other.GetAsync("/account/two-factor/set-up")).StatusCode.ShouldBe(HttpStatusCode.OK, "the other session goes on");
    }

    [Fact]
    public async Task A_wrong_code_at_set_up_stores_nothing()
    {
        var mash = await App.CreateOrganisationAsync("MASH", OrganisationKind.LocalAuthorityChildrensSocialCare);
        var worker = await App.CreateUserAsync("worker@mash.test", mash, enrolTwoFactor: false, PortalRole.MashPractitioner);
        var client = await App.SignInAsync("worker@mash.test");

        var wrong = await Forms.PostAsync(client, "/account/two-factor/set-up", new() { ["Data.Code"] = "000000" });

        (await wrong.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#Data_Code\">The code is not correct.");
        (await App.ExecuteDbContextAsync(db => db.UserTokens.AsNoTracking().CountAsync(t => t.UserId == worker.Id))).ShouldBe(0);
        (await App.ExecuteDbContextAsync(db => db.Users.AsNoTracking().SingleAsync())).TwoFactorEnabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Setting_up_with_a_code_from_the_shown_key_turns_two_factor_on_and_gives_recovery_codes()
    {
        var mash = await App.CreateOrganisationAsync("MASH", OrganisationKind.LocalAuthorityChildrensSocialCare);
        await App.CreateUserAsync("worker@mash.test", mash, enrolTwoFactor: false, PortalRole.MashPractitioner);
        var client = await App.SignInAsync("worker@mash.test");
        var setUp = await client.GetStringAsync("/account/two-factor/set-up?ReturnUrl=%2Fmash");
        setUp.ShouldContain("data:image/png;base64,", customMessage: "a QR code");
        var key = SetupKey().Match(setUp).Groups[1].Value;

        var wrong = await Forms.PostAsync(client, "/account/two-factor/set-up?ReturnUrl=%2Fmash", new() { ["Data.Code"] = "000000" });
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("The code is not correct");
        var response = await Forms.PostAsync(client, "/account/two-factor/set-up?ReturnUrl=%2Fmash",
            new() { ["Data.Code"] = Totp.Code(key) });

        response.Headers.Location!.ToString().ShouldBe("/account/two-factor/recovery-codes?ReturnUrl=%2Fmash");
        var codes = RecoveryCode().Matches(await client.GetStringAsync(response.Headers.Location.ToString()));
        codes.Count.ShouldBe(10);
        (await client.GetAsync("/mash")).StatusCode.ShouldBe(HttpStatusCode.OK, "this session carries on once two-factor is set up");
        (await App.ExecuteDbContextAsync(db => db.Users.SingleAsync())).TwoFactorEnabled.ShouldBeTrue();
        (await App.AuditAsync()).Select(e => e.Action).ShouldContain(AccountEvents.TwoFactorEnabled);

        // From now on the password alone is not enough.
        var next = App.CreateBrowserLikeClient();
        var afterPassword = await Forms.PostAsync(next, "/account/sign-in",
            new() { ["Data.Email"] = "worker@mash.test", ["Data.Password"] = PortalApp.Password });
        afterPassword.Headers.Location!.ToString().ShouldStartWith("/account/sign-in-code");
        (await next.GetAsync("/mash")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Forms.PostAsync(next, "/account/sign-in-code", new() { ["Data.Code"] = Totp.Code(key) })).Headers.Location!.ToString()
            .ShouldBe("/mash", "a practitioner lands on the queue");
        (await next.GetAsync("/mash")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_code_does_not_sign_in()
    {
        var mash = await App.CreateOrganisationAsync("MASH", OrganisationKind.LocalAuthorityChildrensSocialCare);
        await App.CreateUserAsync("worker@mash.test", mash, PortalRole.MashPractitioner);
        var client = App.CreateBrowserLikeClient();
        await Forms.PostAsync(client, "/account/sign-in",
            new() { ["Data.Email"] = "worker@mash.test", ["Data.Password"] = PortalApp.Password });

        var response = await Forms.PostAsync(client, "/account/sign-in-code", new() { ["Data.Code"] = WrongCode() });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#Data_Code\">The code is not correct.");
        (await client.GetAsync("/mash")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account_even_against_the_right_code()
    {
        var mash = await App.CreateOrganisationAsync("MASH", OrganisationKind.LocalAuthorityChildrensSocialCare);
        await App.CreateUserAsync("worker@mash.test", mash, PortalRole.MashPractitioner);
        var client = App.CreateBrowserLikeClient();
        await Forms.PostAsync(client, "/account/sign-in",
            new() { ["Data.Email"] = "worker@mash.test", ["Data.Password"] = PortalApp.Password });
        var wrong = WrongCode();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Forms.PostAsync(client, "/account/sign-in-code", new() { ["Data.Code"] = wrong });
        }

        var response = await Forms.PostAsync(client, "/account/sign-in-code",
            new() { ["Data.Code"] = Totp.Code(PortalApp.AuthenticatorKey) });
        (await response.Content.ReadAsStringAsync()).ShouldContain("Your account is locked after too many wrong attempts");
        (await client.GetAsync("/mash")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var mash = await App.CreateOrganisationAsync("MASH", OrganisationKind.LocalAuthorityChildrensSocialCare);
        await App.CreateUserAsync("worker@mash.test", mash, PortalRole.MashPractitioner);
        var enrolled = await App.SignInAsync("worker@mash.test");
        var codesPage = await enrolled.GetStringAsync((await Forms.PostAsync(enrolled, "/account/two-factor/recovery-codes", [],
            tokenFrom: "/account")).Headers.Location!.ToString());
        var code = RecoveryCode().Match(codesPage).Groups[1].Value;

        (await RecoverAsync(code)).Headers.Location!.ToString().ShouldBe("/mash", "a practitioner lands on the queue");
        var again = await RecoverAsync(code);

        (await again.Content.ReadAsStringAsync()).ShouldContain("The recovery code is not correct, or it has been used already");
        (await App.AuditAsync()).Count(e => e.Action == AccountEvents.RecoveryCodeUsed).ShouldBe(1);
    }

    [Fact]
    public async Task Two_factor_is_optional_for_a_referrer()
    {
        var school = await App.CreateOrganisationAsync("School", OrganisationKind.School);
        await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);

        var client = await App.SignInAsync("teacher@school.test");

        (await client.GetAsync("/referrals")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetStringAsync("/account")).ShouldContain("You sign in with only your password.");
    }

    [Fact]
    public async Task A_mash_practitioner_cannot_turn_two_factor_off()
    {
        var mash = await App.CreateOrganisationAsync("MASH", OrganisationKind.LocalAuthorityChildrensSocialCare);
        await App.CreateUserAsync("worker@mash.test", mash, PortalRole.MashPractitioner);
        var client = await App.SignInAsync("worker@mash.test");

        var response = await Forms.PostAsync(client, "/account/two-factor/turn-off", [], tokenFrom: "/account");

        response.Headers.Location!.ToString().ShouldBe("/account/two-factor/turn-off");
        (await client.GetStringAsync("/account/two-factor/turn-off")).ShouldContain("You cannot turn off two-factor sign-in");
        (await App.ExecuteDbContextAsync(db => db.Users.SingleAsync())).TwoFactorEnabled.ShouldBeTrue();
    }

    [Fact]
    public async Task An_administrator_resetting_two_factor_signs_the_user_out_and_they_set_it_up_again()
    {
        var (admin, administrator, mash) = await App.SignInAsAdministratorAsync();
        var worker = await App.CreateUserAsync("worker@mash.test", mash, PortalRole.MashPractitioner);
        var workerSession = await App.SignInAsync("worker@mash.test");

        (await Forms.PostAsync(admin, $"/admin/users/reset-two-factor/{worker.Id}", new())).Headers.Location!.ToString()
            .ShouldBe($"/admin/users/details/{worker.Id}");

        (await workerSession.GetAsync("/mash")).Headers.Location!.ToString().ShouldContain("/account/sign-in");
        var again = await App.SignInAsync("worker@mash.test");
        (await again.GetAsync("/mash")).Headers.Location!.ToString().ShouldStartWith("/account/two-factor/set-up");
        var reset = (await App.AuditAsync()).Single(e => e.Action == AccountEvents.TwoFactorReset);
        (reset.UserId, reset.SubjectId).ShouldBe((administrator.Id, worker.Id.ToString()));
    }

    [Fact]
    public async Task The_code_page_without_a_password_step_asks_to_sign_in_again()
    {
        (await App.CreateBrowserLikeClient().GetStringAsync("/account/sign-in-code")).ShouldContain("Sign in again");
    }

    private async Task<HttpResponseMessage> RecoverAsync(string code)
    {
        var client = App.CreateBrowserLikeClient();
        await Forms.PostAsync(client, "/account/sign-in",
            new() { ["Data.Email"] = "worker@mash.test", ["Data.Password"] = PortalApp.Password });
        return await Forms.PostAsync(client, "/account/sign-in-recovery-code", new() { ["Data.Code"] = code });
    }

    /// <summary>A code that is wrong now and within the two steps either side that Identity accepts.</summary>
    private static string WrongCode()
    {
        var valid = Enumerable.Range(-2, 5).Select(step => Totp.Code(PortalApp.AuthenticatorKey, Totp.SystemNow.AddSeconds(step * 30)))
            .ToHashSet();
        return Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .First(c => !valid.Contains(c));
    }

    [GeneratedRegex("id=\"setup-key\">([a-z2-7 ]+)</code>")]
    private static partial Regex SetupKey();

    [GeneratedRegex("<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCode();
}
