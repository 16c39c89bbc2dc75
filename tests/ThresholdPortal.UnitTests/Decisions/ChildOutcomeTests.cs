using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.UnitTests.Decisions;

/// <summary>Outcomes per child, and the case's outcome derived from them (docs/decisions/0092).</summary>
public sealed class ChildOutcomeTests
{
    private static readonly Guid Amy = Guid.NewGuid();
    private static readonly Guid Ben = Guid.NewGuid();
    private static readonly Guid Cara = Guid.NewGuid();

    private static CaseDecision Decision(params ChildOutcome[] children) => new()
    {
        CaseId = Guid.NewGuid(), Revision = 1, Rating = BragRating.Amber, Level = ThresholdLevel.Targeted,
        Outcome = ChildOutcome.CaseOutcome(children), ChildOutcomes = [.. children], PrimaryNeed = PrimaryNeed.N1AbuseOrNeglect,
        Rationale = "Internal reasons.", ReasonsForReferrer = "Reasons the referrer may know.",
    };

    private static readonly FeedbackDraft.NamedChild[] Names =
        [new(Amy, "Amy Example"), new(Ben, "Ben Example"), new(Cara, "Cara Example")];

    [Theory]
    [InlineData(DecisionOutcome.NoFurtherAction, DecisionOutcome.StrategyDiscussion, DecisionOutcome.StrategyDiscussion)]
    [InlineData(DecisionOutcome.StepDownToEarlyHelp, DecisionOutcome.NoFurtherActionWithAdvice, DecisionOutcome.StepDownToEarlyHelp)]
    [InlineData(DecisionOutcome.NoFurtherActionWithAdvice, DecisionOutcome.NoFurtherAction, DecisionOutcome.NoFurtherActionWithAdvice)]
    [InlineData(DecisionOutcome.ImmediateProtectiveAction, DecisionOutcome.ChildAndFamilyAssessment,
        DecisionOutcome.ImmediateProtectiveAction)]
    [InlineData(DecisionOutcome.ChildAndFamilyAssessment, DecisionOutcome.StepDownToEarlyHelp, DecisionOutcome.ChildAndFamilyAssessment)]
    [InlineData(DecisionOutcome.NoFurtherAction, DecisionOutcome.NoFurtherAction, DecisionOutcome.NoFurtherAction)]
    public void The_case_takes_the_most_serious_of_its_childrens_outcomes(DecisionOutcome first, DecisionOutcome second,
        DecisionOutcome expected)
    {
        ChildOutcome.CaseOutcome([new(Amy, first), new(Ben, second)]).ShouldBe(expected);
        ChildOutcome.CaseOutcome([new(Ben, second), new(Amy, first)]).ShouldBe(expected);
    }

    [Fact]
    public void Every_outcome_has_its_own_seriousness_from_no_further_action_up_to_immediate_protection()
    {
        var ranked = DecisionOutcomeExtensions.All.OrderBy(o => o.Seriousness()).ToList();

        ranked.Select(o => o.Seriousness()).Distinct().Count().ShouldBe(DecisionOutcomeExtensions.All.Count);
        ranked[0].ShouldBe(DecisionOutcome.NoFurtherAction);
        ranked[^1].ShouldBe(DecisionOutcome.ImmediateProtectiveAction);
        ranked.TakeWhile(o => o.IsNoFurtherAction()).Count().ShouldBe(3, "every no-further-action outcome is below every statutory one");
    }

    [Fact]
    public void A_case_with_no_child_has_no_outcome() =>
        Should.Throw<ArgumentException>(() => ChildOutcome.CaseOutcome([]));

    [Fact]
    public void One_sibling_to_a_strategy_discussion_makes_the_case_statutory_and_not_no_further_action()
    {
        var decision = Decision(new(Amy, DecisionOutcome.StrategyDiscussion), new(Ben, DecisionOutcome.NoFurtherAction));

        decision.Outcome.IsStatutory().ShouldBeTrue();
        decision.Outcome.IsNoFurtherAction().ShouldBeFalse();
        decision.OutcomeFor(Ben).ShouldBe(DecisionOutcome.NoFurtherAction);
        decision.OutcomeFor(Amy).ShouldBe(DecisionOutcome.StrategyDiscussion);
        decision.OutcomesDiffer.ShouldBeTrue();
        decision.StepsDownAChild.ShouldBeFalse();
    }

    [Fact]
    public void A_sibling_stepped_down_beside_an_assessment_still_goes_to_the_early_help_hub()
    {
        var decision = Decision(new(Amy, DecisionOutcome.ChildAndFamilyAssessment), new(Ben, DecisionOutcome.StepDownToEarlyHelp));

        decision.Outcome.ShouldBe(DecisionOutcome.ChildAndFamilyAssessment);
        decision.StepsDownAChild.ShouldBeTrue();
    }

    [Fact]
    public void The_referrer_is_told_each_childs_outcome_the_most_serious_first_and_alike_outcomes_together()
    {
        var decision = Decision(new(Amy, DecisionOutcome.NoFurtherAction), new(Ben, DecisionOutcome.StrategyDiscussion),
            new(Cara, DecisionOutcome.NoFurtherAction));

        FeedbackDraft.OutcomeSummary(decision, Names).ShouldBe(
            $"Ben Example: {DecisionOutcome.StrategyDiscussion.PlainWords()}\n\n" +
            $"Amy Example and Cara Example: {DecisionOutcome.NoFurtherAction.PlainWords()}");
    }

    [Fact]
    public void An_only_child_is_told_the_outcome_without_their_name() =>
        FeedbackDraft.OutcomeSummary(Decision(new ChildOutcome(Amy, DecisionOutcome.ChildAndFamilyAssessment)), Names[..1])
            .ShouldBe(DecisionOutcome.ChildAndFamilyAssessment.PlainWords());
}
