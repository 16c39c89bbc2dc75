using ThresholdPortal.Domain.Audits;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.UnitTests.Audits;

public sealed class AuditReportTests
{
    private static CaseJudgement Judgement(
        LevelJudgement level = LevelJudgement.Correct, ReferralQuality quality = ReferralQuality.Good, bool consent = true,
        AgenciesJudgement agencies = AgenciesJudgement.Yes, DecisionAgreement agreement = DecisionAgreement.Agree,
        FeedbackJudgement feedback = FeedbackJudgement.Given) =>
        new(level, consent ? [QualityFeature.ConsentSought, QualityFeature.ChildsVoice] : [QualityFeature.ChildsVoice], quality, agencies,
            agreement, feedback, null);

    [Fact]
    public void Each_figure_counts_the_cases_behind_it_overall_and_by_stratum()
    {
        JudgedCase[] cases =
        [
            new("NS-1", AuditStratum.Statutory, Judgement()),
            new("NS-2", AuditStratum.Statutory,
                Judgement(level: LevelJudgement.NotIndicated, quality: ReferralQuality.Poor, consent: false,
                agreement: DecisionAgreement.PartlyAgree)),
            new("NS-3", AuditStratum.ClosedAtContact,
                Judgement(agencies: AgenciesJudgement.NotApplicable, feedback: FeedbackJudgement.NotRequired)),
            new("NS-4", AuditStratum.ClosedAtContact,
                Judgement(level: LevelJudgement.Incorrect, agencies: AgenciesJudgement.NotApplicable,
                feedback: FeedbackJudgement.NotGiven)),
        ];

        var report = AuditReport.Compute(cases, [AuditStratum.Statutory, AuditStratum.ClosedAtContact]);

        var overall = report[0].Measures.ToDictionary(m => m.Name);
        report[0].Stratum.ShouldBeNull();
        overall[AuditReport.LevelCorrect].Met.ShouldBe(["NS-1", "NS-3"]);
        overall[AuditReport.LevelCorrect].NotMet.ShouldBe(["NS-2", "NS-4"]);
        overall[AuditReport.LevelCorrect].Percent.ShouldBe(50);
        overall[AuditReport.GoodQuality].Numerator.ShouldBe(3);
        overall[AuditReport.ConsentRecorded].Numerator.ShouldBe(3);
        overall[AuditReport.RightAgencies].Denominator.ShouldBe(2); // not applicable is left out
        overall[AuditReport.Agreement].Met.ShouldBe(["NS-1", "NS-3", "NS-4"]);
        overall[AuditReport.FeedbackGiven].Met.ShouldBe(["NS-1", "NS-2"]);
        overall[AuditReport.FeedbackGiven].Denominator.ShouldBe(3);
        overall[AuditReport.FeedbackGiven].Percent.ShouldBe(67);

        var contact = report.Single(s => s.Stratum == AuditStratum.ClosedAtContact);
        contact.Cases.ShouldBe(2);
        var agencies = contact.Measures.Single(m => m.Name == AuditReport.RightAgencies);
        agencies.Denominator.ShouldBe(0);
        agencies.Percent.ShouldBeNull();
    }

    [Fact]
    public void The_seed_audits_figure_rounds_as_they_reported_it()
    {
        new AuditMeasure("Agreement", [.. Enumerable.Range(1, 44).Select(i => $"{i}")], [.. Enumerable.Range(45, 7).Select(i => $"{i}")])
            .Percent.ShouldBe(86);
    }

    [Fact]
    public void Strata_follow_the_decision_outcome()
    {
        AuditStratumExtensions.StratumOf(Domain.Decisions.DecisionOutcome.StrategyDiscussion, ContactOutcome.ProgressToMashChecks)
            .ShouldBe(AuditStratum.Statutory);
        AuditStratumExtensions.StratumOf(Domain.Decisions.DecisionOutcome.StepDownToEarlyHelp, ContactOutcome.ProgressToMashChecks)
            .ShouldBe(AuditStratum.EarlyHelp);
        AuditStratumExtensions.StratumOf(Domain.Decisions.DecisionOutcome.NoFurtherActionWithAdvice, ContactOutcome.ProgressToMashChecks)
            .ShouldBe(AuditStratum.NoFurtherAction);
        AuditStratumExtensions.StratumOf(null, ContactOutcome.ClosedAtContact).ShouldBe(AuditStratum.ClosedAtContact);
        AuditStratumExtensions.StratumOf(null, ContactOutcome.ProgressToMashChecks).ShouldBeNull();
    }
}
