using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.IntegrationTests.Pages.Mash;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Identity;
using AgencyPage = ThresholdPortal.Web.Pages.Admin.Configuration.Agencies.EditModel;

namespace ThresholdPortal.IntegrationTests.Pages.Decisions;

/// <summary>The decision, its sign-off by another manager, and what approval sets off (issue 6, part A).</summary>
public sealed class DecisionTests(PortalApp app) : IntegrationTest(app)
{
    private const string Team = "Northtown assessment team";

    [Fact]
    public async Task An_invalid_proposal_shows_each_rule_as_a_field_error_and_stores_nothing()
    {
        var world = await CaseAtDecisionAsync();
        var practitioner = await App.SignInAsync(world.Team.Practitioner.Email!);

        var response = await CaseTests.PostCaseFormAsync(practitioner, Decide(world), new()
        {
            ["Data.Rating"] = "Red", ["Data.Level"] = "Targeted", ["Data.Outcome"] = "ChildAndFamilyAssessment",
                ["Data.PrimaryNeed"] = "N1AbuseOrNeglect",
            ["Data.Rationale"] = " ", ["Data.NextSteps[0].Action"] = new string('x', NextStep.ActionMaxLength + 1),
            ["Data.ReasonsForReferrer"] = new string('x', CaseDecision.ReasonsForReferrerMaxLength + 1),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = MashTestData.Text(await response.Content.ReadAsStringAsync());
        text.ShouldContain("There is a problem");
        text.ShouldContain("Explain the decision in plain language");
        text.ShouldContain("Say why the rating changed from Amber to Red");
        text.ShouldContain("The family did not consent: select the lawful basis for proceeding");
        text.ShouldContain("Say which team the case is handed over to");
        text.ShouldContain("The next step must be 500 characters or fewer");
        text.ShouldContain("The reasons for the referrer must be 2,000 characters or fewer");
        (await App.ExecuteDbContextAsync(db => db.CaseDecisions.CountAsync())).ShouldBe(0);
        (await StatusAsync(world)).ShouldBe(MashCaseStatus.AwaitingDecision);
    }

    [Fact]
    public async Task No_decision_while_an_agency_on_the_checklist_has_neither_a_request_nor_a_reason_and_the_page_says_which()
    {
        var world = await CaseAtDecisionAsync(leaveOut: "housing");
        var practitioner = await App.SignInAsync(world.Team.Practitioner.Email!);

        var page = MashTestData.Text(await practitioner.GetStringAsync(Decide(world)));
        page.ShouldContain("Still to do: Housing.");
        page.ShouldNotContain("Send for sign-off");

        var refused = await Forms.PostAsync(practitioner, Decide(world), new Dictionary<string, string>(ValidAnswers())
        {
            ["Data.Version"] = await VersionAsync(world),
            ["Data.OpenedAt"] = TestClock.UtcNow.UtcTicks.ToString(CultureInfo.InvariantCulture),
        }, tokenFrom: "/account/change-password");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        MashTestData.Text(await refused.Content.ReadAsStringAsync())
            .ShouldContain("Every agency on the checklist needs a request or a reason first. Still to do: Housing.");
        (await App.ExecuteDbContextAsync(db => db.CaseDecisions.CountAsync())).ShouldBe(0);
        (await StatusAsync(world)).ShouldBe(MashCaseStatus.AwaitingDecision);
    }

    [Fact]
    public async Task Returned_revised_then_approved_by_another_manager_closes_the_case_in_time_hands_it_over_and_drafts_feedback()
    {
        var world = await CaseAtDecisionAsync();
        var practitioner = await App.SignInAsync(world.Team.Practitioner.Email!);
        var manager = await App.SignInAsync(world.Team.Manager.Email!);

        // Proposed with a changed rating: the reason lands in the rating history.
        var proposed = await CaseTests.PostCaseFormAsync(practitioner, Decide(world),
            ValidAnswers(rating: "Red", ratingReason: "Agency checks found an earlier injury."));
        proposed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(proposed));
        var rated = await App.ExecuteDbContextAsync(db =>
            db.MashCases.Include(c => c.RatingHistory).SingleAsync(c => c.Id == world.CaseId));
        rated.Status.ShouldBe(MashCaseStatus.AwaitingSignOff);
        rated.Rating.ShouldBe(BragRating.Red);
        rated.RatingHistory.OrderBy(r => r.RatedAt).Last().ShouldSatisfyAllConditions(
            r => r.Rating.ShouldBe(BragRating.Red), r => r.PreviousRating.ShouldBe(BragRating.Amber),
                r => r.Reason.ShouldBe("Agency checks found an earlier injury."));

        (MashTestData.Text(await manager.GetStringAsync(DecisionRoutes.SignOffList))).ShouldContain(world.Reference);
        var noComments = await CaseTests.PostCaseFormAsync(manager, SignOff(world), new() { ["Data.Choice"] = "Return" });
        MashTestData.Text(await noComments.Content.ReadAsStringAsync()).ShouldContain("Say what needs to change");
        var returned = await CaseTests.PostCaseFormAsync(manager, SignOff(world),
            new() { ["Data.Choice"] = "Return", ["Data.Comments"] = "Add the school nurse's view to the rationale." });
        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(returned));
        (await StatusAsync(world)).ShouldBe(MashCaseStatus.AwaitingDecision);

        // The practitioner sees the comments, on the case and on the form, which starts from the returned proposal.
        (MashTestData.Text(await practitioner.GetStringAsync(MashRoutes.Case(world.CaseId))))
            .ShouldContain("Add the school nurse's view to the rationale.");
        var form = await practitioner.GetStringAsync(Decide(world));
        MashTestData.Text(form).ShouldContain("Add the school nurse's view to the rationale.");
        form.ShouldContain("The checks show an injury with an account of harm.");
        var revised = await CaseTests.PostCaseFormAsync(practitioner, Decide(world),
            ValidAnswers(rating: "Red",
                rationale: "The checks show an injury with an account of harm; the school nurse shares the concern."));
        revised.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(revised));

        var approved = await CaseTests.PostCaseFormAsync(manager, SignOff(world), new() { ["Data.Choice"] = "Approve" });
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(approved));

        var closed = await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync(c => c.Id == world.CaseId));
        var decisions = await App.ExecuteDbContextAsync(db => db.CaseDecisions.OrderBy(d => d.Revision).ToListAsync());
        decisions.Select(d => (d.Revision, d.State)).ShouldBe([(1, DecisionState.Returned), (2, DecisionState.Approved)]);
        decisions[1].ReviewedByUserId.ShouldBe(world.Team.Manager.Id);
        decisions[1].HandoverTo.ShouldBe(Team);
        closed.Status.ShouldBe(MashCaseStatus.Decided);
        closed.DecisionId.ShouldBe(decisions[1].Id);
        closed.Outcome.ShouldBe(DecisionOutcome.ChildAndFamilyAssessment);
        closed.DecidedWithinDeadline.ShouldBe(true);

        var feedback = await App.ExecuteDbContextAsync(db => db.ReferrerFeedback.SingleAsync());
        feedback.DecisionId.ShouldBe(decisions[1].Id);
        feedback.State.ShouldBe(FeedbackState.Draft);
        feedback.LevelExplanation.ShouldStartWith("You indicated level 3 (");
        feedback.LevelExplanation.ShouldEndWith("and the MASH agreed.");
        feedback.ContactName.ShouldBe(world.Team.Practitioner.FullName);
        feedback.OtherSupport.ShouldBeNull();

        var actions = (await App.AuditAsync()).Where(e => e.SubjectId == world.CaseId.ToString()).Select(e => e.Action).ToList();
        actions.Count(a => a == CaseEvents.DecisionSubmitted).ShouldBe(2);
        actions.ShouldContain(CaseEvents.DecisionReturned);
        actions.ShouldContain(CaseEvents.DecisionApproved);
        (await App.AuditAsync()).Single(e => e.Action == CaseEvents.HandedOver).Detail.ShouldBe($"To {Team}");

        var record = MashTestData.Text(await practitioner.GetStringAsync(MashRoutes.Case(world.CaseId)));
        record.ShouldContain("within the deadline");
        record.ShouldContain($"Handed over to {Team}.");
        record.ShouldContain("Returned by Test martin");
        record.ShouldContain("Decision approved");
    }

    [Fact]
    public async Task A_manager_cannot_sign_off_their_own_decision_the_page_offers_no_buttons_and_the_post_is_refused()
    {
        var world = await CaseAtDecisionAsync(heldByManager: true);
        var manager = await App.SignInAsync(world.Team.Manager.Email!);
        var proposed = await CaseTests.PostCaseFormAsync(manager, Decide(world), ValidAnswers());
        proposed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(proposed));

        MashTestData.Text(await manager.GetStringAsync(DecisionRoutes.SignOffList)).ShouldContain("Yours: another manager must sign off");
        var page = await manager.GetStringAsync(SignOff(world));
        MashTestData.Text(page).ShouldContain("You proposed this decision, so you cannot sign it off: another MASH manager must.");
        page.ShouldNotContain("Save the sign-off");
        page.ShouldNotContain("name=\"Data.Choice\"");

        var decisionId = await App.ExecuteDbContextAsync(db => db.CaseDecisions.Select(d => d.Id).SingleAsync());
        var refused = await Forms.PostAsync(manager, SignOff(world), new Dictionary<string, string>
        {
            ["Data.Version"] = await VersionAsync(world),
            ["Data.OpenedAt"] = TestClock.UtcNow.UtcTicks.ToString(CultureInfo.InvariantCulture),
            ["Data.DecisionId"] = decisionId.ToString(),
            ["Data.Choice"] = "Approve",
        }, tokenFrom: "/account/change-password");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = MashTestData.Text(await refused.Content.ReadAsStringAsync());
        text.ShouldContain("There is a problem");
        text.ShouldContain("You cannot sign off your own decision: another MASH manager must.");
        (await App.ExecuteDbContextAsync(db => db.CaseDecisions.SingleAsync())).State.ShouldBe(DecisionState.AwaitingSignOff);
        (await StatusAsync(world)).ShouldBe(MashCaseStatus.AwaitingSignOff);
        (await App.AuditAsync()).ShouldNotContain(e => e.Action == CaseEvents.DecisionApproved);

        // Another manager may.
        var other = await App.CreateUserAsync("maya@mash.test", world.Team.LocalAuthority, PortalRole.MashManager);
        var maya = await App.SignInAsync(other.Email!);
        (await CaseTests.PostCaseFormAsync(maya, SignOff(world), new() { ["Data.Choice"] = "Approve" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StatusAsync(world)).ShouldBe(MashCaseStatus.Decided);
    }

    [Fact]
    public async Task A_late_step_down_records_the_missed_deadline_and_appears_in_the_early_help_hub_list()
    {
        var world = await CaseAtDecisionAsync(received: TestClock.UtcNow.AddDays(-10));
        var practitioner = await App.SignInAsync(world.Team.Practitioner.Email!);
        var manager = await App.SignInAsync(world.Team.Manager.Email!);

        (await CaseTests.PostCaseFormAsync(practitioner, Decide(world),
            ValidAnswers(outcome: "StepDownToEarlyHelp", level: "EarlyHelp", handover: null)))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CaseTests.PostCaseFormAsync(manager, SignOff(world), new() { ["Data.Choice"] = "Approve", ["Data.Comments"] = "Agreed." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var closed = await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync(c => c.Id == world.CaseId));
        closed.DecidedWithinDeadline.ShouldBe(false);
        var stepDown = await App.ExecuteDbContextAsync(db => db.EarlyHelpStepDowns.SingleAsync());
        stepDown.CaseId.ShouldBe(world.CaseId);
        stepDown.SteppedDownByUserId.ShouldBe(world.Team.Manager.Id);
        (await App.AuditAsync())
            .ShouldContain(e => e.Action == CaseEvents.SteppedDownToEarlyHelp && e.SubjectId == world.CaseId.ToString());

        var hub = MashTestData.Text(await practitioner.GetStringAsync(MashRoutes.EarlyHelpHub));
        hub.ShouldContain(world.Reference);
        hub.ShouldContain("Stepped down by the MASH");
        hub.ShouldContain("J.C., "); // Initials and ages, as the hub shows every child.
        hub.ShouldContain("; M.C., ");

        var feedback = await App.ExecuteDbContextAsync(db => db.ReferrerFeedback.SingleAsync());
        feedback.LevelExplanation.ShouldContain("The MASH applied a lower level, level 2 (");
        feedback.OtherSupport.ShouldNotBeNull();

        var record = MashTestData.Text(await practitioner.GetStringAsync(MashRoutes.Case(world.CaseId)));
        record.ShouldContain("late by");
        record.ShouldContain("Stepped down to the early help hub on");
    }

    private sealed record World(MashTeam Team, Guid CaseId, string Reference);

    private static string Decide(World world) => DecisionRoutes.Decide(world.CaseId);

    private static string SignOff(World world) => DecisionRoutes.SignOff(world.CaseId);

    private static Dictionary<string, string> ValidAnswers(
        string rating = "Amber", string? ratingReason = null, string level = "Targeted", string outcome = "ChildAndFamilyAssessment",
        string rationale = "The checks show an injury with an account of harm.", string? handover = Team)
    {
        var answers = new Dictionary<string, string>
        {
            ["Data.Rating"] = rating, ["Data.Level"] = level, ["Data.Outcome"] = outcome, ["Data.PrimaryNeed"] = "N1AbuseOrNeglect",
            ["Data.Factors"] = "18C", ["Data.Rationale"] = rationale, ["Data.LawfulBasis"] = "SafeguardingChildrenWithoutConsent",
            ["Data.ReasonsForReferrer"] = "What you told us, with what we already knew, shows the children need a social work response.",
            ["Data.NextSteps[0].Action"] = "Visit the family", ["Data.NextSteps[0].Who"] = "The allocated social worker",
            ["Data.NextSteps[0].By.Day"] = "1", ["Data.NextSteps[0].By.Month"] = "12", ["Data.NextSteps[0].By.Year"] = "2030",
        };
        if (ratingReason is not null)
        {
            answers["Data.RatingChangeReason"] = ratingReason;
        }

        if (handover is not null)
        {
            answers["Data.HandoverTo"] = handover;
        }

        return answers;
    }

    /// <summary>
    /// A referral with consent not sought, sent through the referral pages; its case claimed, rated Amber and moved to checks on
    /// the case pages; every agency reasoned about (but one, if asked) and moved to decision: each step the live page's command.
    /// </summary>
    private async Task<World> CaseAtDecisionAsync(string? leaveOut = null, bool heldByManager = false, DateTimeOffset? received = null)
    {
        var team = await App.MashTeamAsync();
        var referrer = await App.CreateUserAsync("rachel@riverside.test", team.School, PortalRole.Referrer);
        var holder = heldByManager ? team.Manager : team.Practitioner;
        var at = received ?? TestClock.UtcNow.AddMinutes(-30);
        await using var services = DemoDataHost.BuildServices(App.ConnectionString, TestClock.UtcNow);
        var reference = await services.GetRequiredService<ReferrerJourney>().SendAsync(referrer, await ReferralAsync(), at);
        var caseId = await App.ExecuteDbContextAsync(db =>
            db.MashCases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync());
        var triage = services.GetRequiredService<TriageSteps>();
        await triage.ClaimAsync(caseId, holder, at.AddMinutes(5));
        await triage.RateAsync(caseId, holder, BragRating.Amber, "Injury with an account of harm by an adult at home.", at.AddMinutes(10));
        await triage.ProgressToChecksAsync(caseId, holder, at.AddMinutes(15));

        // Moved to decision before the agency left out was on the checklist, as if an administrator put it back since.
        var administrator = await App.CreateUserAsync("alex@mash.test", team.LocalAuthority, PortalRole.Administrator);
        var actor = services.GetRequiredService<PortalActor>();
        var agencyId = await App.ExecuteDbContextAsync(db => db.PartnerAgencies.Where(a => a.Key == leaveOut).Select(a => (Guid?)a.Id)
            .SingleOrDefaultAsync());
        await OnChecklistAsync(actor, administrator, agencyId, false, at.AddMinutes(16));
        await services.GetRequiredService<DecisionLoop>().ReadyForDecisionAsync(caseId, holder, at.AddMinutes(20));
        await OnChecklistAsync(actor, administrator, agencyId, true, at.AddMinutes(26));
        return new World(team, caseId, reference);
    }

    /// <summary>The administrator's agency page: takes an agency off the checklist, or puts it back.</summary>
    private static async Task OnChecklistAsync(PortalActor actor, PortalUser administrator, Guid? agencyId, bool active, DateTimeOffset at)
    {
        if (agencyId is not { } id)
        {
            return;
        }

        var agency = (await actor.SendAsync(administrator, new AgencyPage.Query(id), at))!;
        agency.IsActive = active;
        var saved = await actor.SendAsync(administrator, agency, at);
        saved.Outcome.IsSaved.ShouldBeTrue();
        saved.Value.ShouldBeTrue("the checklist changed");
    }

    /// <summary>Jayden and Maisie Clarke, at level 3, as their school refers them without asking their mother first.</summary>
    private Task<DemoReferral> ReferralAsync() => App.ExecuteDbContextAsync(async db =>
    {
        var document = await db.DocumentAsync((await db.CurrentDocumentIdAsync(CancellationToken.None))!.Value, CancellationToken.None);
        // An indicator at level 3, so the guidance agrees with the level chosen and early help is not offered.
        string[] indicators = [document.Indicators.First(i => i.Level == ThresholdLevel.Targeted).Code];
        return new DemoReferral(
            [
                new DemoChild("Jayden", "Clarke", new DateOnly(2017, 5, 3), indicators) { SchoolOrSetting = CasesAtChecks.School },
                new DemoChild("Maisie", "Clarke", new DateOnly(2019, 9, 14), indicators) { SchoolOrSetting = CasesAtChecks.School },
            ], ThresholdLevel.Targeted)
        {
            Adults = [new DemoAdult("Kelly", "Clarke", "Mother of both children")],
            Categories = [ConcernCategory.PhysicalAbuseByAdult],
            WhatHappened = CasesAtChecks.WhatHappened, RiskFactors = CasesAtChecks.RiskFactors,
            ProtectiveFactors = "Their mother brings them to school every day.", ExpectedOutcome = "A social work assessment.",
            Consent = ConsentDecision.NotSought, ConsentReason = "Asking could put the children at risk.",
            SharingBasis = InformationSharingBasis.SafeguardingWithoutConsent,
        };
    });

    private Task<MashCaseStatus> StatusAsync(World world) =>
        App.ExecuteDbContextAsync(db => db.MashCases.Where(c => c.Id == world.CaseId).Select(c => c.Status).SingleAsync());

    private async Task<string> VersionAsync(World world) =>
        (await App.ExecuteDbContextAsync(db => db.MashCases.Where(c => c.Id == world.CaseId).Select(c => c.Version).SingleAsync()))
            .ToString(CultureInfo.InvariantCulture);
}
