using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.IntegrationTests.Pages.Feedback;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.IntegrationTests.Pages.Admin;

/// <summary>The MASH's contacts are versioned settings that every page reads (docs/decisions/0095).</summary>
public sealed class ContactsTests(PortalApp app) : IntegrationTest(app)
{
    private const string Page = "/admin/configuration/mash-settings/contacts";

    private static Dictionary<string, string> Contacts(Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Data.BasedOnVersion"] = "1", ["Data.Reason"] = "Reviewed by the MASH board.",
            ["Data.MashPhone"] = "0115 496 0123",
            ["Data.MashEmail"] = "front.door@eastshire.example.org",
            ["Data.EmergencyDutyTeamPhone"] = "0115 496 0999",
            ["Data.EmergencyDutyTeamHours"] = "from 6pm to 8am on weekdays, and all day at weekends",
            ["Data.PoliceNonEmergencyPhone"] = "101",
            ["Data.EarlyHelpHubPhone"] = "0115 496 0456",
        };
        change?.Invoke(fields);
        return fields;
    }

    [Fact]
    public async Task New_contacts_are_an_audited_version_and_every_page_shows_them_at_once()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (_, reference) = await world.FeedbackSentAsync(App);
        var anonymous = App.CreateClient();
        var before = await anonymous.GetStringAsync("/");
        before.ShouldContain(ShippedContacts.Value.MashPhone);
        before.ShouldContain("The MASH is open Monday to Friday, 9am to 5pm, except bank holidays");
        var (admin, administrator, _) = await App.SignInAsAdministratorAsync();
        (await admin.GetStringAsync(Page)).ShouldContain($"value=\"{ShippedContacts.Value.EmergencyDutyTeamPhone}\"");

        var saved = await Forms.PostAsync(admin, Page, Contacts(f => f["Data.Reason"] = "New switchboard."));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(saved));
        var newest = await App.ExecuteDbContextAsync(db => db.MashSettingsVersions.AsNoTracking().OrderBy(v => v.Version).LastAsync());
        newest.Version.ShouldBe(2);
        newest.Contacts.ShouldNotBeNull().MashPhone.ShouldBe("0115 496 0123");
        newest.Changes.ShouldContain($"MASH phone line from {ShippedContacts.Value.MashPhone} to 0115 496 0123");
        newest.Changes.ShouldNotContain("Police non-emergency number");
        newest.RedHours.ShouldBe(4, "a contacts change keeps the timescales");
        var audit = (await App.AuditAsync()).Single(e => e.Action == ConfigurationEvents.MashSettingsChanged);
        audit.UserId.ShouldBe(administrator.Id);
        audit.Detail.ShouldNotBeNull().ShouldContain("Reason: New switchboard.");

        var start = await anonymous.GetStringAsync("/");
        start.ShouldContain("call the MASH on 0115 496 0123");
        start.ShouldContain("call the Emergency Duty Team on\n      0115 496 0999. It answers from 6pm to 8am on weekdays");
        start.ShouldNotContain(ShippedContacts.Value.MashPhone);

        var referrer = await App.SignInAsync(world.Referrer.Email!);
        var outcome = MashTestData.Text(await referrer.GetStringAsync(ReferralRoutes.Sent(reference)));
        outcome.ShouldContain(
            "The MASH: 0115 496 0123 (Monday to Friday, 9am to 5pm, except bank holidays), front.door@eastshire.example.org");
        var disagree = MashTestData.Text(await referrer.GetStringAsync(FeedbackRoutes.Disagree(reference)));
        disagree.ShouldContain("phone the MASH on 0115 496 0123");
        disagree.ShouldContain("the Emergency Duty Team on 0115 496 0999");
        disagree.ShouldContain($"your contact at the MASH is {world.Practitioner.FullName}");

        (await admin.GetStringAsync("/admin/configuration/mash-settings")).ShouldContain("front.door@eastshire.example.org");
    }

    [Fact]
    public async Task Feedback_gives_the_named_workers_direct_line_where_one_is_recorded()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        await App.ExecuteDbContextAsync(async db =>
        {
            var practitioner = await db.Users.SingleAsync(u => u.Id == world.Practitioner.Id);
            practitioner.PhoneNumber = "0115 496 0777";
            await db.SaveChangesAsync();
        });

        var (caseId, _) = await world.DecidedCaseAsync(App);

        var draft = await App.ExecuteDbContextAsync(db => db.ReferrerFeedback.AsNoTracking().SingleAsync(f => f.CaseId == caseId));
        (draft.ContactName, draft.ContactDetails).ShouldBe((world.Practitioner.FullName, "Direct line 0115 496 0777"));
    }

    [Theory]
    [InlineData("Data.MashPhone", "", "Enter the MASH's phone number")]
    [InlineData("Data.MashPhone", "ring us", "Enter the MASH's phone number in digits and spaces")]
    [InlineData("Data.EmergencyDutyTeamPhone", "0115 496 0999 0999 0999 0999 0999", "must be 30 characters or fewer")]
    [InlineData("Data.MashEmail", "mash at eastshire", "Enter an email address in the correct format")]
    [InlineData("Data.EmergencyDutyTeamHours", "", "Enter when the Emergency Duty Team answers")]
    [InlineData("Data.PoliceNonEmergencyPhone", "1", "Enter the police non-emergency number in digits and spaces")]
    public async Task A_bad_answer_shows_the_error_summary_and_stores_no_version(string field, string value, string message)
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, Page, Contacts(f => f[field] = value));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        MashTestData.Text(html).ShouldContain(message);
        (await App.ExecuteDbContextAsync(db => db.MashSettingsVersions.CountAsync())).ShouldBe(1);
    }
}
