using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.IntegrationTests.Pages.Feedback;
using ThresholdPortal.IntegrationTests.Pages.Insights;
using ThresholdPortal.IntegrationTests.Pages.Mash;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Pages.Mash.Cases;

namespace ThresholdPortal.IntegrationTests.Pages.Decisions;

/// <summary>
/// Outcomes per child (issue 13, item 3; docs/decisions/0092): Jayden and Maisie Clarke, referred together by their school,
/// can go different ways, and the decision form, sign-off, the case record, the referrer's feedback and the returns say so.
/// </summary>
public sealed class ChildOutcomeTests(PortalApp app) : IntegrationTest(app)
{
    private const string Team = "Northtown child protection team";

    /// <summary>The period of the test clock's day, for the exports.</summary>
    private const string Today = "Filter.Period=Custom&Filter.From.Day=18&Filter.From.Month=11&Filter.From.Year=2026"
        + "&Filter.To.Day=18&Filter.To.Month=11&Filter.To.Year=2026";

    [Fact]
    public async Task The_form_asks_each_siblings_outcome_defaulting_to_the_same_and_names_the_child_whose_outcome_is_missing()
    {
        var (world, caseId, _, children) = await AtDecisionAsync();
        var practitioner = await App.SignInAsync(world.Practitioner.Email!);

        var form = await practitioner.GetStringAsync(DecisionRoutes.Decide(caseId));
        var text = MashTestData.Text(form);
        text.ShouldContain("Outcome for all the children");
        text.ShouldContain("Outcome for Jayden Clarke");
        text.ShouldContain("Outcome for Maisie Clarke");
        form.ShouldContain("id=\"Data_Children_0__Outcome\" name=\"Data.Children[0].Outcome\" type=\"radio\" value=\"\" checked");
        form.ShouldContain($"name=\"Data.Children[1].ReferralChildId\" value=\"{children[1]}\"");

        var response = await CaseTests.PostCaseFormAsync(practitioner, DecisionRoutes.Decide(caseId),
            Answers(all: null, children, jayden: DecisionOutcome.StrategyDiscussion, maisie: null, handover: null));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        var errors = MashTestData.Text(page);
        errors.ShouldContain("Select the outcome for all the children, or an outcome for each child");
        errors.ShouldContain("Select the outcome for Maisie Clarke");
        errors.ShouldNotContain("Select the outcome for Jayden Clarke");
        errors.ShouldContain("Say which team the case is handed over to");
        page.ShouldContain("href=\"#Data_Children_1__Outcome\"");
        // Jayden's answer is kept when the form shows again.
        page.ShouldContain("name=\"Data.Children[0].Outcome\" type=\"radio\" value=\"StrategyDiscussion\" checked");
        (await App.ExecuteDbContextAsync(db => db.CaseDecisions.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Siblings_going_different_ways_are_signed_off_told_to_the_referrer_and_counted_each_in_the_returns()
    {
        var (world, caseId, reference, children) = await AtDecisionAsync();
        var practitioner = await App.SignInAsync(world.Practitioner.Email!);
        var manager = await App.SignInAsync(world.Manager.Email!);

        // Maisie takes the outcome for all the children; Jayden's differs.
        (await CaseTests.PostCaseFormAsync(practitioner, DecisionRoutes.Decide(caseId),
            Answers(all: DecisionOutcome.NoFurtherActionWithAdvice, children, jayden: DecisionOutcome.StrategyDiscussion, maisie: null)))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var proposed = await App.ExecuteDbContextAsync(db => db.CaseDecisions.AsNoTracking().SingleAsync());
        proposed.Outcome.ShouldBe(DecisionOutcome.StrategyDiscussion, "the case takes the most serious child's outcome");
        proposed.ChildOutcomes.ShouldBe([new(children[0], DecisionOutcome.StrategyDiscussion),
            new(children[1], DecisionOutcome.NoFurtherActionWithAdvice)], ignoreOrder: true);
        proposed.HandoverTo.ShouldBe(Team);

        var signOff = MashTestData.Text(await manager.GetStringAsync(DecisionRoutes.SignOff(caseId)));
        signOff.ShouldContain("Jayden Clarke: Strategy discussion (section 47)");
        signOff.ShouldContain("Maisie Clarke: No further action, with advice and signposting");
        (await CaseTests.PostCaseFormAsync(manager, DecisionRoutes.SignOff(caseId), new() { ["Data.Choice"] = "Approve" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var record = MashTestData.Text(await practitioner.GetStringAsync(MashRoutes.Case(caseId)));
        record.ShouldContain("Jayden Clarke: Strategy discussion (section 47)");
        record.ShouldContain("Maisie Clarke: No further action, with advice and signposting");
        (await App.ExecuteDbContextAsync(db => db.EarlyHelpStepDowns.CountAsync())).ShouldBe(0);
        (await App.AuditAsync()).ShouldContain(e => e.Action == CaseEvents.HandedOver && e.Detail == $"To {Team}, 1 of 2 children");

        // The referrer is told each child's outcome, the most serious first.
        var loop = new DecisionLoop(new PortalActor(App.Services));
        await loop.SendFeedbackAsync(caseId, world.Practitioner);
        var referrer = await App.SignInAsync(world.Referrer.Email!);
        var outcome = MashTestData.Text(await referrer.GetStringAsync(ReferralRoutes.Sent(reference)));
        outcome.ShouldContain($"Jayden Clarke: {DecisionOutcome.StrategyDiscussion.PlainWords()}");
        outcome.ShouldContain($"Maisie Clarke: {DecisionOutcome.NoFurtherActionWithAdvice.PlainWords()}");

        var found = await App.ExecuteDbContextAsync(db => db.MashCases.Where(c => c.Id == caseId)
            .Select(c => new { c.ReferralId, c.SourceCode }).SingleAsync());
        var (referralId, source) = (found.ReferralId.ToString(), found.SourceCode);
        var insights = await App.SignInAsync(world.Manager.Email!);
        var census = Csv.Parse(await insights.GetStringAsync($"/insights/export/cin-census.csv?{Today}"));
        census.Skip(1).Select(row => row[..7]).ShouldBe([
            [referralId, children[0].ToString(), "2026-11-18", source, "N", "N1", "18C"],
            [referralId, children[1].ToString(), "2026-11-18", source, "Y", "N1", "18C"],
        ]);
        var referrals = Csv.Parse(await insights.GetStringAsync($"/insights/export/annex-a-referrals.csv?{Today}"));
        referrals.Skip(1).ShouldBe([
            [reference, caseId.ToString(), children[0].ToString(), "2026-11-18", source, "N", ""],
            [reference, caseId.ToString(), children[1].ToString(), "2026-11-18", source, "Y", ""],
        ]);
        var contacts = Csv.Parse(await insights.GetStringAsync($"/insights/export/annex-a-contacts.csv?{Today}"));
        contacts.Skip(1).ShouldBe([
            [reference, caseId.ToString(), children[0].ToString(), "2026-11-18", source, "Portal", "ProgressToMashChecks", "N"],
            [reference, caseId.ToString(), children[1].ToString(), "2026-11-18", source, "Portal", "ProgressToMashChecks", "Y"],
        ]);
    }

    [Fact]
    public async Task A_sibling_stepped_down_beside_an_assessment_goes_to_the_early_help_hub_while_the_case_is_handed_over()
    {
        var (world, caseId, _, children) = await AtDecisionAsync();
        var loop = new DecisionLoop(new PortalActor(App.Services));
        var proposal = DecisionLoop.Proposal(BragRating.Amber, ThresholdLevel.Targeted, DecisionOutcome.ChildAndFamilyAssessment,
            "Jayden's injury needs an assessment; Maisie's needs can be met by early help.", world.Practitioner.FullName,
            TestClock.Today.AddDays(2), consentGiven: false);
        proposal.Children =
            [new DecisionModel.ChildChoice { ReferralChildId = children[1], Outcome = DecisionOutcome.StepDownToEarlyHelp }];

        await loop.ProposeAsync(caseId, world.Practitioner, proposal);
        await loop.SignOffAsync(caseId, world.Manager);

        var mashCase = await App.ExecuteDbContextAsync(db => db.MashCases.AsNoTracking().SingleAsync(c => c.Id == caseId));
        mashCase.Outcome.ShouldBe(DecisionOutcome.ChildAndFamilyAssessment);
        (await App.ExecuteDbContextAsync(db => db.EarlyHelpStepDowns.SingleAsync())).CaseId.ShouldBe(caseId);
        var audit = await App.AuditAsync();
        audit.ShouldContain(e => e.Action == CaseEvents.SteppedDownToEarlyHelp && e.Detail == "To the early help hub, 1 of 2 children");
        audit.ShouldContain(e => e.Action == CaseEvents.HandedOver && e.Detail == "To Northtown assessment team, 1 of 2 children");
    }

    /// <summary>The school's referral of Jayden and Maisie, through checks and ready for its decision; the children in order.</summary>
    private async Task<(FeedbackWorld World, Guid CaseId, string Reference, IReadOnlyList<Guid> Children)> AtDecisionAsync()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (caseId, reference) = await world.CaseAtChecksAsync(App);
        await new DecisionLoop(new PortalActor(App.Services)).ReadyForDecisionAsync(caseId, world.Practitioner);
        var children = await App.ExecuteDbContextAsync(db => db.ReferralChildren.AsNoTracking()
            .Where(c => db.MashCases.Any(m => m.Id == caseId && m.ReferralId == c.ReferralId)).OrderBy(c => c.Order)
            .Select(c => c.Id).ToListAsync());
        return (world, caseId, reference, children);
    }

    /// <summary>The decision form's answers, with the outcome for all the children and each child's own (null: the same).</summary>
    private static Dictionary<string, string> Answers(DecisionOutcome? all, IReadOnlyList<Guid> children, DecisionOutcome? jayden,
        DecisionOutcome? maisie, string? handover = Team)
    {
        var answers = new Dictionary<string, string>
        {
            ["Data.Rating"] = "Amber", ["Data.Level"] = "Specialist", ["Data.PrimaryNeed"] = "N1AbuseOrNeglect",
            ["Data.Factors"] = "18C", ["Data.Rationale"] = "Jayden's injury and account need a strategy discussion; Maisie saw nothing.",
            ["Data.LawfulBasis"] = "SafeguardingChildrenWithoutConsent",
            ["Data.ReasonsForReferrer"] = "What you told us, with what we already knew, shows Jayden needs a child protection response.",
            ["Data.Children[0].ReferralChildId"] = children[0].ToString(), ["Data.Children[0].Outcome"] = jayden?.ToString() ?? "",
            ["Data.Children[1].ReferralChildId"] = children[1].ToString(), ["Data.Children[1].Outcome"] = maisie?.ToString() ?? "",
        };
        if (all is { } outcome)
        {
            answers["Data.Outcome"] = outcome.ToString();
        }

        if (handover is not null)
        {
            answers["Data.HandoverTo"] = handover;
        }

        return answers;
    }
}
