using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.IntegrationTests.Pages.Feedback;

public sealed class EscalationTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Disagreeing_without_reasons_shows_the_error_summary_and_stores_nothing()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (caseId, reference) = await world.FeedbackSentAsync(App);
        // Sending the feedback queued the referrer's "feedback ready" e-mail; the refused disagreement must add none.
        var queuedBefore = (await App.OutboxAsync()).Select(m => m.Id).ToList();
        var referrer = await App.SignInAsync(world.Referrer.Email!);
        var page = await referrer.GetStringAsync(FeedbackRoutes.Disagree(reference));

        var response = await Forms.PostAsync(referrer, FeedbackRoutes.Disagree(reference), new Dictionary<string, string>
        {
            ["Data.Version"] = FeedbackWorld.HiddenVersion(page).ToString(CultureInfo.InvariantCulture),
            ["Data.Reasons"] = "  ",
        });

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("Say why you disagree with the decision");
        (await App.ExecuteDbContextAsync(db => db.Escalations.CountAsync())).ShouldBe(0);
        (await App.ExecuteDbContextAsync(db => db.ReferrerFeedback.AsNoTracking().SingleAsync(f => f.CaseId == caseId)))
            .State.ShouldBe(FeedbackState.Sent);
        (await App.OutboxAsync()).Select(m => m.Id).ShouldBe(queuedBefore);
    }

    [Fact]
    public async Task A_disagreement_goes_to_the_managers_list_with_its_due_time_and_the_answer_goes_back_to_the_referrer()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (caseId, reference) = await world.FeedbackSentAsync(App);
        var referrer = await App.SignInAsync(world.Referrer.Email!);
        var page = await referrer.GetStringAsync(FeedbackRoutes.Disagree(reference));

        var raised = await Forms.PostAsync(referrer, FeedbackRoutes.Disagree(reference), new Dictionary<string, string>
        {
            ["Data.Version"] = FeedbackWorld.HiddenVersion(page).ToString(CultureInfo.InvariantCulture),
            ["Data.Reasons"] = "The school has seen three more injuries since the referral.",
        });

        raised.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var escalation = await App.ExecuteDbContextAsync(db => db.Escalations.AsNoTracking().SingleAsync());
        escalation.CaseId.ShouldBe(caseId);
        escalation.RaisedByUserId.ShouldBe(world.Referrer.Id);
        var calendar = App.Services.GetRequiredService<WorkingCalendar>();
        escalation.DueAt.ShouldBe(calendar.AddWorkingTime(escalation.RaisedAt, calendar.WorkingDayLength * 5));
        (await App.ExecuteDbContextAsync(db => db.ReferrerFeedback.AsNoTracking().SingleAsync(f => f.CaseId == caseId)))
            .State.ShouldBe(FeedbackState.Disagreed);
        (await App.LinkEmailedToAsync(world.Manager.Email!, EmailTemplate.EscalationRaised))
            .ShouldBe(FeedbackRoutes.Escalation(escalation.Id));
        (await App.LinkEmailedToAsync(world.OtherManager.Email!, EmailTemplate.EscalationRaised))
            .ShouldBe(FeedbackRoutes.Escalation(escalation.Id));
        (await App.OutboxAsync()).ShouldNotContain(m => m.Recipient == world.Practitioner.Email);
        FeedbackTests.RowText(await referrer.GetStringAsync(ReferralRoutes.Index), reference).ShouldContain(ReferrerProgress.Disagreed);
        MashTestData.Text(await referrer.GetStringAsync(ReferralRoutes.Sent(reference))).ShouldContain("Waiting for a manager");

        // Practitioners cannot see the managers' list; managers see it, due soonest first.
        var practitioner = await App.SignInAsync(world.Practitioner.Email!);
        (await practitioner.GetAsync(FeedbackRoutes.Escalations)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await practitioner.GetAsync(FeedbackRoutes.Escalation(escalation.Id))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var manager = await App.SignInAsync(world.Manager.Email!);
        var list = MashTestData.Text(await manager.GetStringAsync(FeedbackRoutes.Escalations));
        list.ShouldContain(reference);
        list.ShouldContain("Riverside Primary School");
        list.ShouldContain(MashDisplay.Short(escalation.DueAt));
        var details = await manager.GetStringAsync(FeedbackRoutes.Escalation(escalation.Id));
        MashTestData.Text(details).ShouldContain("three more injuries");

        // Answering without reasons is refused; with reasons, the referrer is told.
        var empty = await Forms.PostAsync(manager, FeedbackRoutes.Escalation(escalation.Id), new Dictionary<string, string>
        {
            ["Data.Version"] = FeedbackWorld.HiddenVersion(details).ToString(CultureInfo.InvariantCulture),
            ["Data.Result"] = nameof(EscalationResult.Changed),
            ["Data.Response"] = "",
        });
        (await empty.Content.ReadAsStringAsync()).ShouldContain("Give the reasons for your answer");
        var answered = await Forms.PostAsync(manager, FeedbackRoutes.Escalation(escalation.Id), new Dictionary<string, string>
        {
            ["Data.Version"] = FeedbackWorld.HiddenVersion(details).ToString(CultureInfo.InvariantCulture),
            ["Data.Result"] = nameof(EscalationResult.Changed),
            ["Data.Response"] = "We have asked the assessment team to see the children this week.",
        });
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await App.ExecuteDbContextAsync(db => db.Escalations.AsNoTracking().SingleAsync());
        after.Result.ShouldBe(EscalationResult.Changed);
        after.AnsweredByUserId.ShouldBe(world.Manager.Id);
        // "Changed" reopens the case for a revised decision (RevisedDecisionTests follows it through sign-off).
        (await App.ExecuteDbContextAsync(db => db.MashCases.AsNoTracking().SingleAsync(c => c.Id == caseId)))
            .Status.ShouldBe(MashCaseStatus.AwaitingDecision);
        (await App.LinkEmailedToAsync(world.Referrer.Email!, EmailTemplate.EscalationAnswered)).ShouldBe(ReferralRoutes.Sent(reference));
        MashTestData.Text(await manager.GetStringAsync(FeedbackRoutes.AnsweredEscalations)).ShouldContain(reference);
        MashTestData.Text(await manager.GetStringAsync(FeedbackRoutes.Escalations)).ShouldNotContain(reference);

        var outcome = MashTestData.Text(await referrer.GetStringAsync(ReferralRoutes.Sent(reference)));
        outcome.ShouldContain("Decision changed");
        outcome.ShouldContain("assessment team to see the children this week");
        FeedbackTests.RowText(await referrer.GetStringAsync(ReferralRoutes.Index), reference)
            .ShouldContain(ReferrerProgress.EscalationAnswered);

        // Every step is on the case's timeline.
        var actions = (await App.AuditAsync()).Where(e => e.SubjectType == CaseEvents.SubjectType && e.SubjectId == caseId.ToString())
            .Select(e => e.Action).ToList();
        actions.ShouldContain(CaseEvents.DecisionApproved);
        actions.ShouldContain(CaseEvents.FeedbackRead);
        actions.ShouldContain(CaseEvents.EscalationRaised);
        actions.ShouldContain(CaseEvents.EscalationAnswered);
        actions.ShouldContain(CaseEvents.ReopenedForRevision);
        var caseRecord = MashTestData.Text(await manager.GetStringAsync(MashRoutes.Case(caseId)));
        caseRecord.ShouldContain("Referrer disagreed: escalation raised");
        caseRecord.ShouldContain("Escalation answered");
        caseRecord.ShouldContain("Decision changed by " + world.Manager.FullName);
    }
}
