using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.IntegrationTests.Pages.Admin;

public sealed class UserAdministrationTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Inviting_stores_the_user_the_email_and_the_audit_event_together()
    {
        var (admin, administrator, mash) = await App.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, "/admin/users/invite",
        [
            KeyValuePair.Create("Data.Email", "new.manager@mash.test"), KeyValuePair.Create("Data.GivenName", "Nia"),
            KeyValuePair.Create("Data.FamilyName", "Evans"), KeyValuePair.Create("Data.JobTitle", "Team manager"),
            KeyValuePair.Create("Data.OrganisationId", mash.Id.ToString()),
            KeyValuePair.Create("Data.Roles", PortalRole.MashManager), KeyValuePair.Create("Data.Roles", PortalRole.MashPractitioner),
        ]);

        var user = await App.ExecuteDbContextAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "new.manager@mash.test"));
        response.Headers.Location!.ToString().ShouldBe($"/admin/users/details/{user.Id}");
        (user.PasswordHash, user.EmailConfirmed, user.OrganisationId).ShouldBe((null, false, mash.Id));
        var message = (await App.OutboxAsync()).ShouldHaveSingleItem();
        (message.Recipient, message.Template).ShouldBe(("new.manager@mash.test", EmailTemplate.Invitation.Name));
        message.Link.ShouldStartWith("/account/accept-invitation?token=");
        var audit = (await App.AuditAsync()).Single(e => e.Action == AccountEvents.Invited);
        (audit.UserId, audit.SubjectId).ShouldBe((administrator.Id, user.Id.ToString()));
        audit.Detail.ShouldBe("Organisation: Northshire MASH; roles: MASH manager, MASH practitioner");
        var details = await admin.GetStringAsync(response.Headers.Location.ToString());
        details.ShouldContain("Invitation sent to new.manager@mash.test");
        details.ShouldContain("Invited");
    }

    [Fact]
    public async Task An_invitation_to_an_address_with_an_account_or_without_a_role_is_refused()
    {
        var (admin, _, mash) = await App.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, "/admin/users/invite", new()
        {
            ["Data.Email"] = "ADMIN@mash.test", ["Data.GivenName"] = "Al", ["Data.FamilyName"] = "Dup",
                ["Data.OrganisationId"] = mash.Id.ToString(),
        });

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<a href=\"#Data_Email\">Someone already has an account with this email address</a>");
        html.ShouldContain("<a href=\"#Data_Roles\">Select at least one role</a>");
        (await App.OutboxAsync()).ShouldBeEmpty();
        (await App.AuditAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Inviting_a_personal_webmail_address_warns_and_goes_only_once_the_administrator_confirms()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var police = await App.CreateOrganisationAsync("Northshire Police", OrganisationKind.Police, "police.test");
        List<KeyValuePair<string, string>> invitation =
        [
            KeyValuePair.Create("Data.Email", "pc.jones@gmail.com"), KeyValuePair.Create("Data.GivenName", "Sam"),
            KeyValuePair.Create("Data.FamilyName", "Jones"), KeyValuePair.Create("Data.OrganisationId", police.Id.ToString()),
            KeyValuePair.Create("Data.Roles", PortalRole.AgencyResponder),
        ];

        var warned = await Forms.PostAsync(admin, "/admin/users/invite", invitation);

        var html = await warned.Content.ReadAsStringAsync();
        html.ShouldContain("<a href=\"#Data_ConfirmedWebmail\">This is a personal email address");
        html.ShouldContain("pc.jones@gmail.com is a personal email address");
        (await App.OutboxAsync()).ShouldBeEmpty();
        var confirmed = await Forms.PostAsync(admin, "/admin/users/invite",
            [.. invitation, KeyValuePair.Create("Data.ConfirmedWebmail", "true")]);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(confirmed));
        (await App.OutboxAsync()).ShouldHaveSingleItem().Recipient.ShouldBe("pc.jones@gmail.com");
        (await App.AuditAsync()).Single(e => e.Action == AccountEvents.Invited).Detail.ShouldEndWith("personal email address confirmed");
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_themselves_or_drop_their_own_administrator_role()
    {
        var (admin, administrator, mash) = await App.SignInAsAdministratorAsync();

        var deactivate = await Forms.PostAsync(admin, $"/admin/users/deactivate/{administrator.Id}", new());
        var edit = await Forms.PostAsync(admin, $"/admin/users/edit/{administrator.Id}",
            new() { ["Data.OrganisationId"] = mash.Id.ToString(), ["Data.Roles"] = PortalRole.MashManager });

        (await deactivate.Content.ReadAsStringAsync()).ShouldContain("You cannot deactivate your own account");
        (await edit.Content.ReadAsStringAsync()).ShouldContain("You cannot remove your own administrator role");
        (await admin.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await App.AuditAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_malformed_user_id_in_the_edit_address_is_not_found()
    {
        var (admin, administrator, mash) = await App.SignInAsAdministratorAsync();

        (await admin.GetAsync("/admin/users/edit/not-an-id")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var post = await Forms.PostAsync(admin, "/admin/users/edit/not-an-id",
            [KeyValuePair.Create("Data.OrganisationId", mash.Id.ToString())], tokenFrom: $"/admin/users/edit/{administrator.Id}");
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.AuditAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_users_list_finds_people_by_name_status_organisation_and_role()
    {
        var (admin, _, mash) = await App.SignInAsAdministratorAsync();
        var school = await App.CreateOrganisationAsync("Riverside Primary School", OrganisationKind.School, "riverside.test");
        await App.CreateUserAsync("rachel@riverside.test", school, PortalRole.Referrer);
        var leaver = await App.CreateUserAsync("leaver@mash.test", mash, PortalRole.MashPractitioner);
        await Forms.PostAsync(admin, $"/admin/users/deactivate/{leaver.Id}", new());

        (await Emails(admin, "/admin/users")).ShouldBe(["admin@mash.test", "leaver@mash.test", "rachel@riverside.test"]);
        (await Emails(admin, "/admin/users?search=RACHEL")).ShouldBe(["rachel@riverside.test"]);
        (await Emails(admin, "/admin/users?search=Test%20leaver")).ShouldBe(["leaver@mash.test"]);
        (await Emails(admin, "/admin/users?status=deactivated")).ShouldBe(["leaver@mash.test"]);
        (await Emails(admin, $"/admin/users?organisationId={school.Id}")).ShouldBe(["rachel@riverside.test"]);
        (await Emails(admin, $"/admin/users?role={PortalRole.Administrator}")).ShouldBe(["admin@mash.test"]);
        (await Emails(admin, "/admin/users?search=%25")).ShouldBeEmpty("a % typed in the search is a character, not a wildcard");
    }

    [Fact]
    public async Task Each_status_filter_finds_exactly_the_users_shown_with_that_status()
    {
        var (admin, _, mash) = await App.SignInAsAdministratorAsync();
        var school = await App.CreateOrganisationAsync("School", OrganisationKind.School, "school.test");
        await App.CreateUserAsync("active@school.test", school, PortalRole.Referrer);
        var leaver = await App.CreateUserAsync("leaver@school.test", school, PortalRole.Referrer);
        await Forms.PostAsync(admin, $"/admin/users/deactivate/{leaver.Id}", new());
        await Forms.PostAsync(admin, "/admin/users/invite", new()
        {
            ["Data.Email"] = "invited@mash.test", ["Data.GivenName"] = "In", ["Data.FamilyName"] = "Vited",
            ["Data.OrganisationId"] = mash.Id.ToString(), ["Data.Roles"] = PortalRole.Referrer,
        });
        foreach (var (email, confirmed) in new[] { ("unconfirmed@school.test", false), ("waiting@school.test", true) })
        {
            var user = await App.CreateUserAsync(email, school);
            await App.ExecuteDbContextAsync(async db =>
            {
                var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
                (stored.AwaitingApproval, stored.EmailConfirmed) = (true, confirmed);
                await db.SaveChangesAsync();
            });
        }

        (await Emails(admin, "/admin/users?status=active")).ShouldBe(["active@school.test", "admin@mash.test"]);
        (await Emails(admin, "/admin/users?status=invited")).ShouldBe(["invited@mash.test"]);
        (await Emails(admin, "/admin/users?status=awaiting-email-confirmation")).ShouldBe(["unconfirmed@school.test"]);
        (await Emails(admin, "/admin/users?status=awaiting-approval")).ShouldBe(["waiting@school.test"]);
        (await Emails(admin, "/admin/users?status=deactivated")).ShouldBe(["leaver@school.test"]);
        var everyone = await admin.GetStringAsync("/admin/users");
        foreach (var label in new[] { "Active", "Invited", "Email not confirmed", "Waiting for approval", "Deactivated" })
        {
            everyone.ShouldContain($">{label}</strong>");
        }
    }

    [Fact]
    public async Task Each_administrative_action_on_a_user_is_in_the_audit_log_with_who_did_it()
    {
        var (admin, administrator, mash) = await App.SignInAsAdministratorAsync();
        var worker = await App.CreateUserAsync("worker@mash.test", mash, PortalRole.MashPractitioner);

        await Forms.PostAsync(admin, $"/admin/users/edit/{worker.Id}",
            new() { ["Data.OrganisationId"] = mash.Id.ToString(), ["Data.Roles"] = PortalRole.MashManager });
        await Forms.PostAsync(admin, $"/admin/users/reset-two-factor/{worker.Id}", new());
        await Forms.PostAsync(admin, $"/admin/users/deactivate/{worker.Id}", new());
        await Forms.PostAsync(admin, $"/admin/users/reactivate/{worker.Id}", new());

        var audit = await App.AuditAsync();
        audit.Select(e => e.Action).ShouldBe([AccountEvents.Updated, AccountEvents.TwoFactorReset, AccountEvents.Deactivated,
            AccountEvents.Reactivated]);
        audit.ShouldAllBe(e => e.UserId == administrator.Id && e.SubjectType == "PortalUser" && e.SubjectId == worker.Id.ToString());
        var log = await admin.GetStringAsync("/admin/audit-log");
        log.ShouldContain("Two-factor sign-in reset");
        var history = await admin.GetStringAsync($"/admin/users/details/{worker.Id}");
        history.ShouldContain("Deactivated");
        history.ShouldContain("Changed roles MASH practitioner to MASH manager");
    }

    [Fact]
    public async Task An_administrator_unlocks_a_locked_out_user()
    {
        var (admin, administrator, _) = await App.SignInAsAdministratorAsync();
        var school = await App.CreateOrganisationAsync("School", OrganisationKind.School, "school.test");
        var teacher = await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);
        // Wrong passwords at sign-in lock only the address they come from (docs/decisions/0104); the account-wide
        // lockout an administrator lifts comes from wrong codes or wrong current passwords.
        var session = await App.SignInAsync("teacher@school.test");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Forms.PostAsync(session, "/account/change-password",
                new() { ["Data.CurrentPassword"] = "Wrong-Password-1", ["Data.NewPassword"] = "Another-Pass-2027" });
        }

        (await admin.GetStringAsync($"/admin/users/details/{teacher.Id}")).ShouldContain("Locked for 15 minutes");
        (await Forms.PostAsync(admin, $"/admin/users/unlock/{teacher.Id}", new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await PortalApp.ShouldBeSignedInAsync(await App.SignInAsync("teacher@school.test"), "the unlocked user signs in");
        var audit = (await App.AuditAsync()).Single(e => e.Action == AccountEvents.Unlocked);
        (audit.UserId, audit.SubjectId).ShouldBe((administrator.Id, teacher.Id.ToString()));
        (await Forms.PostAsync(admin, $"/admin/users/unlock/{teacher.Id}", new()))
            .StatusCode.ShouldBe(HttpStatusCode.OK, "nothing to unlock now");
    }

    private static async Task<List<string>> Emails(HttpClient admin, string url) => EmailsIn(await admin.GetStringAsync(url));

    /// <summary>The e-mail addresses in a users list page, in the order shown.</summary>
    internal static List<string> EmailsIn(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<span class=\"govuk-body-s\">([^<]+)</span>")
            .Select(m => m.Groups[1].Value)];
}
