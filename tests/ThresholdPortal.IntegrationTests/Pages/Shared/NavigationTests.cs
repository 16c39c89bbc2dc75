using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.IntegrationTests.Pages.Feedback;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Decisions;

namespace ThresholdPortal.IntegrationTests.Pages.Shared;

public sealed class NavigationTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Managers_see_live_counts_of_decisions_awaiting_sign_off_and_of_open_escalations_on_every_page()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var loop = new DecisionLoop(new PortalActor(App.Services));
        var manager = await App.SignInAsync(world.Manager.Email!);
        var practitioner = await App.SignInAsync(world.Practitioner.Email!);
        var empty = MashTestData.Text(await manager.GetStringAsync("/mash"));
        empty.ShouldContain("Sign-off (0)");
        empty.ShouldContain("Escalations (0)");

        var (waiting, _) = await world.CaseAtChecksAsync(App);
        await loop.ReadyForDecisionAsync(waiting, world.Practitioner);
        await loop.ProposeAsync(waiting, world.Practitioner, DecisionLoop.Proposal(BragRating.Amber, ThresholdLevel.Targeted,
            DecisionOutcome.ChildAndFamilyAssessment, "The risks are as the school describes them.", world.Practitioner.FullName,
            TestClock.Today.AddDays(2), consentGiven: false));
        var (_, reference) = await world.FeedbackSentAsync(App);
        var escalation = await loop.DisagreeAsync(reference, world.Referrer, "The school has seen more injuries since.");

        // Any page the manager opens, not only the queue: the counts are in the layout.
        var html = await manager.GetStringAsync("/account");
        var text = MashTestData.Text(html);
        text.ShouldContain("Sign-off (1)");
        text.ShouldContain("Escalations (1)");
        html.ShouldContain($"href=\"{FeedbackRoutes.Escalations}\"");
        html.ShouldContain($"href=\"{DecisionRoutes.SignOffList}\"");
        var practitionerText = MashTestData.Text(await practitioner.GetStringAsync("/mash"));
        practitionerText.ShouldNotContain("Sign-off (");
        practitionerText.ShouldNotContain("Escalations (");

        await loop.AnswerEscalationAsync(escalation, world.Manager, EscalationResult.Upheld, "The decision stands, for these reasons.");
        await loop.SignOffAsync(waiting, world.OtherManager);

        var after = MashTestData.Text(await manager.GetStringAsync(FeedbackRoutes.Escalations));
        after.ShouldContain("Sign-off (0)");
        after.ShouldContain("Escalations (0)");
    }
}
