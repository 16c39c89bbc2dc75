using System.Net;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.IntegrationTests.Pages.Account;

public sealed class SessionTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_deactivated_users_open_session_is_refused_on_the_next_request()
    {
        var (admin, administrator, mash) = await App.SignInAsAdministratorAsync();
        var worker = await App.CreateUserAsync("worker@mash.test", mash, PortalRole.MashPractitioner);
        var session = await App.SignInAsync("worker@mash.test");
        (await session.GetAsync("/mash")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var deactivated = await Forms.PostAsync(admin, $"/admin/users/deactivate/{worker.Id}", new());

        deactivated.Headers.Location!.ToString().ShouldBe($"/admin/users/details/{worker.Id}");
        var next = await session.GetAsync("/mash");
        next.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        next.Headers.Location!.ToString().ShouldContain("/account/sign-in");
        var refused = await Forms.PostAsync(App.CreateBrowserLikeClient(), "/account/sign-in",
            new() { ["Data.Email"] = "worker@mash.test", ["Data.Password"] = PortalApp.Password });
        (await refused.Content.ReadAsStringAsync()).ShouldContain("The email address or password is not correct");
        var audit = (await App.AuditAsync()).Single(e => e.Action == AccountEvents.Deactivated);
        (audit.UserId, audit.SubjectId).ShouldBe((administrator.Id, worker.Id.ToString()));
    }

    [Fact]
    public async Task A_reactivated_user_signs_in_again()
    {
        var (admin, _, mash) = await App.SignInAsAdministratorAsync();
        var worker = await App.CreateUserAsync("worker@mash.test", mash, PortalRole.MashPractitioner);
        await Forms.PostAsync(admin, $"/admin/users/deactivate/{worker.Id}", new());

        await Forms.PostAsync(admin, $"/admin/users/reactivate/{worker.Id}", new());

        (await (await App.SignInAsync("worker@mash.test")).GetAsync("/mash")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await App.AuditAsync()).Select(e => e.Action).ShouldContain(AccountEvents.Reactivated);
    }

    [Fact]
    public async Task Changing_a_users_roles_signs_them_out_so_the_new_roles_apply_at_once()
    {
        var (admin, _, mash) = await App.SignInAsAdministratorAsync();
        var worker = await App.CreateUserAsync("worker@mash.test", mash, PortalRole.MashPractitioner);
        var session = await App.SignInAsync("worker@mash.test");

        var response = await Forms.PostAsync(admin, $"/admin/users/edit/{worker.Id}",
            new() { ["Data.OrganisationId"] = mash.Id.ToString(), ["Data.Roles"] = PortalRole.MashManager });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.GetAsync("/mash")).Headers.Location!.ToString().ShouldContain("/account/sign-in");
        (await App.AuditAsync()).Single(e => e.Action == AccountEvents.Updated).Detail
            .ShouldBe("Changed roles MASH practitioner to MASH manager");
    }

    [Fact]
    public async Task Keep_alive_renews_a_signed_in_session_and_sends_anyone_else_to_sign_in()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();

        var renewed = await admin.GetAsync("/account/keep-alive");
        var anonymous = await App.CreateBrowserLikeClient().GetAsync("/account/keep-alive");

        renewed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        renewed.Headers.GetValues("Set-Cookie")
            .ShouldContain(c => c.StartsWith("ThresholdPortal.Auth=", StringComparison.Ordinal), "the idle timer restarts");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("/account/sign-in");
    }

    [Fact]
    public async Task Signed_in_pages_carry_the_timeout_warning_with_the_configured_times()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();

        var html = await admin.GetStringAsync("/admin");

        html.ShouldContain("data-module=\"portal-timeout-warning\"");
        html.ShouldContain("data-timeout-seconds=\"1800\"");
        html.ShouldContain("data-warning-seconds=\"120\"");
        (await App.CreateClient().GetStringAsync("/")).ShouldNotContain("portal-timeout-warning");
    }
}
