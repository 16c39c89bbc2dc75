using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.BrowserTests;

/// <summary>
/// The whole loop in Chromium, across five people: the referrer sends a referral; a practitioner screens
/// it, asks the police, decides Amber, level 3, a section 17 assessment; practitioners cannot sign it off;
/// the manager returns it once, then approves the revision; the practitioner sends the feedback; the
/// referrer is e-mailed, reads it and disagrees; the manager answers; the referrer reads the answer. axe
/// checks every page on the way.
/// </summary>
public sealed class DecisionLoopJourneyTests(BrowserApp app) : BrowserTest(app)
{
    private const string Rationale =
        "Jayden has a third injury this term with an account of harm by his mother's partner, and the police know of domestic incidents " +
        "at home.";
    private const string ReasonsForReferrer =
        "Jayden has been hurt again and has told you how. The children need a social work assessment, which starts tomorrow.";
    private const string RevisedReasons =
        "Jayden has told us more since your referral. The police, health and children's social care are meeting to decide what " +
        "happens next.";
    private const string ReturnComment = "Say what the police told us about the partner, and who will visit.";
    private const string Disagreement =
        "Jayden told us again today that he is frightened of going home: we think this needs a strategy discussion.";
    private const string Answer =
        "We have reviewed the decision with the police. You are right: we are holding a strategy discussion, and the social worker will " +
        "tell you what happens next.";

    [Fact]
    public async Task A_referral_goes_round_the_whole_loop_from_referrer_to_decision_feedback_disagreement_and_answer()
    {
        var reference = await App.SendClarkeReferralAsync();
        var caseId = await App.ExecuteDbContextAsync(db =>
            db.MashCases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync());
        var casePage = $"/mash/cases/{caseId}";

        // A third injury with an account of harm by an adult is provisionally urgent: the duty mailbox is told at once (a link,
        // no child's details), and the queue shows the case among the urgent unrated ones at its top.
        var duty = (await App.Mail.WaitForMessagesAsync(m => LoopbackSmtpServer.IsTo(m, "mash.duty@northshire.example.gov.uk")
            && (m.TextBody ?? string.Empty).Contains(reference, StringComparison.Ordinal))).ShouldHaveSingleItem();
        duty.TextBody.ShouldNotBeNull().ShouldNotContain("Jayden");
        var practitioner = await NewPageAsync();
        await practitioner.SignInAsync("practitioner@example.org");
        await practitioner.GotoAsync("/mash");
        await practitioner.ShouldHaveNoAxeViolationsAsync(state: "urgent referral waiting");
        var rows = await practitioner.Locator("main tbody tr").AllInnerTextsAsync();
        var position = rows.ToList().FindIndex(row => row.Contains(reference, StringComparison.Ordinal));
        position.ShouldBeGreaterThanOrEqualTo(0, "the new referral is on the first page of the queue");
        rows.Take(position + 1).ShouldAllBe(row => row.Contains("Urgent: not yet rated"));

        // Screening: claim, rate Amber, progress to MASH checks.
        await practitioner.GotoAsync(casePage);
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Claim this case" }).ClickAsync();
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Rate this case" }).ClickAsync();
        await practitioner.GetByLabel("Amber", new() { Exact = true }).CheckAsync();
        await practitioner.GetByLabel("Why this rating?")
            .FillAsync("A third injury this term with an account of harm by an adult at home.");
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Save the rating" }).ClickAsync();
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Record the contact outcome" }).ClickAsync();
        await practitioner.ShouldHaveNoAxeViolationsAsync();
        await practitioner.GetByLabel("Progress to MASH checks").CheckAsync();
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Save the outcome" }).ClickAsync();

        // MASH checks: ask the police; every other agency gets a reason; the case goes to its decision.
        await practitioner.GotoAsync($"{casePage}/information-requests");
        await practitioner.GetByRole(AriaRole.Link, new() { Name = "Send request to Police" }).ClickAsync();
        await practitioner.ShouldHaveNoAxeViolationsAsync();
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        (await practitioner.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("Request sent to Northshire Police");
        await practitioner.GetByRole(AriaRole.Link, new() { Name = "Not needed for Probation" }).ClickAsync();
        var others = practitioner.GetByRole(AriaRole.Group, new() { Name = "Which agencies does this reason cover?" })
            .GetByRole(AriaRole.Checkbox);
        for (var i = 0; i < await others.CountAsync(); i++)
        {
            await others.Nth(i).CheckAsync();
        }

        await practitioner.GetByLabel("Why are they not needed?")
            .FillAsync("Nothing in the referral or our records suggests the family is known to them.");
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Record reason" }).ClickAsync();
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Move the case to decision" }).ClickAsync();
        // The click returns before the case page replaces the checks page, whose main would be read otherwise.
        await practitioner.WaitForPathAsync(casePage);
        (await practitioner.Locator("main").InnerTextAsync()).ShouldContain("Awaiting decision");

        // The decision: Amber, level 3, a section 17 assessment.
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Propose the decision" }).ClickAsync();
        await practitioner.ShouldHaveNoAxeViolationsAsync();
        await ProposeAsync(practitioner, revising: false);
        (await practitioner.Locator("main").InnerTextAsync()).ShouldContain("Awaiting sign-off");
        await practitioner.ShouldHaveNoAxeViolationsAsync();

        // Practitioners cannot sign off: not the one who proposed it, nor a colleague.
        (await practitioner.GotoAsync($"{casePage}/sign-off"))!.Status.ShouldBe(403);
        (await practitioner.GotoAsync("/mash/sign-off"))!.Status.ShouldBe(403);
        var colleague = await NewPageAsync();
        await colleague.SignInAsync("sam.patel@example.org");
        (await colleague.GotoAsync($"{casePage}/sign-off"))!.Status.ShouldBe(403);

        // The manager returns it once with a comment.
        var manager = await NewPageAsync();
        await manager.SignInAsync("manager@example.org");
        await manager.GotoAsync("/mash/sign-off");
        await manager.ShouldHaveNoAxeViolationsAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await manager.ShouldHaveNoAxeViolationsAsync();
        (await manager.Locator("main").InnerTextAsync()).ShouldContain(Rationale);
        await manager.GetByLabel("Return it to the practitioner to revise").CheckAsync();
        await manager.GetByLabel("Comments").FillAsync(ReturnComment);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save the sign-off" }).ClickAsync();
        await manager.ShouldHaveNoAxeViolationsAsync();

        // The practitioner revises, with the comment in front of them, and sends it again.
        await practitioner.GotoAsync(casePage);
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Revise the decision" }).ClickAsync();
        (await practitioner.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain(ReturnComment);
        await practitioner.ShouldHaveNoAxeViolationsAsync(state: "returned with a comment");
        await ProposeAsync(practitioner, revising: true);

        // The manager approves the revision: the case closes, within its deadline.
        await manager.GotoAsync($"{casePage}/sign-off");
        await manager.GetByLabel("Approve", new() { Exact = true }).CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save the sign-off" }).ClickAsync();
        await manager.ShouldHaveNoAxeViolationsAsync();
        var closed = await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync(c => c.Id == caseId));
        (closed.Status, closed.Outcome, closed.DecidedLevel, closed.Rating).ShouldBe(
            (MashCaseStatus.Decided, DecisionOutcome.ChildAndFamilyAssessment, Domain.Thresholds.ThresholdLevel.Targeted,
                BragRating.Amber));
        closed.DecidedWithinDeadline.ShouldBe(true);
        (await App.ExecuteDbContextAsync(db => db.CaseDecisions.CountAsync(d => d.CaseId == caseId))).ShouldBe(2);

        // The practitioner checks the drafted feedback and sends it in the portal.
        await practitioner.GotoAsync($"{casePage}/feedback");
        await practitioner.ShouldHaveNoAxeViolationsAsync();
        var reasons = await practitioner.GetByLabel("Reasons, in plain words").InputValueAsync();
        reasons.ShouldBe(ReasonsForReferrer);
        reasons.ShouldNotContain("police");
        await practitioner.GetByLabel("In the portal").CheckAsync();
        await practitioner.GetByLabel("I have checked: this feedback holds no information").CheckAsync();
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await practitioner.ShouldHaveNoAxeViolationsAsync();

        // The referrer is told by e-mail (with no child's details) and reads the feedback.
        var feedbackMail = (await App.Mail.WaitForMessagesAsync(m => LoopbackSmtpServer.IsTo(m, "referrer@example.org")))
            .ShouldHaveSingleItem();
        feedbackMail.Subject.ShouldBe(Web.Infrastructure.Email.EmailTemplate.FeedbackReady.Subject);
        var body = feedbackMail.TextBody.ShouldNotBeNull();
        body.ShouldContain($"/referrals/{reference}");
        body.ShouldNotContain("Jayden");
        var referrer = await NewPageAsync();
        await referrer.SignInAsync("referrer@example.org");
        await referrer.GotoAsync(new Uri(body.Split('\n').Single(l => l.Contains("/referrals/", StringComparison.Ordinal)).Trim())
            .PathAndQuery);
        var outcome = referrer.Locator("section[aria-labelledby='outcome-heading']");
        (await outcome.InnerTextAsync()).ShouldContain(DecisionOutcome.ChildAndFamilyAssessment.PlainWords());
        (await outcome.InnerTextAsync()).ShouldContain(ReasonsForReferrer);
        (await referrer.Locator("main").InnerTextAsync()).ShouldNotContain(Rationale);
        (await outcome.InnerTextAsync()).ShouldContain("The MASH applied: Level 3");
        await referrer.ShouldHaveNoAxeViolationsAsync();

        // ... and disagrees.
        await referrer.GetByRole(AriaRole.Link, new() { Name = "I disagree with this decision" }).ClickAsync();
        await referrer.ShouldHaveNoAxeViolationsAsync();
        await referrer.GetByLabel("Why do you disagree with this decision?").FillAsync(Disagreement);
        await referrer.GetByRole(AriaRole.Button, new() { Name = "Send to a MASH manager" }).ClickAsync();
        (await referrer.Locator("main").InnerTextAsync()).ShouldContain("You disagreed with this decision");
        await referrer.ShouldHaveNoAxeViolationsAsync();

        // The manager finds the escalation from the service navigation and answers that the decision changes.
        await manager.GotoAsync("/mash");
        await manager.Locator(".govuk-service-navigation")
            .GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Escalations \(\d+\)$") }).ClickAsync();
        await manager.ShouldHaveNoAxeViolationsAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        (await manager.Locator("main").InnerTextAsync()).ShouldContain(Disagreement);
        await manager.ShouldHaveNoAxeViolationsAsync();
        await manager.GetByLabel("The decision is changed").CheckAsync();
        await manager.GetByLabel("Your reasons, for the referrer").FillAsync(Answer);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
        await manager.ShouldHaveNoAxeViolationsAsync();

        // The referrer is told, and reads the answer.
        (await App.Mail.WaitForMessagesAsync(m => LoopbackSmtpServer.IsTo(m, "referrer@example.org")
            && m.Subject == Web.Infrastructure.Email.EmailTemplate.EscalationAnswered.Subject)).ShouldHaveSingleItem();
        await referrer.GotoAsync($"/referrals/{reference}");
        var answer = await referrer.Locator("section[aria-labelledby='outcome-heading']").InnerTextAsync();
        answer.ShouldContain("The manager's answer");
        answer.ShouldContain(Answer);
        await referrer.ShouldHaveNoAxeViolationsAsync();

        // The practitioner revises the decision (a strategy discussion now), and a manager approves the revision.
        await practitioner.GotoAsync(casePage);
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Revise the decision" }).ClickAsync();
        (await practitioner.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain(Answer);
        await practitioner.ShouldHaveNoAxeViolationsAsync(state: "reopened after an escalation");
        await AllTheChildren(practitioner).GetByLabel("Strategy discussion (section 47)").CheckAsync();
        await practitioner.GetByLabel("Reasons for the referrer").FillAsync(RevisedReasons);
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Send for sign-off" }).ClickAsync();
        (await practitioner.Locator("main").InnerTextAsync()).ShouldContain("Awaiting sign-off");
        await manager.GotoAsync($"{casePage}/sign-off");
        await manager.GetByLabel("Approve", new() { Exact = true }).CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save the sign-off" }).ClickAsync();
        (await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync(c => c.Id == caseId))).Outcome
            .ShouldBe(DecisionOutcome.StrategyDiscussion);

        // The referrer is e-mailed, and sees the new outcome.
        (await App.Mail.WaitForMessagesAsync(m => LoopbackSmtpServer.IsTo(m, "referrer@example.org")
            && m.Subject == Web.Infrastructure.Email.EmailTemplate.DecisionChanged.Subject)).ShouldHaveSingleItem();
        await referrer.GotoAsync($"/referrals/{reference}");
        var changed = await referrer.Locator("section[aria-labelledby='outcome-heading']").InnerTextAsync();
        changed.ShouldContain("The MASH has changed its decision");
        changed.ShouldContain(DecisionOutcome.StrategyDiscussion.PlainWords());
        await referrer.ShouldHaveNoAxeViolationsAsync(state: "decision changed");

        // Every step is on the case's timeline.
        await practitioner.GotoAsync(casePage);
        var timeline = await practitioner.Locator("main").InnerTextAsync();
        foreach (var step in new[] { "Decision sent for sign-off", "Decision returned for revision", "Decision approved",
            "Handed over to the assessment team",
                     "Feedback sent to the referrer", "Feedback read by the referrer", "Referrer disagreed: escalation raised",
                         "Escalation answered", "Reopened for a revised decision", "Referrer e-mailed that the decision changed" })
        {
            timeline.ShouldContain(step);
        }

        await practitioner.ShouldHaveNoAxeViolationsAsync();
    }

    /// <summary>The outcome for all of Jayden and Maisie, rather than either child's own (docs/decisions/0092).</summary>
    private static ILocator AllTheChildren(IPage page) => page.GetByRole(AriaRole.Group, new() { Name = "Outcome for all the children" });

    private static async Task ProposeAsync(IPage page, bool revising)
    {
        await page.GetByLabel("Amber (the screening rating)").CheckAsync();
        await page.GetByLabel("Level 3", new() { Exact = false }).First.CheckAsync();
        await AllTheChildren(page).GetByLabel("Child and family assessment (section 17)").CheckAsync();
        await page.GetByLabel("Team the case is handed over to").FillAsync("Northtown assessment team");
        await page.GetByLabel("N1: Abuse or neglect").CheckAsync();
        if (!revising)
        {
            await page.GetByLabel("3B: Domestic violence (parent or carer)").CheckAsync();
            await page.GetByLabel("18C: Physical abuse by an adult").CheckAsync();
        }

        await page.GetByLabel("Rationale").FillAsync(revising
            ? Rationale + " The police report two domestic incidents this year; the duty social worker will visit tomorrow."
            : Rationale);
        await page.GetByLabel("Reasons for the referrer").FillAsync(ReasonsForReferrer);
        if (await page.GetByRole(AriaRole.Group, new() { Name = "Lawful basis for proceeding without consent" }).CountAsync() > 0)
        {
            await page.GetByLabel("Safeguarding of children (Data Protection Act 2018, Schedule 1, paragraph 18)").CheckAsync();
        }

        await page.Locator("#Data_NextSteps_0__Action").FillAsync("Visit the family and see both children");
        await page.Locator("#Data_NextSteps_0__Who").FillAsync("Duty social worker");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send for sign-off" }).ClickAsync();
    }
}
