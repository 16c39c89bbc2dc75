using Microsoft.EntityFrameworkCore;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.Insights;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.IntegrationTests.Pages.Feedback;

/// <summary>
/// A manager answers a referrer's disagreement "Changed": a revised decision goes through sign-off, and when it is approved
/// the outcome, the NFA flag, the step-down, the hand-over and the feedback all follow (docs/decisions/0096).
/// </summary>
public sealed class RevisedDecisionTests(PortalApp app) : IntegrationTest(app)
{
    private const string RevisedReasons = "What you told us, with what we already knew, shows the children need a social work assessment.";

    [Fact]
    public async Task A_changed_answer_reopens_the_case_and_the_approved_revision_changes_everything_that_followed_the_decision()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (caseId, reference) = await world.FeedbackSentAsync(App); // stepped down to early help, feedback sent
        var loop = new DecisionLoop(new PortalActor(App.Services));
        var first = await CaseAsync(caseId);
        (first.Outcome, first.Status).ShouldBe((DecisionOutcome.StepDownToEarlyHelp, MashCaseStatus.Decided));
        (await App.ExecuteDbContextAsync(db => db.EarlyHelpStepDowns.AsNoTracking().SingleAsync(s => s.CaseId == caseId)))
            .WithdrawnAt.ShouldBeNull();

        var escalation = await loop.DisagreeAsync(reference, world.Referrer, "Jayden disclosed again today: this needs an assessment.");
        await loop.AnswerEscalationAsync(escalation, world.Manager, EscalationResult.Changed,
            "You are right: the children will have a social work assessment.");

        var reopened = await CaseAsync(caseId);
        (reopened.Status, reopened.ClosedAt, reopened.Outcome).ShouldBe((MashCaseStatus.AwaitingDecision, null,
            DecisionOutcome.StepDownToEarlyHelp), "the decision in force stays until a revision is approved");
        var practitioner = await App.SignInAsync(world.Practitioner.Email!);
        var form = await practitioner.GetStringAsync(DecisionRoutes.Decide(caseId));
        MashTestData.Text(form).ShouldContain("Reopened after the referrer's disagreement");
        MashTestData.Text(form).ShouldContain("You are right: the children will have a social work assessment.");
        form.ShouldContain("value=\"StepDownToEarlyHelp\" checked", Case.Sensitive, "the form starts from the approved decision");

        await loop.ProposeAsync(caseId, world.Practitioner, DecisionLoop.Proposal(BragRating.Amber, ThresholdLevel.Targeted,
            DecisionOutcome.ChildAndFamilyAssessment, "The second disclosure changes the risk.", world.Practitioner.FullName,
            TestClock.Today.AddDays(2), consentGiven: false, reasonsForReferrer: RevisedReasons));
        (await CaseAsync(caseId)).Status.ShouldBe(MashCaseStatus.AwaitingSignOff);
        await loop.SignOffAsync(caseId, world.OtherManager);

        var revised = await CaseAsync(caseId);
        var decisions = await App.ExecuteDbContextAsync(db =>
            db.CaseDecisions.AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.Revision).ToListAsync());
        decisions.Select(d => (d.Revision, d.State, d.Outcome)).ShouldBe(
            [(1, DecisionState.Approved, DecisionOutcome.StepDownToEarlyHelp),
                (2, DecisionState.Approved, DecisionOutcome.ChildAndFamilyAssessment)]);
        (revised.Status, revised.Outcome, revised.DecidedLevel, revised.DecisionId).ShouldBe(
            (MashCaseStatus.Decided, DecisionOutcome.ChildAndFamilyAssessment, ThresholdLevel.Targeted, decisions[1].Id));
        revised.DecidedAt.ShouldBe(first.DecidedAt, "the front door's timeliness is the first decision's");
        (await App.ExecuteDbContextAsync(db => db.EarlyHelpStepDowns.AsNoTracking().SingleAsync(s => s.CaseId == caseId)))
            .WithdrawnAt.ShouldNotBeNull();
        MashTestData.Text(await practitioner.GetStringAsync(MashRoutes.EarlyHelpHub)).ShouldNotContain(reference);

        var feedback = await App.ExecuteDbContextAsync(db =>
            db.ReferrerFeedback.AsNoTracking().Where(f => f.CaseId == caseId).OrderBy(f => f.DraftedAt).ToListAsync());
        feedback.Select(f => (f.DecisionId, f.State)).ShouldBe(
            [(decisions[0].Id, FeedbackState.Disagreed), (decisions[1].Id, FeedbackState.Draft)]);
        feedback[1].Reasons.ShouldBe(RevisedReasons);
        (await App.LinkEmailedToAsync(world.Referrer.Email!, EmailTemplate.DecisionChanged)).ShouldBe(ReferralRoutes.Sent(reference));

        // The referrer sees the new outcome at once, and its reasons only once the practitioner has checked and sent them.
        var referrer = await App.SignInAsync(world.Referrer.Email!);
        var before = MashTestData.Text(await referrer.GetStringAsync(ReferralRoutes.Sent(reference)));
        before.ShouldContain("The MASH has changed its decision");
        before.ShouldContain("New outcome: " + DecisionOutcome.ChildAndFamilyAssessment.PlainWords());
        before.ShouldNotContain(RevisedReasons);
        before.ShouldNotContain("Acknowledge");
        await loop.SendFeedbackAsync(caseId, world.Practitioner);
        var after = MashTestData.Text(await referrer.GetStringAsync(ReferralRoutes.Sent(reference)));
        after.ShouldNotContain("The MASH has changed its decision");
        after.ShouldContain(RevisedReasons);
        after.ShouldContain("You disagreed with the earlier decision");
        after.ShouldContain("Acknowledge");

        // The timeline shows the chain, and the measures read the decision in force.
        var actions = (await App.AuditAsync()).Where(e => e.SubjectType == CaseEvents.SubjectType && e.SubjectId == caseId.ToString())
            .Select(e => e.Action).Where(a => !CaseEvents.Reads.Contains(a)).ToList();
        actions.Skip(actions.IndexOf(CaseEvents.EscalationRaised)).ShouldBe(
            [CaseEvents.EscalationRaised, CaseEvents.EscalationAnswered, CaseEvents.ReopenedForRevision, CaseEvents.DecisionSubmitted,
                CaseEvents.DecisionApproved, CaseEvents.StepDownWithdrawn, CaseEvents.HandedOver, CaseEvents.ReferrerToldOfChange,
                CaseEvents.FeedbackSent]);
        var timeline = MashTestData.Text(await practitioner.GetStringAsync(MashRoutes.Case(caseId)));
        timeline.ShouldContain("Reopened for a revised decision");
        timeline.ShouldContain("Step-down to the early help hub withdrawn");
        // The NFA flag of the Annex A and census exports, read with the exports' own expression.
        var nfa = await App.ExecuteDbContextAsync(db => InsightsSql.Run<string>(db,
            "SELECT " + InsightsMeasures.NfaFlag + " AS \"Value\" FROM \"MashCases\" c WHERE c.\"Id\" = @id",
            [new Npgsql.NpgsqlParameter("id", caseId)]).SingleAsync());
        nfa.ShouldBe("N");
    }

    private Task<MashCase> CaseAsync(Guid caseId) =>
        App.ExecuteDbContextAsync(db => db.MashCases.AsNoTracking().SingleAsync(c => c.Id == caseId));
}
