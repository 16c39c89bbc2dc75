using Microsoft.EntityFrameworkCore;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.EarlyHelp;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.IntegrationTests.Pages.EarlyHelp;

/// <summary>
/// Siblings in one process, the MASH's way round (issue 16, item 4): a decision that does not step every child down to
/// early help while a brother or sister is open to it warns and needs a reason, which is kept with the decision and audited.
/// </summary>
public sealed class SiblingsInOneProcessTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_decision_while_a_sibling_is_open_to_early_help_needs_a_reason_unless_every_child_is_stepped_down_too()
    {
        var world = await EarlyHelpWorld.CreateAsync(App);
        var (caseId, _) = await world.Mash.CaseAtChecksAsync(App);
        var jayden = await App.AddKnownPersonAsync(new("Jayden", "Clarke", new DateOnly(2017, 5, 3)));
        await App.AddKnownPersonAsync(new("Ava", "Clarke", new DateOnly(2021, 2, 1)), OpenInvolvement.EarlyHelp,
            household: jayden.HouseholdId);
        var child = await App.ExecuteDbContextAsync(db => db.ReferralChildren.Where(c => c.GivenName == "Jayden").Select(c => c.Id)
            .SingleAsync());
        var actor = new PortalActor(App.Services);
        await new TriageSteps(actor).LinkAsync(caseId, world.Mash.Practitioner, child, jayden.Id, TestClock.UtcNow);
        var loop = new DecisionLoop(actor);
        await loop.ReadyForDecisionAsync(caseId, world.Mash.Practitioner);
        var practitioner = await App.SignInAsync(world.Mash.Practitioner.Email!);
        MashTestData.Text(await practitioner.GetStringAsync($"/mash/cases/{caseId}/decision"))
            .ShouldContain("Brothers and sisters of these children are open to early help: Ava Clarke is open to early help.");

        var assessment = Proposal(DecisionOutcome.ChildAndFamilyAssessment);
        var refused = await Should.ThrowAsync<RequestValidationException>(() =>
            loop.ProposeAsync(caseId, world.Mash.Practitioner, assessment));
        refused.Failures.ShouldContain(f => f.PropertyName == "SiblingsInEarlyHelpReason"
            && f.ErrorMessage == CaseDecision.SiblingsReasonRefusal);
        (await App.ExecuteDbContextAsync(db => db.CaseDecisions.CountAsync(d => d.CaseId == caseId))).ShouldBe(0);

        assessment.SiblingsInEarlyHelpReason = "Ava's early help plan continues; the assessment team will join the next review.";
        await loop.ProposeAsync(caseId, world.Mash.Practitioner, assessment);

        var decision = await App.ExecuteDbContextAsync(db => db.CaseDecisions.AsNoTracking().SingleAsync(d => d.CaseId == caseId));
        decision.SiblingsInEarlyHelpReason.ShouldBe("Ava's early help plan continues; the assessment team will join the next review.");
        (await App.AuditAsync()).ShouldContain(e => e.Action == CaseEvents.SiblingsInEarlyHelp && e.SubjectId == caseId.ToString()
            && e.Detail == "1 sibling open to early help; reason recorded");
        MashTestData.Text(await practitioner.GetStringAsync($"/mash/cases/{caseId}"))
            .ShouldContain("Ava's early help plan continues");
    }

    [Fact]
    public async Task Stepping_every_child_down_joins_the_siblings_process_and_needs_no_reason()
    {
        var world = await EarlyHelpWorld.CreateAsync(App);
        var (caseId, _) = await world.Mash.CaseAtChecksAsync(App);
        var jayden = await App.AddKnownPersonAsync(new("Jayden", "Clarke", new DateOnly(2017, 5, 3)));
        await App.AddKnownPersonAsync(new("Ava", "Clarke", new DateOnly(2021, 2, 1)), OpenInvolvement.EarlyHelp,
            household: jayden.HouseholdId);
        var child = await App.ExecuteDbContextAsync(db => db.ReferralChildren.Where(c => c.GivenName == "Jayden").Select(c => c.Id)
            .SingleAsync());
        var actor = new PortalActor(App.Services);
        await new TriageSteps(actor).LinkAsync(caseId, world.Mash.Practitioner, child, jayden.Id, TestClock.UtcNow);
        var loop = new DecisionLoop(actor);
        await loop.ReadyForDecisionAsync(caseId, world.Mash.Practitioner);

        var stepDown = Proposal(DecisionOutcome.StepDownToEarlyHelp);
        stepDown.SiblingsInEarlyHelpReason = "Not needed, and not kept.";
        await loop.ProposeAsync(caseId, world.Mash.Practitioner, stepDown);

        (await App.ExecuteDbContextAsync(db => db.CaseDecisions.AsNoTracking().SingleAsync(d => d.CaseId == caseId)))
            .SiblingsInEarlyHelpReason.ShouldBeNull();
        (await App.AuditAsync()).ShouldNotContain(e => e.Action == CaseEvents.SiblingsInEarlyHelp);
    }

    [Fact]
    public async Task Allocating_a_referrers_own_request_warns_of_a_known_sibling_open_to_social_care_without_linking_anyone()
    {
        var world = await EarlyHelpWorld.CreateAsync(App);
        var jayden = await App.AddKnownPersonAsync(new("Jayden", "Clarke", new DateOnly(2017, 5, 3)));
        await App.AddKnownPersonAsync(new("Leo", "Clarke", new DateOnly(2012, 4, 4)), OpenInvolvement.SocialCare,
            household: jayden.HouseholdId);
        await App.AddKnownPersonAsync(new("Jayden", "Clarke", new DateOnly(2016, 1, 1)));
        var reference = await EarlyHelpWorld.EarlyHelpRequestAsync(await App.SignInAsync(world.Mash.Referrer.Email!));
        var id = await App.ExecuteDbContextAsync(db =>
            db.EarlyHelpCases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync());
        var coordinator = await App.SignInAsync(world.Coordinator.Email!);

        MashTestData.Text(await coordinator.GetStringAsync(EarlyHelpRoutes.Allocate(id)))
            .ShouldContain("Brothers and sisters of these children are open to another process: Leo Clarke is open to children's " +
                "social care.");
        var refused = await Forms.PostAsync(coordinator, EarlyHelpRoutes.Allocate(id), EarlyHelpWorld.Stamped(
            await coordinator.GetStringAsync(EarlyHelpRoutes.Allocate(id)), ("Data.LeadProfessionalId", world.FamilyHub.ToString())));
        Forms.ErrorSummary(await refused.Content.ReadAsStringAsync())
            .ShouldContain("Say why this family should have early help while a brother or sister is open to the MASH or social care");
        (await App.ExecuteDbContextAsync(db => db.PersonLinks.CountAsync())).ShouldBe(0);
        (await App.ExecuteDbContextAsync(db => db.Persons.CountAsync(p => p.Involvement == OpenInvolvement.EarlyHelp))).ShouldBe(0);
    }

    private static Web.Pages.Mash.Cases.DecisionModel.Propose Proposal(DecisionOutcome outcome) => DecisionLoop.Proposal(
        BragRating.Amber, outcome.IsStatutory() ? ThresholdLevel.Targeted : ThresholdLevel.EarlyHelp, outcome,
        "The family's needs and the risks to the children are as the school describes them.", "Priya", TestClock.Today.AddDays(2),
        consentGiven: false);
}
