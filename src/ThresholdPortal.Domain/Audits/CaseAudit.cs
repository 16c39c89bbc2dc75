using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Domain.Audits;

public enum CaseAuditStatus
{
    Open,
    Completed,
}

/// <summary>
/// A case audit: a reproducible random sample of cases closed in a period, drawn per stratum from the
/// recorded seed, and the auditor's judgement of each. Completing the audit locks its judgements.
/// </summary>
public class CaseAudit
{
    public const int TitleMaxLength = 200;
    public const int MaxCasesPerStratum = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Title { get; init; }
    public DateOnly PeriodFrom { get; init; }
    public DateOnly PeriodTo { get; init; }
    public List<AuditStratum> Strata { get; init; } = [];
    public int CasesPerStratum { get; init; }
    public long Seed { get; init; }
    public Guid CreatedByUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public CaseAuditStatus Status { get; private set; } = CaseAuditStatus.Open;
    public Guid? CompletedByUserId { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public List<AuditedCase> Cases { get; init; } = [];

    /// <summary>PostgreSQL's xmin: completing refuses a stale page.</summary>
    public uint Version { get; private set; }

    /// <summary>
    /// Creates the audit and draws its sample: for each stratum, <paramref name="casesPerStratum"/> cases
    /// from that stratum's population (case ids; ordered here by id, so the caller's order never matters).
    /// </summary>
    public static CaseAudit Create(
        string title, DateOnly from, DateOnly to, IReadOnlyCollection<AuditStratum> strata, int casesPerStratum, long seed,
        IReadOnlyDictionary<AuditStratum, IReadOnlyList<Guid>> populations, Guid byUserId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(strata);
        ArgumentNullException.ThrowIfNull(populations);
        if (to < from)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(to));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(casesPerStratum, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(casesPerStratum, MaxCasesPerStratum);
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        var audit = new CaseAudit
        {
            Title = title.Trim(),
            PeriodFrom = from,
            PeriodTo = to,
            Strata = [.. strata.Distinct().Order()],
            CasesPerStratum = casesPerStratum,
            Seed = seed,
            CreatedByUserId = byUserId,
            CreatedAt = at,
        };
        foreach (var stratum in audit.Strata)
        {
            var population = populations.TryGetValue(stratum, out var ids) ? ids.Distinct().Order().ToList() : [];
            var drawn = AuditSampler.Draw(population, casesPerStratum, AuditSampler.StratumSeed(seed, stratum));
            audit.Cases.AddRange(drawn.Select((caseId, i) =>
                new AuditedCase { AuditId = audit.Id, CaseId = caseId, Stratum = stratum, Position = i + 1 }));
        }

        return audit;
    }

    public bool IsCompleted => Status == CaseAuditStatus.Completed;

    /// <summary>Records (or corrects) the judgement of a sampled case; refused once the audit is completed.</summary>
    public void Judge(AuditedCase audited, CaseJudgement judgement, Guid byUserId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(audited);
        EnsureOpen();
        if (audited.AuditId != Id)
        {
            throw new ArgumentException("The case is not in this audit's sample.", nameof(audited));
        }

        audited.Record(judgement, byUserId, at);
    }

    /// <summary>Locks the audit: only when every sampled case is judged.</summary>
    public void Complete(Guid byUserId, DateTimeOffset at)
    {
        EnsureOpen();
        var waiting = Cases.Count(c => !c.IsJudged);
        if (waiting > 0)
        {
            throw new CaseRuleException($"Judge every case before completing the audit: {waiting} still to judge.");
        }

        Status = CaseAuditStatus.Completed;
        CompletedByUserId = byUserId;
        CompletedAt = at;
    }

    private void EnsureOpen()
    {
        if (IsCompleted)
        {
            throw new CaseRuleException("This audit is completed: its judgements can no longer change.");
        }
    }
}

/// <summary>A case in an audit's sample, and the auditor's judgement once recorded.</summary>
public class AuditedCase
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AuditId { get; init; }
    public Guid CaseId { get; init; }
    public AuditStratum Stratum { get; init; }

    /// <summary>The order drawn within the stratum, from 1.</summary>
    public int Position { get; init; }

    public LevelJudgement? Level { get; private set; }
    public List<QualityFeature> Features { get; private set; } = [];
    public ReferralQuality? Quality { get; private set; }
    public AgenciesJudgement? Agencies { get; private set; }
    public DecisionAgreement? Agreement { get; private set; }
    public FeedbackJudgement? Feedback { get; private set; }
    public string? Comments { get; private set; }
    public Guid? JudgedByUserId { get; private set; }
    public DateTimeOffset? JudgedAt { get; private set; }

    /// <summary>PostgreSQL's xmin: a judgement saved over another's is refused.</summary>
    public uint Version { get; private set; }

    public bool IsJudged => JudgedAt is not null;

    public CaseJudgement? Judgement => IsJudged
        ? new CaseJudgement(Level!.Value, Features, Quality!.Value, Agencies!.Value, Agreement!.Value, Feedback!.Value, Comments)
        : null;

    internal void Record(CaseJudgement judgement, Guid byUserId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        if (judgement.Comments is { Length: > CaseJudgement.CommentsMaxLength })
        {
            throw new ArgumentException("The comments are too long.", nameof(judgement));
        }

        Level = judgement.Level;
        Features = [.. judgement.Features.Distinct().Order()];
        Quality = judgement.Quality;
        Agencies = judgement.Agencies;
        Agreement = judgement.Agreement;
        Feedback = judgement.Feedback;
        Comments = string.IsNullOrWhiteSpace(judgement.Comments) ? null : judgement.Comments.Trim();
        JudgedByUserId = byUserId;
        JudgedAt = at;
    }
}
