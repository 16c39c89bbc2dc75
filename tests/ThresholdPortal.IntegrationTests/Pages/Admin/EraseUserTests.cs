using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.IntegrationTests.Pages.Admin;

/// <summary>An administrator erases a deactivated account's personal data; what it made stays, as "Former user" (issue 19).</summary>
public sealed class EraseUserTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_deactivated_referrers_personal_data_is_erased_and_their_referral_stays_as_a_former_users()
    {
        var school = await App.CreateOrganisationAsync("Riverside School", OrganisationKind.School, "school.test");
        var journey = await App.SignedInReferrerAsync("leaver@school.test", school);
        await journey.CompleteAsync();
        var reference = await journey.SubmitForReferenceAsync();
        var leaver = await App.ExecuteDbContextAsync(db => db.Users.SingleAsync(u => u.Email == "leaver@school.test"));
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        await Forms.PostAsync(admin, $"/admin/users/deactivate/{leaver.Id}", new());
        (await admin.GetStringAsync($"/admin/users/details/{leaver.Id}")).ShouldContain($"/admin/users/erase/{leaver.Id}");

        var before = TestClock.UtcNow;
        var erased = await Forms.PostAsync(admin, $"/admin/users/erase/{leaver.Id}", new());

        erased.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await App.ExecuteDbContextAsync(db => db.Users.SingleAsync(u => u.Id == leaver.Id));
        stored.FullName.ShouldBe(PortalUser.ErasedName);
        stored.Email.ShouldBe($"erased-{leaver.Id:N}@erased.invalid");
        stored.UserName.ShouldBe(stored.Email);
        (stored.JobTitle, stored.PhoneNumber, stored.PasswordHash).ShouldBe((null, null, null));
        stored.TwoFactorEnabled.ShouldBeFalse();
        stored.ErasedAt!.Value.ShouldBeInRange(before, TestClock.UtcNow);
        stored.SecurityStamp.ShouldNotBe(leaver.SecurityStamp);
        await App.ExecuteDbContextAsync(async db =>
        {
            (await db.UserTokens.CountAsync(t => t.UserId == leaver.Id)).ShouldBe(0, "no authenticator key or recovery codes");
            (await db.AccountTokens.CountAsync(t => t.UserId == leaver.Id)).ShouldBe(0);
            (await db.OutboxMessages.CountAsync(m => m.Recipient == "leaver@school.test")).ShouldBe(0);
            (await db.Referrals.SingleAsync(r => r.Reference == reference)).ReferrerUserId.ShouldBe(leaver.Id, "the referral stays theirs");
        });
        var details = await admin.GetStringAsync($"/admin/users/details/{leaver.Id}");
        details.ShouldContain("Former user");
        details.ShouldContain(">Personal data erased</strong>");
        details.ShouldNotContain("leaver@school.test");
        (await Emails(admin, "/admin/users?status=erased")).ShouldBe([stored.Email!]);
        (await App.AuditAsync()).ShouldContain(e => e.Action == AccountEvents.PersonalDataErased && e.SubjectId == leaver.Id.ToString());
    }

    [Fact]
    public async Task An_active_account_and_ones_own_are_refused_and_left_as_they_were()
    {
        var (admin, administrator, mash) = await App.SignInAsAdministratorAsync();
        var worker = await App.CreateUserAsync("worker@mash.test", mash, PortalRole.MashPractitioner);

        var active = await Forms.PostAsync(admin, $"/admin/users/erase/{worker.Id}", new());
        var own = await Forms.PostAsync(admin, $"/admin/users/erase/{administrator.Id}", new());

        (await Forms.ErrorsAsync(active)).ShouldContain("Deactivate this user before you erase their personal data");
        (await Forms.ErrorsAsync(own)).ShouldContain("You cannot erase your own account");
        (await App.ExecuteDbContextAsync(db => db.Users.CountAsync(u => u.ErasedAt != null))).ShouldBe(0);
        (await App.ExecuteDbContextAsync(db => db.Users.SingleAsync(u => u.Id == worker.Id))).Email.ShouldBe("worker@mash.test");
    }

    [Fact]
    public async Task An_erased_account_cannot_be_reactivated_or_signed_in_to()
    {
        var (admin, _, mash) = await App.SignInAsAdministratorAsync();
        var worker = await App.CreateUserAsync("worker@mash.test", mash, PortalRole.MashPractitioner);
        await Forms.PostAsync(admin, $"/admin/users/deactivate/{worker.Id}", new());
        await Forms.PostAsync(admin, $"/admin/users/erase/{worker.Id}", new());

        var reactivate = await Forms.PostAsync(admin, $"/admin/users/reactivate/{worker.Id}", new());

        (await Forms.ErrorsAsync(reactivate)).ShouldContain("cannot be used again");
        (await App.ExecuteDbContextAsync(db => db.Users.SingleAsync(u => u.Id == worker.Id))).IsActive.ShouldBeFalse();
        var signIn = await Forms.PostAsync(App.CreateBrowserLikeClient(), "/account/sign-in",
            new() { ["Data.Email"] = "worker@mash.test", ["Data.Password"] = PortalApp.Password });
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK, "the sign-in page again, with its error");
    }

    private static async Task<IReadOnlyList<string>> Emails(HttpClient admin, string url) =>
        UserAdministrationTests.EmailsIn(await admin.GetStringAsync(url));
}
