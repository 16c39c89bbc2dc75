using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Audits;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.IntegrationTests.Pages.Feedback;
using ThresholdPortal.IntegrationTests.Pages.InformationRequests;
using ThresholdPortal.IntegrationTests.Pages.Mash;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.CaseAudits;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.Triage;

namespace ThresholdPortal.IntegrationTests.Pages;

/// <summary>
/// A form sent twice, by a double click, a retry or two people at once (issue 14, items 3 and 4; docs/decisions/0105):
/// created once, the second send shown the first's result, and a lost race shown as "changed since you opened it".
/// </summary>
public sealed class DoubleSubmitTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_information_request_sent_twice_at_once_is_stored_and_emailed_once_and_both_sends_land_on_it()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        var fields = await world.SendFieldsAsync(practitioner, "police", world.Police.Id);

        var responses = await Forms.PostTwiceAtOnceAsync(practitioner, world.SendPage("police"), fields);

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        responses[1].Headers.Location.ShouldBe(responses[0].Headers.Location);
        var requests = await App.ExecuteDbContextAsync(db => db.InformationRequests.Select(r => r.Id).ToListAsync());
        requests.ShouldHaveSingleItem();
        responses[0].Headers.Location!.OriginalString.ShouldEndWith($"#request-{requests[0]:N}");
        (await App.OutboxAsync()).Count.ShouldBe(2, "one e-mail to each of the two police responders, not two each");
    }

    [Fact]
    public async Task A_child_added_twice_at_once_is_added_once()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        var key = await Forms.IdempotencyKeyAsync(journey.Client, journey.Url("children/add"));

        var responses = await Forms.PostTwiceAtOnceAsync(journey.Client, journey.Url("children/add"),
            [key, new("Data.GivenName", "Jayden"), new("Data.FamilyName", "Clarke")]);

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        responses[1].Headers.Location.ShouldBe(responses[0].Headers.Location);
        (await App.ExecuteDbContextAsync(db => db.ReferralChildren.CountAsync(c => c.ReferralId == journey.DraftId))).ShouldBe(1);
    }

    [Fact]
    public async Task An_audit_started_twice_at_once_is_started_once()
    {
        var team = await App.MashTeamAsync();
        await App.CreateUserAsync("ade@partnership.test", team.LocalAuthority, PortalRole.Auditor);
        var auditor = await App.SignInAsync("ade@partnership.test");
        var key = await Forms.IdempotencyKeyAsync(auditor, AuditRoutes.New);
        var (from, to) = (TestClock.Today.AddDays(-60), TestClock.Today.AddDays(-2));

        var responses = await Forms.PostTwiceAtOnceAsync(auditor, AuditRoutes.New,
        [
            key, new("Data.Title", "Threshold audit"), new("Data.CasesPerStratum", "5"), new("Data.Seed", "7"),
            new("Data.Strata", nameof(AuditStratum.NoFurtherAction)),
            new("Data.PeriodFrom.Day", Day(from)), new("Data.PeriodFrom.Month", Month(from)), new("Data.PeriodFrom.Year", Year(from)),
            new("Data.PeriodTo.Day", Day(to)), new("Data.PeriodTo.Month", Month(to)), new("Data.PeriodTo.Year", Year(to)),
        ]);

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect, await Forms.ErrorsAsync(responses[0]));
        responses[1].Headers.Location.ShouldBe(responses[0].Headers.Location);
        (await App.ExecuteDbContextAsync(db => db.CaseAudits.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task A_repeat_after_the_first_saved_gets_the_first_result_even_though_the_first_made_it_invalid()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var key = await Forms.IdempotencyKeyAsync(admin, "/admin/organisations/create");
        List<KeyValuePair<string, string>> fields = [key, new("Data.Name", "Riverside Primary School"), new("Data.Kind", "School"),
            new("Data.EmailDomains", "riverside.test"), new("Data.SharedReferralVisibility", "false")];

        var first = await Forms.PostAsync(admin, "/admin/organisations/create", fields);
        var repeat = await Forms.PostAsync(admin, "/admin/organisations/create", fields);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(first));
        repeat.StatusCode.ShouldBe(HttpStatusCode.Redirect,
            "not \"There is already an organisation called ...\": " + await Forms.ErrorsAsync(repeat));
        repeat.Headers.Location.ShouldBe(first.Headers.Location);
        (await App.ExecuteDbContextAsync(db => db.Organisations.CountAsync(o => o.Name == "Riverside Primary School"))).ShouldBe(1);

        // A new form is a new key: the same name from it is refused as a duplicate, as before.
        var again = await Forms.PostAsync(admin, "/admin/organisations/create",
            [await Forms.IdempotencyKeyAsync(admin, "/admin/organisations/create"), .. fields.Skip(1)]);
        (await Forms.ErrorsAsync(again)).ShouldContain("There is already an organisation called Riverside Primary School");
    }

    [Fact]
    public async Task A_refused_send_does_not_use_up_its_key_and_another_users_key_replays_nothing()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        var key = await Forms.IdempotencyKeyAsync(journey.Client, journey.Url("children/add"));

        var refused = await Forms.PostAsync(journey.Client, journey.Url("children/add"), [key, new("Data.GivenName", "Jayden")]);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync())
            .ShouldContain($"value=\"{key.Value}\"", customMessage: "the form shown again keeps its key");
        var added = await Forms.PostAsync(journey.Client, journey.Url("children/add"),
            [key, new("Data.GivenName", "Jayden"), new("Data.FamilyName", "Clarke")]);
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(added));

        var other = await App.SignedInReferrerAsync("other@school.test");
        await other.StartAsync();
        var stolen = await Forms.PostAsync(other.Client, other.Url("children/add"),
            [key, new("Data.GivenName", "Maisie"), new("Data.FamilyName", "Clarke")]);
        stolen.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.ExecuteDbContextAsync(db => db.ReferralChildren.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Two_managers_signing_off_at_once_give_one_approval_and_the_other_sees_what_changed_not_an_error()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (caseId, _) = await world.CaseAtChecksAsync(App);
        var loop = new DecisionLoop(new PortalActor(App.Services));
        await loop.ReadyForDecisionAsync(caseId, world.Practitioner);
        await loop.ProposeAsync(caseId, world.Practitioner, DecisionLoop.Proposal(BragRating.Amber, ThresholdLevel.EarlyHelp,
            DecisionOutcome.StepDownToEarlyHelp, "Needs met by early help.", world.Practitioner.FullName, TestClock.Today.AddDays(2),
            consentGiven: false));
        var managers = new[] { await App.SignInAsync(world.Manager.Email!), await App.SignInAsync(world.OtherManager.Email!) };

        // Both open the form before either sends it, as two managers at once do: on a loaded machine, a form opened after
        // the other's approval would see nothing left to sign off, which is another test's case.
        var forms = await Task.WhenAll(managers.Select(m => CaseTests.FormAsync(m, DecisionRoutes.SignOff(caseId))));
        var responses = await Task.WhenAll(managers.Select((m, i) =>
            CaseTests.SubmitAsync(m, DecisionRoutes.SignOff(caseId), forms[i], new() { ["Data.Choice"] = "Approve" })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        var loser = responses.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        loser.StatusCode.ShouldBe(HttpStatusCode.OK);
        MashTestData.Text(await loser.Content.ReadAsStringAsync()).ShouldContain(CaseChanges.ConflictMessage);
        (await App.ExecuteDbContextAsync(db => db.ReferrerFeedback.CountAsync())).ShouldBe(1);
        (await App.ExecuteDbContextAsync(db => db.EarlyHelpStepDowns.CountAsync())).ShouldBe(1);
    }

    private static string Day(DateOnly date) => date.Day.ToString(CultureInfo.InvariantCulture);
    private static string Month(DateOnly date) => date.Month.ToString(CultureInfo.InvariantCulture);
    private static string Year(DateOnly date) => date.Year.ToString(CultureInfo.InvariantCulture);
}
