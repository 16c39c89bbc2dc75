using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.UnitTests.Referrals;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.UnitTests.Decisions;

public sealed class CaseDecisionTests
{
    private static readonly DecisionClock Clock = new(WorkingCalendar.UkOffice(UkTime.Zone, []), DecisionTimescales.Default);
    private static readonly Guid Priya = Guid.NewGuid();
    private static readonly Guid Martin = Guid.NewGuid();
    private static readonly Guid Document = Guid.NewGuid();
    private static readonly Guid Child = Guid.NewGuid();

    // Tuesday 24 November 2026, 10:00 GMT: an Amber case is due 24 working hours later.
    private static readonly DateTimeOffset Received = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static MashCase ReadyForDecision(BragRating rating = BragRating.Amber)
    {
        var referral = CompleteReferral.Build();
        referral.Submit("NS-2026-000123", Received, []);
        var mashCase = MashCase.Open(referral, ContactChannel.Portal, Clock);
        mashCase.Claim(Priya, Received.AddMinutes(5));
        mashCase.Rate(rating, "Repeated bruising", Priya, Received.AddMinutes(10), Clock);
        mashCase.ProgressToMashChecks();
        mashCase.MarkReadyForDecision();
        return mashCase;
    }

    private static DecisionProposal Proposal(
        BragRating rating = BragRating.Amber, string? ratingReason = null,
            DecisionOutcome outcome = DecisionOutcome.ChildAndFamilyAssessment,
        bool consent = true, LawfulBasis? basis = null, string[]? factors = null, string? handover = "Northtown assessment team",
        ThresholdLevel level = ThresholdLevel.Targeted, string reasonsForReferrer = "The children need a social work assessment.") =>
        new(rating, ratingReason, level, Document, [new ChildOutcome(Child, outcome)], PrimaryNeed.N1AbuseOrNeglect,
            factors ?? ["16A", "3B"],
            "Bruising seen twice with no explanation; school and health both worried.", consent, basis, null,
            [new NextStep("Visit the family", "Duty social worker", new DateOnly(2026, 11, 27))], handover)
        { ReasonsForReferrer = reasonsForReferrer };

    [Fact]
    public void A_decision_needs_reasons_for_the_referrer_apart_from_its_rationale()
    {
        Should.Throw<CaseRuleException>(() => CaseDecision.Propose(ReadyForDecision(), Proposal(reasonsForReferrer: "  "), 1, Priya,
            Received.AddHours(1))).Message.ShouldContain("reasons the referrer can be told");
        var decision = CaseDecision.Propose(ReadyForDecision(), Proposal(reasonsForReferrer: " Plain reasons. "), 1, Priya,
            Received.AddHours(1));
        decision.ReasonsForReferrer.ShouldBe("Plain reasons.");
        decision.Rationale.ShouldNotBe(decision.ReasonsForReferrer);
    }

    private static CaseDecision Submitted(MashCase mashCase, DecisionProposal proposal, int revision = 1, DateTimeOffset? at = null)
    {
        var decision = CaseDecision.Propose(mashCase, proposal, revision, Priya, at ?? Received.AddHours(3));
        mashCase.SubmitDecision(decision, Clock);
        return decision;
    }

    [Fact]
    public void A_manager_cannot_sign_off_their_own_decision()
    {
        var mashCase = ReadyForDecision();
        var decision = Submitted(mashCase, Proposal());

        Should.Throw<CaseRuleException>(() => decision.Approve(Priya, null, Received.AddHours(4)))
            .Message.ShouldContain("your own decision");
        Should.Throw<CaseRuleException>(() => decision.Return(Priya, "Looks wrong", Received.AddHours(4)));
        decision.CanBeReviewedBy(Priya).ShouldBeFalse();
        decision.CanBeReviewedBy(Martin).ShouldBeTrue();
        decision.State.ShouldBe(DecisionState.AwaitingSignOff);
    }

    [Fact]
    public void A_returned_decision_is_revised_and_only_the_approved_one_closes_the_case()
    {
        var mashCase = ReadyForDecision();
        var first = Submitted(mashCase, Proposal());
        mashCase.Status.ShouldBe(MashCaseStatus.AwaitingSignOff);
        Should.Throw<CaseRuleException>(() => mashCase.CloseWithApprovedDecision(first, Received.AddHours(4)));

        Should.Throw<CaseRuleException>(() => first.Return(Martin, " ", Received.AddHours(4)));
        first.Return(Martin, "Say what the health visitor told us.", Received.AddHours(4));
        mashCase.ReturnDecision(first);
        mashCase.Status.ShouldBe(MashCaseStatus.AwaitingDecision);
        Should.Throw<CaseRuleException>(() => first.Approve(Martin, null, Received.AddHours(5)));

        var second = Submitted(mashCase, Proposal(), revision: 2, at: Received.AddHours(5));
        second.Approve(Martin, "Agreed.", Received.AddHours(6));
        mashCase.CloseWithApprovedDecision(second, Received.AddHours(6));

        mashCase.Status.ShouldBe(MashCaseStatus.Decided);
        mashCase.DecisionId.ShouldBe(second.Id);
        mashCase.Outcome.ShouldBe(DecisionOutcome.ChildAndFamilyAssessment);
        mashCase.DecidedLevel.ShouldBe(ThresholdLevel.Targeted);
        mashCase.DecidedAt.ShouldBe(Received.AddHours(6));
        mashCase.DecidedWithinDeadline.ShouldBe(true);
    }

    [Fact]
    public void A_changed_answer_to_an_escalation_reopens_the_case_and_the_approved_revision_replaces_the_outcome()
    {
        var mashCase = ReadyForDecision();
        var first = Submitted(mashCase, Proposal(outcome: DecisionOutcome.StepDownToEarlyHelp, handover: null,
            level: ThresholdLevel.EarlyHelp));
        first.Approve(Martin, null, Received.AddHours(4));
        mashCase.CloseWithApprovedDecision(first, Received.AddHours(4));
        var feedback = new ReferrerFeedback
        {
            CaseId = mashCase.Id, DecisionId = first.Id, OutcomeSummary = "x", Reasons = "y", LevelExplanation = "z",
            ContactName = "Priya Shah", ContactDetails = "Through the MASH",
        };
        feedback.Send(FeedbackMethod.Portal, ThirdPartyCheck.NoneFound, Priya, Received.AddHours(5));
        var escalation = Escalation.Raise(feedback, "A second disclosure.", Guid.NewGuid(), Received.AddDays(1), Received.AddDays(6));

        Should.Throw<CaseRuleException>(() => mashCase.ReopenForRevision(escalation), "an open escalation changes nothing");
        escalation.Answer(EscalationResult.Upheld, "The decision stands.", Martin, Received.AddDays(2));
        Should.Throw<CaseRuleException>(() => mashCase.ReopenForRevision(escalation));

        var again = new ReferrerFeedback
        {
            CaseId = mashCase.Id, DecisionId = first.Id, OutcomeSummary = "x", Reasons = "y", LevelExplanation = "z",
            ContactName = "Priya Shah", ContactDetails = "Through the MASH",
        };
        again.Send(FeedbackMethod.Portal, ThirdPartyCheck.NoneFound, Priya, Received.AddDays(3));
        var second = Escalation.Raise(again, "And again.", Guid.NewGuid(), Received.AddDays(3), Received.AddDays(8));
        second.Answer(EscalationResult.Changed, "An assessment is needed.", Martin, Received.AddDays(4));
        mashCase.ReopenForRevision(second);
        (mashCase.Status, mashCase.ClosedAt, mashCase.Outcome).ShouldBe(
            (MashCaseStatus.AwaitingDecision, null, DecisionOutcome.StepDownToEarlyHelp));

        var revision = Submitted(mashCase, Proposal(), revision: 2, at: Received.AddDays(5));
        revision.Approve(Martin, null, Received.AddDays(5));
        mashCase.CloseWithApprovedDecision(revision, Received.AddDays(5));
        (mashCase.Status, mashCase.Outcome, mashCase.DecidedLevel, mashCase.DecisionId).ShouldBe(
            (MashCaseStatus.Decided, DecisionOutcome.ChildAndFamilyAssessment, ThresholdLevel.Targeted, revision.Id));
        mashCase.DecidedAt.ShouldBe(Received.AddHours(4), "the first decision's time stays the front door's measure");
        mashCase.ClosedAt.ShouldBe(Received.AddDays(5));
    }

    [Fact]
    public void Approval_after_the_deadline_is_recorded_as_late_and_Blue_has_no_deadline()
    {
        var amber = ReadyForDecision();
        var late = Submitted(amber, Proposal());
        var afterDeadline = amber.DecisionDueAt!.Value.AddMinutes(1);
        late.Approve(Martin, null, afterDeadline);
        amber.CloseWithApprovedDecision(late, afterDeadline);
        amber.DecidedWithinDeadline.ShouldBe(false);

        var blue = ReadyForDecision(BragRating.Blue);
        var decision = Submitted(blue,
            Proposal(BragRating.Blue, outcome: DecisionOutcome.NoFurtherAction, handover: null, level: ThresholdLevel.Universal));
        decision.Approve(Martin, null, Received.AddDays(10));
        blue.CloseWithApprovedDecision(decision, Received.AddDays(10));
        blue.DecidedWithinDeadline.ShouldBeNull();
    }

    [Fact]
    public void A_final_rating_that_differs_from_screening_needs_a_reason_and_joins_the_rating_history()
    {
        var mashCase = ReadyForDecision();

        Should.Throw<CaseRuleException>(() => CaseDecision.Propose(mashCase, Proposal(BragRating.Red), 1, Priya, Received.AddHours(1)));
        var decision = Submitted(mashCase, Proposal(BragRating.Red, "Police now report a weapon in the home."));

        decision.RatingChangeReason.ShouldBe("Police now report a weapon in the home.");
        mashCase.Rating.ShouldBe(BragRating.Red);
        mashCase.RatingHistory[^1].PreviousRating.ShouldBe(BragRating.Amber);
        mashCase.RatingHistory[^1].Reason.ShouldBe("Police now report a weapon in the home.");
        mashCase.DecisionDueAt.ShouldBe(Clock.DeadlineFor(Received, BragRating.Red)!.Value.ToUniversalTime());
    }

    [Fact]
    public void Without_consent_the_lawful_basis_is_required()
    {
        var mashCase = ReadyForDecision();

        Should.Throw<CaseRuleException>(() => CaseDecision.Propose(mashCase, Proposal(consent: false), 1, Priya, Received))
            .Message.ShouldContain("lawful basis");
        var decision = CaseDecision.Propose(mashCase, Proposal(consent: false, basis: LawfulBasis.SafeguardingChildrenWithoutConsent), 1,
            Priya, Received);
        decision.LawfulBasis.ShouldBe(LawfulBasis.SafeguardingChildrenWithoutConsent);

        CaseDecision.Propose(mashCase, Proposal(consent: true, basis: LawfulBasis.Section47Duty), 1, Priya, Received)
            .LawfulBasis.ShouldBeNull();
    }

    [Fact]
    public void Factor_codes_must_be_census_codes_and_statutory_outcomes_name_the_team_handed_to()
    {
        var mashCase = ReadyForDecision();

        Should.Throw<CaseRuleException>(() => CaseDecision.Propose(mashCase, Proposal(factors: ["16A", "99Z"]), 1, Priya, Received))
            .Message.ShouldContain("99Z");
        Should.Throw<CaseRuleException>(() => CaseDecision.Propose(mashCase, Proposal(handover: " "), 1, Priya, Received));
        CaseDecision.Propose(mashCase, Proposal(outcome: DecisionOutcome.StepDownToEarlyHelp, handover: "ignored"), 1, Priya, Received)
            .HandoverTo.ShouldBeNull();
    }

    [Fact]
    public void Each_child_has_one_outcome_and_the_case_takes_the_most_serious()
    {
        var mashCase = ReadyForDecision();
        var sibling = Guid.NewGuid();
        var only = Proposal(outcome: DecisionOutcome.NoFurtherAction, handover: null);
        var none = only with { Children = [] };
        var twice = only with { Children = [new(Child, DecisionOutcome.NoFurtherAction), new(Child, DecisionOutcome.StrategyDiscussion)] };
        var siblings = only with
        {
            Children = [new(Child, DecisionOutcome.NoFurtherAction), new(sibling, DecisionOutcome.StrategyDiscussion)],
        };

        Should.Throw<CaseRuleException>(() => CaseDecision.Propose(mashCase, none, 1, Priya, Received)).Message.ShouldContain("each child");
        Should.Throw<CaseRuleException>(() => CaseDecision.Propose(mashCase, twice, 1, Priya, Received));
        Should.Throw<CaseRuleException>(() => CaseDecision.Propose(mashCase, siblings, 1, Priya, Received))
            .Message.ShouldContain("which team");
        var decision = CaseDecision.Propose(mashCase, siblings with { HandoverTo = "Northtown assessment team" }, 1, Priya, Received);
        decision.Outcome.ShouldBe(DecisionOutcome.StrategyDiscussion);
        decision.ChildOutcomes.Select(c => c.Outcome).ShouldBe([DecisionOutcome.NoFurtherAction, DecisionOutcome.StrategyDiscussion]);
        decision.HandoverTo.ShouldBe("Northtown assessment team");
    }

    [Fact]
    public void No_decision_before_the_checks_are_done()
    {
        var referral = CompleteReferral.Build();
        referral.Submit("NS-2026-000124", Received, []);
        var mashCase = MashCase.Open(referral, ContactChannel.Portal, Clock);
        mashCase.Claim(Priya, Received);
        mashCase.Rate(BragRating.Amber, "Bruising", Priya, Received, Clock);
        mashCase.ProgressToMashChecks();

        var decision = CaseDecision.Propose(mashCase, Proposal(), 1, Priya, Received.AddHours(1));
        Should.Throw<CaseRuleException>(() => mashCase.SubmitDecision(decision, Clock)).Message.ShouldContain("checklist");
    }

    [Theory]
    [InlineData(DecisionOutcome.NoFurtherAction, true, false)]
    [InlineData(DecisionOutcome.NoFurtherActionWithAdvice, true, false)]
    [InlineData(DecisionOutcome.StepDownToEarlyHelp, true, false)]
    [InlineData(DecisionOutcome.ChildAndFamilyAssessment, false, true)]
    [InlineData(DecisionOutcome.StrategyDiscussion, false, true)]
    [InlineData(DecisionOutcome.ImmediateProtectiveAction, false, true)]
    public void Outcomes_are_either_no_further_action_or_statutory(DecisionOutcome outcome, bool nfa, bool statutory)
    {
        outcome.IsNoFurtherAction().ShouldBe(nfa);
        outcome.IsStatutory().ShouldBe(statutory);
    }

    [Fact]
    public void Census_codes_are_as_the_government_publishes_them()
    {
        PrimaryNeed.N0NotStated.Code().ShouldBe("N0");
        PrimaryNeed.N9NotChildInNeed.Code().ShouldBe("N9");
        CinFactors.IsKnown("3B").ShouldBeTrue();
        CinFactors.IsKnown("24A").ShouldBeTrue();
        CinFactors.IsKnown("7B").ShouldBeFalse();
        CinFactors.All.Select(f => f.Code).ShouldBeUnique();
    }
}
