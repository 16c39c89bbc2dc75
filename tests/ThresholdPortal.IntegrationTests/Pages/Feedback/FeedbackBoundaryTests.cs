using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.IntegrationTests.Pages.InformationRequests;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.IntegrationTests.Pages.Feedback;

/// <summary>
/// What partner agencies share with the MASH, and the MASH's own rationale, never reach the referrer: the feedback is
/// drafted from the outcome, the level, the signposting and the reasons written for the referrer (docs/decisions/0094).
/// </summary>
public sealed class FeedbackBoundaryTests(PortalApp app) : IntegrationTest(app)
{
    private const string Marker = "zq-marker-5107";
    private const string ReferrerEmail = "rachel@riverside.test";

    [Fact]
    public async Task Nothing_an_agency_answered_or_the_rationale_said_reaches_a_page_or_email_the_referrer_can_see()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var manager = await App.CreateUserAsync("martin@mash.test", world.Mash, PortalRole.MashManager);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        await AnswerAsync(world, practitioner, "police", world.Police.Id, InformationRequestWorld.PoliceEmail, "police");
        await AnswerAsync(world, practitioner, "school", world.School.Id, InformationRequestWorld.SchoolEmail, "school");

        // The marker is really in the case record: the MASH sees it, so its absence below means something.
        var checklist = await practitioner.GetStringAsync(world.Checklist);
        checklist.ShouldContain($"{Marker} police summary");
        checklist.ShouldContain($"{Marker} school risks");

        var loop = new DecisionLoop(new PortalActor(App.Services));
        await loop.ReadyForDecisionAsync(world.CaseId, world.Practitioner);
        await loop.ProposeAsync(world.CaseId, world.Practitioner, DecisionLoop.Proposal(BragRating.Amber, ThresholdLevel.EarlyHelp,
            DecisionOutcome.StepDownToEarlyHelp, $"Police know the mother's partner ({Marker} rationale); the school reports bruising.",
            world.Practitioner.FullName, TestClock.Today.AddDays(2), consentGiven: false));
        await loop.SignOffAsync(world.CaseId, manager);

        var draft = await App.ExecuteDbContextAsync(db => db.ReferrerFeedback.AsNoTracking().SingleAsync(f => f.CaseId == world.CaseId));
        new[] { draft.OutcomeSummary, draft.Reasons, draft.LevelExplanation, draft.OtherSupport, draft.ContactName, draft.ContactDetails }
            .ShouldAllBe(text => text == null || !text.Contains(Marker));

        await loop.SendFeedbackAsync(world.CaseId, world.Practitioner);
        var referrer = await App.SignInAsync(ReferrerEmail);
        foreach (var page in new[] { ReferralRoutes.Index, ReferralRoutes.Sent(world.Reference), FeedbackRoutes.Disagree(world.Reference) })
        {
            var response = await referrer.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain(Marker, Case.Insensitive, page);
        }

        var mail = (await App.OutboxAsync()).Where(m => m.Recipient == ReferrerEmail).ToList();
        mail.ShouldContain(m => m.Template == EmailTemplate.FeedbackReady.Name);
        foreach (var message in mail)
        {
            var template = EmailTemplate.Find(message.Template).ShouldNotBeNull();
            (template.Subject + template.RenderBody(new Uri("https://portal.test" + message.Link))).ShouldNotContain(Marker);
        }
    }

    [Fact]
    public async Task Without_the_check_for_third_party_information_nothing_is_sent_and_the_page_says_why()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (caseId, _) = await world.DecidedCaseAsync(App);
        var practitioner = await App.SignInAsync(world.Practitioner.Email!);
        var page = await practitioner.GetStringAsync(FeedbackRoutes.CaseFeedback(caseId));
        page.ShouldContain("name=\"Data.ThirdPartyCheck\"");

        var response = await Forms.PostAsync(practitioner, FeedbackRoutes.CaseFeedback(caseId), new Dictionary<string, string>
        {
            ["Data.Version"] = FeedbackWorld.HiddenVersion(page).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Data.OpenedAt"] = FeedbackWorld.OpenedAt(page),
            ["Data.OutcomeSummary"] = "We have passed the referral to the early help hub.",
            ["Data.Reasons"] = "Reasons in plain words.",
            ["Data.LevelExplanation"] = "You indicated level 3; the MASH applied level 2.",
            ["Data.ContactName"] = "Priya Shah",
            ["Data.ContactDetails"] = "Through the MASH",
            ["Data.Method"] = nameof(FeedbackMethod.Portal),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        MashTestData.Text(html).ShouldContain("Confirm the feedback holds no information from other agencies");
        (await App.ExecuteDbContextAsync(db => db.ReferrerFeedback.AsNoTracking().SingleAsync(f => f.CaseId == caseId)))
            .IsSent.ShouldBeFalse();
        (await App.OutboxAsync()).ShouldNotContain(m => m.Template == EmailTemplate.FeedbackReady.Name);
        (await App.AuditAsync()).ShouldNotContain(e => e.Action == CaseEvents.FeedbackSent);
    }

    private async Task AnswerAsync(InformationRequestWorld world, HttpClient practitioner, string agency, Guid organisationId,
        string responderEmail, string who)
    {
        var requestId = await world.SendAsync(practitioner, agency, organisationId);
        var responder = await App.SignInAsync(responderEmail);
        var answered = await AgencyForms.AnswerAsync(responder, requestId, summary: $"{Marker} {who} summary",
            currentRisks: $"{Marker} {who} risks");
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(answered));
    }
}
