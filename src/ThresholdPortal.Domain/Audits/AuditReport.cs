namespace ThresholdPortal.Domain.Audits;

/// <summary>A judged case as the report counts it: the reference stands for the case in every list.</summary>
public sealed record JudgedCase(string Reference, AuditStratum Stratum, CaseJudgement Judgement);

/// <summary>
/// One figure: the cases that met it out of the cases it applies to, with the references behind both, so
/// a reader can check any percentage against the cases.
/// </summary>
public sealed record AuditMeasure(string Name, IReadOnlyList<string> Met, IReadOnlyList<string> NotMet)
{
    public int Numerator => Met.Count;
    public int Denominator => Met.Count + NotMet.Count;

    /// <summary>Whole per cent, rounded half away from zero as the seed audits report; null when nothing applies.</summary>
    public int? Percent => Denominator == 0 ? null : (int)Math.Round(100m * Numerator / Denominator, MidpointRounding.AwayFromZero);
}

public sealed record AuditReportSection(AuditStratum? Stratum, int Cases, IReadOnlyList<AuditMeasure> Measures);

/// <summary>
/// The figures the threshold audits computed by hand (docs/decisions/0077): the referrer's level correct,
/// good quality, consent recorded, the right agencies contacted, agreement with the decision and feedback
/// given; overall and per stratum. A case judged "not applicable" for a figure is left out of that
/// figure's denominator, as the audits counted "eligible cases".
/// </summary>
public static class AuditReport
{
    public const string LevelCorrect = "Referrer's level correct";
    public const string GoodQuality = "Good quality referral";
    public const string ConsentRecorded = "Consent sought and recorded";
    public const string RightAgencies = "Right agencies contacted";
    public const string Agreement = "Auditor agrees with the decision";
    public const string FeedbackGiven = "Feedback given to the referrer";

    public static IReadOnlyList<AuditReportSection> Compute(IReadOnlyCollection<JudgedCase> cases, IReadOnlyList<AuditStratum> strata)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(strata);
        var sections = new List<AuditReportSection> { Section(null, cases) };
        sections.AddRange(strata.Select(s => Section(s, [.. cases.Where(c => c.Stratum == s)])));
        return sections;
    }

    private static AuditReportSection Section(AuditStratum? stratum, IReadOnlyCollection<JudgedCase> cases) => new(stratum, cases.Count,
    [
        Measure(LevelCorrect, cases, j => j.Level == LevelJudgement.Correct),
        Measure(GoodQuality, cases, j => j.Quality == ReferralQuality.Good),
        Measure(ConsentRecorded, cases, j => j.Features.Contains(QualityFeature.ConsentSought)),
        Measure(RightAgencies, cases, j => j.Agencies == AgenciesJudgement.Yes, j => j.Agencies != AgenciesJudgement.NotApplicable),
        Measure(Agreement, cases, j => j.Agreement == DecisionAgreement.Agree),
        Measure(FeedbackGiven, cases, j => j.Feedback == FeedbackJudgement.Given, j => j.Feedback != FeedbackJudgement.NotRequired),
    ]);

    private static AuditMeasure Measure(string name, IEnumerable<JudgedCase> cases, Func<CaseJudgement, bool> met, Func<CaseJudgement,
        bool>? applies = null)
    {
        var counted = cases.Where(c => applies?.Invoke(c.Judgement) ?? true).OrderBy(c => c.Reference, StringComparer.Ordinal).ToList();
        return new AuditMeasure(name,
            [.. counted.Where(c => met(c.Judgement)).Select(c => c.Reference)],
            [.. counted.Where(c => !met(c.Judgement)).Select(c => c.Reference)]);
    }
}
