using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.UnitTests.Decisions;

public sealed class FeedbackTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static readonly EarlyHelpService FamilyHub = new()
    {
        Name = "Northtown Family Hub", Offer = "Parenting support and drop-ins.", MinimumAge = 0, MaximumAge = 11,
        Area = "Northtown", HowToAccess = "Call 01234 567890.",
    };

    private static CaseDecision Decision(DecisionOutcome outcome, ThresholdLevel level) => new()
    {
        CaseId = Guid.NewGuid(), Revision = 1, Rating = BragRating.Green, Level = level, Outcome = outcome,
        PrimaryNeed = PrimaryNeed.N4FamilyInAcuteStress, Rationale = InternalRationale,
        ReasonsForReferrer = "The family has asked for help and there is no sign of harm.",
    };

    /// <summary>What the MASH knows from partner agencies: never for the referrer.</summary>
    private const string InternalRationale = "Police told us of two incidents at the address; the mother is on bail (marker-7Q2).";

    private static string LevelName(ThresholdLevel level) => level switch
    {
        ThresholdLevel.Universal => "Universal",
        ThresholdLevel.EarlyHelp => "Early help",
        ThresholdLevel.Targeted => "Targeted",
        _ => "Specialist",
    };

    [Fact]
    public void Below_the_threshold_the_draft_suggests_early_help_services_and_explains_a_lower_level()
    {
        var draft = FeedbackDraft.From(Decision(DecisionOutcome.StepDownToEarlyHelp, ThresholdLevel.EarlyHelp), ThresholdLevel.Targeted,
            LevelName, [FamilyHub], []);

        draft.OutcomeSummary.ShouldBe(DecisionOutcome.StepDownToEarlyHelp.PlainWords());
        draft.Reasons.ShouldBe("The family has asked for help and there is no sign of harm.");
        new[] { draft.OutcomeSummary, draft.Reasons, draft.LevelExplanation, draft.OtherSupport }
            .ShouldAllBe(text => text == null || !text.Contains("marker-7Q2"));
        draft.LevelExplanation.ShouldStartWith("You indicated level 3 (Targeted). The MASH applied a lower level, level 2 (Early help)");
        draft.OtherSupport.ShouldNotBeNull()
            .ShouldContain("Northtown Family Hub (Northtown, ages 0 to 11): Parenting support and drop-ins. Call 01234 567890.");
    }

    [Fact]
    public void At_the_statutory_threshold_the_draft_offers_no_other_support_and_agreement_is_said_plainly()
    {
        var draft = FeedbackDraft.From(Decision(DecisionOutcome.ChildAndFamilyAssessment, ThresholdLevel.Targeted), ThresholdLevel.Targeted,
            LevelName, [FamilyHub], []);

        draft.LevelExplanation.ShouldBe("You indicated level 3 (Targeted), and the MASH agreed.");
        draft.OtherSupport.ShouldBeNull();
    }

    [Fact]
    public void Feedback_is_sent_once_and_the_referrer_acknowledges_or_disagrees_once()
    {
        var feedback = new ReferrerFeedback
        {
            CaseId = Guid.NewGuid(), OutcomeSummary = "x", Reasons = "y", LevelExplanation = "z", ContactName = "Priya Shah",
                ContactDetails = "01234 000000",
        };
        Should.Throw<CaseRuleException>(() => feedback.Acknowledge(At));

        Should.Throw<CaseRuleException>(() => feedback.Send(FeedbackMethod.Portal, ThirdPartyCheck.NotConfirmed, Guid.NewGuid(), At));
        feedback.State.ShouldBe(FeedbackState.Draft);
        feedback.Send(FeedbackMethod.Portal, ThirdPartyCheck.NoneFound, Guid.NewGuid(), At);
        Should.Throw<CaseRuleException>(() => feedback.Send(FeedbackMethod.Portal, ThirdPartyCheck.NoneFound, Guid.NewGuid(), At));
        feedback.State.ShouldBe(FeedbackState.Sent);

        Should.Throw<CaseRuleException>(() => Escalation.Raise(feedback, " ", Guid.NewGuid(), At, At.AddDays(5)));
        var escalation = Escalation.Raise(feedback, "The child disclosed again today.", Guid.NewGuid(), At.AddHours(1), At.AddDays(5));
        feedback.State.ShouldBe(FeedbackState.Disagreed);
        Should.Throw<CaseRuleException>(() => feedback.Acknowledge(At.AddHours(2)));

        escalation.IsOpen.ShouldBeTrue();
        escalation.Answer(EscalationResult.Changed, "We will now carry out an assessment.", Guid.NewGuid(), At.AddDays(1));
        escalation.IsOpen.ShouldBeFalse();
        Should.Throw<CaseRuleException>(() => escalation.Answer(EscalationResult.Upheld, "No", Guid.NewGuid(), At.AddDays(2)));
    }

    [Fact]
    public void Feedback_given_by_phone_or_letter_needs_no_acknowledgement_in_the_portal()
    {
        var feedback = new ReferrerFeedback
        {
            CaseId = Guid.NewGuid(), OutcomeSummary = "x", Reasons = "y", LevelExplanation = "z", ContactName = "Priya Shah",
                ContactDetails = "01234 000000",
        };

        feedback.Send(FeedbackMethod.Phone, ThirdPartyCheck.NoneFound, Guid.NewGuid(), At);

        feedback.State.ShouldBe(FeedbackState.Acknowledged);
        feedback.RespondedAt.ShouldBe(At);
    }
}
