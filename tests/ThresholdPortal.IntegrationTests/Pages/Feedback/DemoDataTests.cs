using Microsoft.EntityFrameworkCore;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;

namespace ThresholdPortal.IntegrationTests.Pages.Feedback;

public sealed class DemoDataTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_demo_referrer_has_a_referral_at_every_stage_and_practitioners_have_feedback_to_send()
    {
        await App.UseDemoDatabaseAsync();

        var referrer = await App.SignInAsync("referrer@example.org", DemoDataSeeder.DemoPassword);
        var list = MashTestData.Text(await referrer.GetStringAsync(ReferralRoutes.Index));
        foreach (var stage in new[]
        {
            ReferrerProgress.Received, ReferrerProgress.BeingConsidered, ReferrerProgress.FeedbackReady, ReferrerProgress.Disagreed,
                ReferrerProgress.EscalationAnswered,
        })
        {
            list.ShouldContain(stage);
        }

        var states = await App.ExecuteDbContextAsync(db => db.ReferrerFeedback.AsNoTracking().Select(f => f.State).ToListAsync());
        states.ShouldContain(FeedbackState.Sent);
        states.ShouldContain(FeedbackState.Acknowledged);
        states.ShouldContain(FeedbackState.Disagreed);
        states.Count(s => s == FeedbackState.Draft).ShouldBe(FeedbackDemoData.DraftsToSend);
        var escalations = await App.ExecuteDbContextAsync(db => db.Escalations.AsNoTracking().ToListAsync());
        escalations.ShouldContain(e => e.IsOpen);
        escalations.ShouldContain(e => !e.IsOpen && e.Result == EscalationResult.Upheld);

        escalations.ShouldContain(e => !e.IsOpen && e.Result == EscalationResult.Changed);

        // The upheld escalation's whole loop is on its case's timeline.
        var answered = escalations.Single(e => e.Result == EscalationResult.Upheld);
        var actions = await App.ExecuteDbContextAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == CaseEvents.SubjectType && e.SubjectId == answered.CaseId.ToString()).Select(e => e.Action)
                .ToListAsync());
        actions.ShouldContain(CaseEvents.DecisionApproved);
        actions.ShouldContain(CaseEvents.FeedbackSent);
        actions.ShouldContain(CaseEvents.FeedbackRead);
        actions.ShouldContain(CaseEvents.EscalationRaised);
        actions.ShouldContain(CaseEvents.EscalationAnswered);

        // The changed one went round again: a revised decision approved, its referrer told, its feedback drafted.
        var changed = escalations.Single(e => e.Result == EscalationResult.Changed);
        var revised = await App.ExecuteDbContextAsync(db => db.MashCases.AsNoTracking().SingleAsync(c => c.Id == changed.CaseId));
        (revised.Status, revised.Outcome).ShouldBe((MashCaseStatus.Decided, DecisionOutcome.ChildAndFamilyAssessment));
        (await App.ExecuteDbContextAsync(db => db.ReferrerFeedback.CountAsync(f => f.CaseId == changed.CaseId))).ShouldBe(2);
    }
}
