using ThresholdPortal.Domain.Audits;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.UnitTests.Audits;

public sealed class CaseAuditTests
{
    private static readonly Guid Ade = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static readonly CaseJudgement Judged = new(LevelJudgement.Correct, [QualityFeature.ChildsVoice], ReferralQuality.Good,
        AgenciesJudgement.Yes, DecisionAgreement.Agree, FeedbackJudgement.Given, "Clear referral");

    private static CaseAudit Create(long seed, IReadOnlyList<Guid> statutory, IReadOnlyList<Guid> earlyHelp, int perStratum = 3) =>
        CaseAudit.Create("Autumn audit", new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31),
            [AuditStratum.EarlyHelp, AuditStratum.Statutory], perStratum, seed,
            new Dictionary<AuditStratum,
                IReadOnlyList<Guid>> { [AuditStratum.Statutory] = statutory, [AuditStratum.EarlyHelp] = earlyHelp }, Ade, At);

    [Fact]
    public void The_sample_does_not_depend_on_the_order_the_population_was_read_in()
    {
        var statutory = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        var earlyHelp = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();

        var first = Create(1234, statutory, earlyHelp);
        var second = Create(1234, [.. Enumerable.Reverse(statutory)], [.. Enumerable.Reverse(earlyHelp)]);

        second.Cases.Select(c => (c.Stratum, c.CaseId, c.Position)).ShouldBe(first.Cases.Select(c => (c.Stratum, c.CaseId, c.Position)));
        first.Cases.Count.ShouldBe(6);
        first.Cases.Where(c => c.Stratum == AuditStratum.Statutory).ShouldAllBe(c => statutory.Contains(c.CaseId));
    }

    [Fact]
    public void A_completed_audit_refuses_judgements()
    {
        var audit = Create(1, [Guid.NewGuid()], []);
        audit.Judge(audit.Cases[0], Judged, Ade, At);
        audit.Complete(Ade, At);

        Should.Throw<CaseRuleException>(() => audit.Judge(audit.Cases[0], Judged, Ade, At)).Message.ShouldContain("completed");
    }

    [Fact]
    public void An_audit_completes_only_when_every_case_is_judged()
    {
        var audit = Create(1, [Guid.NewGuid(), Guid.NewGuid()], []);
        audit.Judge(audit.Cases[0], Judged, Ade, At);

        Should.Throw<CaseRuleException>(() => audit.Complete(Ade, At)).Message.ShouldContain("1 still to judge");
        audit.Status.ShouldBe(CaseAuditStatus.Open);
    }
}
