namespace ThresholdPortal.Domain.Referrals.Quality;

/// <summary>What a quality flag is about. Stored by name, so never rename a value.</summary>
public enum QualityFlagKind
{
    UnexplainedAcronym,
    UnknownTerm,
    NameSpelledDifferently,
    ConcernsTooShort,
    ConcernsTooLong,
    NoChildsVoice,
    NoConsentDecision,
    LevelDiffersWithoutAnalysis,
}

/// <summary>The answer a flag points at, so the check answers page can link straight to it. Stored by name.</summary>
public enum AnswerField
{
    ChildName,
    HowConcernsAffectChild,
    ChildsVoice,
    SiblingsExperiences,
    WhatHappened,
    Analysis,
    RiskFactors,
    ProtectiveFactors,
    History,
    PreviousHelp,
    OtherProfessionals,
    ExpectedOutcome,
    CseDetails,
    CsePeopleAndPlaces,
    CceDetails,
    MissingDetails,
    OtherCategoryDetails,
    ReasonForMashReferral,
    ConsentDecision,
    ConsentReason,
    CommunicationNeeds,
}

/// <summary>
/// One thing that would make the referral harder for the MASH to act on. Advice, never a block: the
/// referrer may send it anyway, and the flag is kept with the referral.
/// </summary>
public sealed record QualityFlag(QualityFlagKind Kind, AnswerField Field, Guid? ChildId, string Message, string? Term = null);

/// <summary>One free-text answer of a referral, with where it lives.</summary>
public sealed record TextAnswer(AnswerField Field, Guid? ChildId, string? Text);
