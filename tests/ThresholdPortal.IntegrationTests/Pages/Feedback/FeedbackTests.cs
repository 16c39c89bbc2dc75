using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.IntegrationTests.Pages.Feedback;

public sealed class FeedbackTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task There_is_no_feedback_to_see_or_send_before_a_manager_approves_the_decision()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (caseId, _) = await world.CaseAtChecksAsync(App);
        var practitioner = await App.SignInAsync(world.Practitioner.Email!);

        var page = await practitioner.GetStringAsync(FeedbackRoutes.CaseFeedback(caseId));
        page.ShouldContain("There is no approved decision yet");
        page.ShouldNotContain("Send feedback");

        var response = await Forms.PostAsync(practitioner, FeedbackRoutes.CaseFeedback(caseId), Fields(0, FeedbackMethod.Portal),
            tokenFrom: MashRoutes.NewContact);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        MashTestData.Text(await response.Content.ReadAsStringAsync()).ShouldContain("There is no approved decision on this case yet");
        (await App.ExecuteDbContextAsync(db => db.ReferrerFeedback.CountAsync())).ShouldBe(0);
        (await App.OutboxAsync()).ShouldBeEmpty();
        (await App.AuditAsync()).ShouldNotContain(e => e.Action == CaseEvents.FeedbackSent);
    }

    [Fact]
    public async Task Sending_in_the_portal_records_who_and_when_and_emails_the_referrer_a_link_without_the_childs_details()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (caseId, reference) = await world.DecidedCaseAsync(App);
        var practitioner = await App.SignInAsync(world.Practitioner.Email!);
        var page = await practitioner.GetStringAsync(FeedbackRoutes.CaseFeedback(caseId));
        page.ShouldContain("Send feedback");
        page.ShouldContain("In the portal");

        var response = await Forms.PostAsync(practitioner, FeedbackRoutes.CaseFeedback(caseId),
            Fields(FeedbackWorld.HiddenVersion(page), FeedbackMethod.Portal));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe(MashRoutes.Case(caseId));
        var feedback = await App.ExecuteDbContextAsync(db => db.ReferrerFeedback.AsNoTracking().SingleAsync(f => f.CaseId == caseId));
        feedback.State.ShouldBe(FeedbackState.Sent);
        feedback.Method.ShouldBe(FeedbackMethod.Portal);
        feedback.SentByUserId.ShouldBe(world.Practitioner.Id);
        feedback.SentAt.ShouldNotBeNull();
        feedback.Reasons.ShouldBe("Edited reasons in plain words.");

        var outbox = await App.OutboxAsync();
        outbox.Count.ShouldBe(1);
        outbox[0].Recipient.ShouldBe(world.Referrer.Email);
        outbox[0].Template.ShouldBe(EmailTemplate.FeedbackReady.Name);
        outbox[0].Link.ShouldBe(ReferralRoutes.Sent(reference));
        var body = EmailTemplate.FeedbackReady.Subject
            + EmailTemplate.FeedbackReady.RenderBody(new Uri("https://portal.test" + outbox[0].Link));
        body.ShouldNotContain("Jayden");
        body.ShouldNotContain("Maisie");
        body.ShouldNotContain("Clarke");

        var sent = (await App.AuditAsync()).Single(e => e.Action == CaseEvents.FeedbackSent);
        sent.SubjectId.ShouldBe(caseId.ToString());
        sent.UserId.ShouldBe(world.Practitioner.Id);

        // Sent feedback cannot be edited: the page shows it read-only, and a second send is refused.
        var after = await practitioner.GetStringAsync(FeedbackRoutes.CaseFeedback(caseId));
        after.ShouldContain("Sent feedback cannot be changed");
        after.ShouldNotContain("name=\"Data.Reasons\"");
        var again = await Forms.PostAsync(practitioner, FeedbackRoutes.CaseFeedback(caseId),
            Fields(feedback.Version, FeedbackMethod.Portal), tokenFrom: MashRoutes.NewContact);
        MashTestData.Text(await again.Content.ReadAsStringAsync()).ShouldContain("already been sent");
        (await App.OutboxAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Feedback_given_by_phone_is_recorded_as_given_and_emails_nobody()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (caseId, _) = await world.DecidedCaseAsync(App);
        var practitioner = await App.SignInAsync(world.Practitioner.Email!);
        var page = await practitioner.GetStringAsync(FeedbackRoutes.CaseFeedback(caseId));

        var response = await Forms.PostAsync(practitioner, FeedbackRoutes.CaseFeedback(caseId),
            Fields(FeedbackWorld.HiddenVersion(page), FeedbackMethod.Phone));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var feedback = await App.ExecuteDbContextAsync(db => db.ReferrerFeedback.AsNoTracking().SingleAsync(f => f.CaseId == caseId));
        feedback.Method.ShouldBe(FeedbackMethod.Phone);
        feedback.IsSent.ShouldBeTrue();
        feedback.State.ShouldBe(FeedbackState.Acknowledged);
        (await App.OutboxAsync()).ShouldBeEmpty();
        (await App.AuditAsync()).ShouldContain(e => e.Action == CaseEvents.FeedbackSent && e.Detail == "By phone");
        MashTestData.Text(await practitioner.GetStringAsync(MashRoutes.Case(caseId)))
            .ShouldContain("By phone by " + world.Practitioner.FullName);
    }

    [Fact]
    public async Task A_stale_form_is_refused_and_nothing_is_sent()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (caseId, _) = await world.DecidedCaseAsync(App);
        var practitioner = await App.SignInAsync(world.Practitioner.Email!);
        var page = await practitioner.GetStringAsync(FeedbackRoutes.CaseFeedback(caseId));

        var response = await Forms.PostAsync(practitioner, FeedbackRoutes.CaseFeedback(caseId),
            Fields(FeedbackWorld.HiddenVersion(page) + 1, FeedbackMethod.Portal));

        MashTestData.Text(await response.Content.ReadAsStringAsync()).ShouldContain("This case changed since you opened it");
        (await App.ExecuteDbContextAsync(db => db.ReferrerFeedback.AsNoTracking().SingleAsync(f => f.CaseId == caseId)))
            .IsSent.ShouldBeFalse();
        (await App.OutboxAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_referrer_who_asked_for_texts_is_also_texted_the_same_link_and_nothing_more()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (caseId, reference) = await world.DecidedCaseAsync(App);
        await App.ExecuteDbContextAsync(db => db.Users.Where(u => u.Id == world.Referrer.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.TextMessagesTo, "+447700900982")));
        var practitioner = await App.SignInAsync(world.Practitioner.Email!);
        var page = await practitioner.GetStringAsync(FeedbackRoutes.CaseFeedback(caseId));

        (await Forms.PostAsync(practitioner, FeedbackRoutes.CaseFeedback(caseId), Fields(FeedbackWorld.HiddenVersion(page),
            FeedbackMethod.Portal))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var outbox = await App.OutboxAsync();
        outbox.Select(m => (m.Recipient, m.Template, m.Link)).ShouldBe(
        [
            (world.Referrer.Email!, EmailTemplate.FeedbackReady.Name, ReferralRoutes.Sent(reference)),
            ("+447700900982", EmailTemplate.FeedbackReadyText.Name, ReferralRoutes.Sent(reference)),
        ], ignoreOrder: true);
        EmailTemplate.FeedbackReadyText.RenderBody(new Uri("https://portal.test/x"))
            .ShouldBe("Northshire MASH: the outcome of a referral you sent is ready. Sign in to read it: https://portal.test/x " +
                "If a child is in immediate danger, call 999.");
    }

    [Fact]
    public async Task Missing_parts_and_overlong_text_show_the_error_summary_and_nothing_is_stored()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (caseId, _) = await world.DecidedCaseAsync(App);
        var practitioner = await App.SignInAsync(world.Practitioner.Email!);
        var page = await practitioner.GetStringAsync(FeedbackRoutes.CaseFeedback(caseId));
        var fields = Fields(FeedbackWorld.HiddenVersion(page), FeedbackMethod.Portal);
        fields["Data.Reasons"] = "";
        fields["Data.OutcomeSummary"] = new string('x', ReferrerFeedback.OutcomeMaxLength + 1);

        var response = await Forms.PostAsync(practitioner, FeedbackRoutes.CaseFeedback(caseId), fields);

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("Give the reasons for the decision");
        html.ShouldContain("The outcome must be 1,000 characters or fewer");
        (await App.ExecuteDbContextAsync(db => db.ReferrerFeedback.AsNoTracking().SingleAsync(f => f.CaseId == caseId)))
            .IsSent.ShouldBeFalse();
    }

    [Fact]
    public async Task The_referrer_reads_the_outcome_and_acknowledges_it_and_another_organisations_referrer_gets_not_found()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (caseId, reference) = await world.FeedbackSentAsync(App);
        var referrer = await App.SignInAsync(world.Referrer.Email!);

        var list = MashTestData.Text(await referrer.GetStringAsync(ReferralRoutes.Index));
        list.ShouldContain(ReferrerProgress.FeedbackReady);

        var page = await referrer.GetStringAsync(ReferralRoutes.Sent(reference));
        var text = MashTestData.Text(page);
        text.ShouldContain("Outcome of your referral");
        text.ShouldContain("Status " + ReferrerProgress.FeedbackReady);
        text.ShouldContain(DecisionOutcome.StepDownToEarlyHelp.PlainWords());
        text.ShouldContain("You suggested: Level 3");
        text.ShouldContain("The MASH applied: Level 2");
        text.ShouldContain(world.Practitioner.FullName);
        text.ShouldContain("I disagree with this decision");
        (await App.AuditAsync())
            .ShouldContain(e => e.Action == CaseEvents.FeedbackRead && e.SubjectId == caseId.ToString() && e.UserId == world.Referrer.Id);

        var other = await App.SignInAsync(world.OtherReferrer.Email!);
        (await other.GetAsync(ReferralRoutes.Sent(reference))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync(FeedbackRoutes.Disagree(reference))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var acknowledged = await Forms.PostAsync(referrer, ReferralRoutes.Sent(reference) + "?handler=acknowledge",
            new Dictionary<string,
                string> { ["version"] = FeedbackWorld.HiddenVersion(page).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            tokenFrom: ReferralRoutes.Sent(reference));
        acknowledged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var feedback = await App.ExecuteDbContextAsync(db => db.ReferrerFeedback.AsNoTracking().SingleAsync(f => f.CaseId == caseId));
        feedback.State.ShouldBe(FeedbackState.Acknowledged);
        (await App.AuditAsync()).ShouldContain(e => e.Action == CaseEvents.FeedbackAcknowledged && e.SubjectId == caseId.ToString());
        MashTestData.Text(await referrer.GetStringAsync(ReferralRoutes.Sent(reference))).ShouldNotContain("I disagree with this decision");
    }

    [Fact]
    public async Task My_referrals_shows_received_and_being_considered_before_any_feedback()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (_, atChecks) = await world.CaseAtChecksAsync(App);
        var (_, decidedNotSent) = await world.DecidedCaseAsync(App);
        var referrer = await App.SignInAsync(world.Referrer.Email!);

        var html = await referrer.GetStringAsync(ReferralRoutes.Index);

        RowText(html, atChecks).ShouldContain(ReferrerProgress.BeingConsidered);
        RowText(html, decidedNotSent).ShouldContain(ReferrerProgress.BeingConsidered);
        (await referrer.GetAsync(FeedbackRoutes.Disagree(decidedNotSent))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        MashTestData.Text(await referrer.GetStringAsync(ReferralRoutes.Sent(decidedNotSent))).ShouldNotContain("Outcome of your referral");
    }

    internal static string RowText(string html, string reference)
    {
        var row = System.Text.RegularExpressions.Regex.Match(html,
            "<tr class=\"govuk-table__row\">(?:(?!</tr>).)*" + System.Text.RegularExpressions.Regex.Escape(reference)
            + "(?:(?!</tr>).)*</tr>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        row.Success.ShouldBeTrue($"a row for {reference}");
        return MashTestData.Text(row.Value);
    }

    private static Dictionary<string, string> Fields(uint version, FeedbackMethod method) => new()
    {
        ["Data.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Data.OpenedAt"] = TestClock.UtcNow.AddMinutes(-1).UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Data.OutcomeSummary"] = "We have passed the referral to the early help hub.",
        ["Data.Reasons"] = "Edited reasons in plain words.",
        ["Data.LevelExplanation"] = "You indicated level 3; the MASH applied level 2.",
        ["Data.OtherSupport"] = "The family hub runs a parenting group.",
        ["Data.ContactName"] = "Priya Shah",
        ["Data.ContactDetails"] = "01632 960500",
        ["Data.Method"] = method.ToString(),
        ["Data.ThirdPartyCheck"] = nameof(ThirdPartyCheck.NoneFound),
    };
}
