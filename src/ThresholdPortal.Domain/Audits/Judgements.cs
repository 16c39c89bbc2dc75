namespace ThresholdPortal.Domain.Audits;

// The auditor's answers about one sampled case. All stored by name, so never rename a value.

/// <summary>Did the referrer indicate the right level on the continuum of need?</summary>
public enum LevelJudgement
{
    /// <summary>The right level, or a referrer with only one route (a member of the public, anonymous).</summary>
    Correct,
    Incorrect,
    NotIndicated,
}

/// <summary>The referral's overall quality.</summary>
public enum ReferralQuality
{
    Good,
    Adequate,
    Poor,
}

/// <summary>Did the MASH contact the right agencies? Not applicable where no checks were due (closed at contact).</summary>
public enum AgenciesJudgement
{
    Yes,
    No,
    NotApplicable,
}

/// <summary>Does the auditor agree with the MASH's decision?</summary>
public enum DecisionAgreement
{
    Agree,
    PartlyAgree,
    Disagree,
}

/// <summary>Was the referrer told the outcome? Not required where no feedback was owed (an anonymous contact).</summary>
public enum FeedbackJudgement
{
    Given,
    NotGiven,
    NotRequired,
}

/// <summary>
/// What a good referral contains: the Ofsted thematic inspection's features, and what the threshold audits
/// added. The auditor ticks those present.
/// </summary>
public enum QualityFeature
{
    ConcernsAndRationale,
    ThresholdLevelAndWhy,
    ImpactOnEachChild,
    ConsentSought,
    ContextAndHistory,
    RiskAndProtectiveBalance,
    OtherProfessionalsViews,
    LanguageNeeds,
    ChildsVoice,
    SiblingsExperiences,
    RiskAssessmentsAttached,
    NoUnexplainedAcronyms,
    ConsistentNames,
    ExpectedOutcome,
}

public static class JudgementText
{
    public static IReadOnlyList<QualityFeature> AllFeatures { get; } = Enum.GetValues<QualityFeature>();

    public static string DisplayName(this QualityFeature feature) => feature switch
    {
        QualityFeature.ConcernsAndRationale => "Concerns about the child and the reason for referring",
        QualityFeature.ThresholdLevelAndWhy => "The threshold level and why",
        QualityFeature.ImpactOnEachChild => "How the concerns affect each child in the family",
        QualityFeature.ConsentSought => "Concerns discussed with the parent and consent sought (or why not)",
        QualityFeature.ContextAndHistory => "Context and history, including how well previous help worked",
        QualityFeature.RiskAndProtectiveBalance => "A balance of risk and protective factors",
        QualityFeature.OtherProfessionalsViews => "The views of other professionals",
        QualityFeature.LanguageNeeds => "Language barriers or the need for an interpreter identified",
        QualityFeature.ChildsVoice => "The child's own voice",
        QualityFeature.SiblingsExperiences => "Siblings' experiences",
        QualityFeature.RiskAssessmentsAttached => "Risk assessments attached (DASH, Graded Care Profile, EHA, CSE/CCE tools)",
        QualityFeature.NoUnexplainedAcronyms => "No unexplained acronyms or jargon",
        QualityFeature.ConsistentNames => "Names spelled consistently",
        QualityFeature.ExpectedOutcome => "What the referrer expects to happen",
        _ => throw new ArgumentOutOfRangeException(nameof(feature), feature, null),
    };

    public static string DisplayName(this LevelJudgement value) => value switch
    {
        LevelJudgement.Correct => "Yes",
        LevelJudgement.Incorrect => "No, the wrong level",
        LevelJudgement.NotIndicated => "No level indicated",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string DisplayName(this ReferralQuality value) => value.ToString();

    public static string DisplayName(this AgenciesJudgement value) => value switch
    {
        AgenciesJudgement.Yes => "Yes",
        AgenciesJudgement.No => "No",
        AgenciesJudgement.NotApplicable => "Not applicable: no checks were due",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string DisplayName(this DecisionAgreement value) => value switch
    {
        DecisionAgreement.Agree => "Yes",
        DecisionAgreement.PartlyAgree => "Partly",
        DecisionAgreement.Disagree => "No",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string DisplayName(this FeedbackJudgement value) => value switch
    {
        FeedbackJudgement.Given => "Yes",
        FeedbackJudgement.NotGiven => "No",
        FeedbackJudgement.NotRequired => "Not required: no referrer to tell",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };
}

/// <summary>One auditor's judgement of one case.</summary>
public sealed record CaseJudgement(
    LevelJudgement Level,
    IReadOnlyList<QualityFeature> Features,
    ReferralQuality Quality,
    AgenciesJudgement Agencies,
    DecisionAgreement Agreement,
    FeedbackJudgement Feedback,
    string? Comments)
{
    public const int CommentsMaxLength = 4000;
}
