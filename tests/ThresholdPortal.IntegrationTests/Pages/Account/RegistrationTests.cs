using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.IntegrationTests.Pages.Account;

public sealed class RegistrationTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Registration_from_an_unknown_domain_is_refused_and_stores_nothing()
    {
        await App.CreateOrganisationAsync("Riverside Primary School", OrganisationKind.School, "riverside.test");

        var response = await RegisterAsync("someone@unknown.test");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<a href=\"#Data_Email\">You cannot register with this email address.");
        (await App.ExecuteDbContextAsync(db => db.Users.CountAsync())).ShouldBe(0);
        (await App.OutboxAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Registration_on_the_domain_of_an_inactive_organisation_is_refused()
    {
        var school = await App.CreateOrganisationAsync("Closed School", OrganisationKind.School, "closed.test");
        await App.ExecuteDbContextAsync(async db =>
        {
            (await db.Organisations.SingleAsync(o => o.Id == school.Id)).IsActive = false;
            await db.SaveChangesAsync();
        });

        var response = await RegisterAsync("teacher@closed.test");

        (await response.Content.ReadAsStringAsync()).ShouldContain("You cannot register with this email address");
        (await App.ExecuteDbContextAsync(db => db.Users.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_registered_professional_confirms_their_email_is_approved_and_then_signs_in_as_a_referrer()
    {
        var (admin, administrator, _) = await App.SignInAsAdministratorAsync();
        var school = await App.CreateOrganisationAsync("Riverside Primary School", OrganisationKind.School, "riverside.test");

        (await RegisterAsync("Teacher@Riverside.test")).Headers.Location!.ToString().ShouldBe("/account/check-your-email?for=registration");

        var user = await App.ExecuteDbContextAsync(db => db.Users.SingleAsync(u => u.Email == "Teacher@Riverside.test"));
        user.OrganisationId.ShouldBe(school.Id);
        (user.AwaitingApproval, user.EmailConfirmed).ShouldBe((true, false));
        (await SignInAttemptAsync("Teacher@Riverside.test")).ShouldContain("The email address or password is not correct");

        var confirm = await App.LinkEmailedToAsync("Teacher@Riverside.test", EmailTemplate.ConfirmEmail);
        var visitor = App.CreateBrowserLikeClient();
        (await visitor.GetStringAsync(confirm)).ShouldContain("Confirm my email address");
        var token = Uri.UnescapeDataString(confirm[(confirm.IndexOf('=') + 1)..]);
        var confirmed = await Forms.PostAsync(visitor, confirm, [KeyValuePair.Create("Token", token)]);
        confirmed.Headers.Location!.ToString().ShouldBe("/account/confirm-email?Done=True");
        (await App.LinkEmailedToAsync("admin@mash.test", EmailTemplate.RegistrationWaiting))
            .ShouldBe("/admin/users?status=awaiting-approval");
        (await SignInAttemptAsync("Teacher@Riverside.test"))
            .ShouldContain("The email address or password is not correct", customMessage: "not approved yet");

        var waiting = await admin.GetStringAsync("/admin/users?status=awaiting-approval");
        waiting.ShouldContain("Teacher@Riverside.test");
        (await Forms.PostAsync(admin, $"/admin/users/approve/{user.Id}", new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await App.LinkEmailedToAsync("Teacher@Riverside.test", EmailTemplate.RegistrationApproved)).ShouldBe("/account/sign-in");
        var referrer = await App.SignInAsync("Teacher@Riverside.test");
        (await referrer.GetAsync("/referrals")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var audit = await App.AuditAsync();
        audit.Select(e => e.Action).ShouldBe([AccountEvents.Registered, AccountEvents.EmailConfirmed,
            AccountEvents.RegistrationApproved], ignoreOrder: false);
        audit.Single(e => e.Action == AccountEvents.RegistrationApproved).UserId.ShouldBe(administrator.Id);
    }

    [Fact]
    public async Task A_registration_cannot_be_approved_before_the_email_address_is_confirmed()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        await App.CreateOrganisationAsync("Riverside Primary School", OrganisationKind.School, "riverside.test");
        await RegisterAsync("teacher@riverside.test");
        var userId = await App.ExecuteDbContextAsync(db =>
            db.Users.Where(u => u.Email == "teacher@riverside.test").Select(u => u.Id).SingleAsync());

        var response = await Forms.PostAsync(admin, $"/admin/users/approve/{userId}", new());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync())
            .ShouldContain("Only a registration whose email address has been confirmed can be approved");
        (await App.ExecuteDbContextAsync(db => db.Users.SingleAsync(u => u.Id == userId))).AwaitingApproval.ShouldBeTrue();
    }

    [Fact]
    public async Task Registering_an_address_that_already_has_an_account_looks_the_same_and_tells_its_owner()
    {
        var school = await App.CreateOrganisationAsync("Riverside Primary School", OrganisationKind.School, "riverside.test");
        await App.CreateUserAsync("teacher@riverside.test", school, PortalRole.Referrer);

        var response = await RegisterAsync("teacher@riverside.test");

        response.Headers.Location!.ToString().ShouldBe("/account/check-your-email?for=registration");
        (await App.ExecuteDbContextAsync(db => db.Users.CountAsync())).ShouldBe(1);
        (await App.LinkEmailedToAsync("teacher@riverside.test", EmailTemplate.AlreadyRegistered)).ShouldBe("/account/forgot-password");
    }

    private Task<HttpResponseMessage> RegisterAsync(string email) =>
        Forms.PostAsync(App.CreateBrowserLikeClient(), "/account/register", new()
        {
            ["Data.Email"] = email, ["Data.GivenName"] = "Rachel", ["Data.FamilyName"] = "Okafor",
            ["Data.JobTitle"] = "Designated safeguarding lead", ["Data.Password"] = PortalApp.Password,
        });

    private async Task<string> SignInAttemptAsync(string email) =>
        await (await Forms.PostAsync(App.CreateBrowserLikeClient(), "/account/sign-in",
            new() { ["Data.Email"] = email, ["Data.Password"] = PortalApp.Password })).Content.ReadAsStringAsync();
}
