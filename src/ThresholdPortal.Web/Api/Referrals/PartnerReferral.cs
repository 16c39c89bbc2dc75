using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.Web.Api.Referrals;

/// <summary>
/// A referral as a partner system sends it (<c>POST /api/v1/referrals</c>): the pages' questions, grouped as the task list
/// groups them. Every answer goes through the same command and validator as the page that asks it (docs/api.md).
/// </summary>
public sealed record PartnerReferral
{
    public PartnerScreening? Screening { get; init; }
    public PartnerReferrer? Referrer { get; init; }
    public IReadOnlyList<PartnerChild>? Children { get; init; }
    public PartnerCategories? Categories { get; init; }

    /// <summary>The level the referrer judges, 1 to 4; the guidance's own suggestion comes back in the answer.</summary>
    public int? ChosenLevel { get; init; }

    /// <summary>Needed only when the chosen level is 1 or 2, where early help is offered first.</summary>
    public PartnerEarlyHelp? EarlyHelp { get; init; }

    public IReadOnlyList<PartnerAdult>? Adults { get; init; }
    public PartnerConcerns? Concerns { get; init; }
    public PartnerConsent? Consent { get; init; }
    public PartnerCommunication? Communication { get; init; }
    public IReadOnlyList<PartnerAttachment>? Attachments { get; init; }
}

public sealed record PartnerScreening(bool? ChildInImmediateDanger, FgmConcern? Fgm, ReferrerProfession? Profession);

/// <summary>The professional who made the referral in the partner's system: the MASH calls them, not the system.</summary>
public sealed record PartnerReferrer(string? Name, string? JobTitle, string? Email, string? Phone);

public sealed record PartnerChild
{
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public bool Unborn { get; init; }

    /// <summary>yyyy-mm-dd.</summary>
    public string? DateOfBirth { get; init; }

    /// <summary>yyyy-mm-dd, for an unborn baby.</summary>
    public string? ExpectedDate { get; init; }

    public ChildGender? Gender { get; init; }
    public PartnerAddress? Address { get; init; }
    public string? SchoolOrSetting { get; init; }
    public string? NhsNumber { get; init; }
    public string? Upn { get; init; }

    /// <summary>The census's sex codes: M, F, U.</summary>
    public string? Sex { get; init; }

    /// <summary>A DfE ethnicity code, such as WBRI.</summary>
    public string? Ethnicity { get; init; }

    /// <summary>DfE disability codes, such as AUT.</summary>
    public IReadOnlyList<string>? Disabilities { get; init; }

    public string? FirstLanguage { get; init; }
    public bool? InterpreterNeeded { get; init; }
    public string? HowConcernsAffectChild { get; init; }
    public string? ChildsVoice { get; init; }
    public string? SiblingsExperiences { get; init; }

    /// <summary>Indicator codes of the threshold document in force, such as "2.3".</summary>
    public IReadOnlyList<string>? Indicators { get; init; }
}

public sealed record PartnerAddress(string? Line1, string? Line2, string? Town, string? Postcode, string? Uprn);

public sealed record PartnerCategories
{
    /// <summary>Keys of the categories of concern, such as "neglect" or "cse"; empty for none.</summary>
    public IReadOnlyList<string>? Codes { get; init; }

    public string? CseDetails { get; init; }
    public string? CsePeopleAndPlaces { get; init; }
    public bool? CseRiskToolCompleted { get; init; }
    public string? CceDetails { get; init; }
    public bool? FgmReportedToPolice { get; init; }
    public string? FgmPoliceReference { get; init; }
    public string? MissingDetails { get; init; }
    public bool? DashCompleted { get; init; }
    public string? OtherDetails { get; init; }
}

public sealed record PartnerEarlyHelp(EarlyHelpChoice? Choice, string? ReasonForMashReferral);

public sealed record PartnerAdult
{
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? Relationship { get; init; }
    public bool? LivesWithChildren { get; init; }

    /// <summary>yyyy-mm-dd, if known.</summary>
    public string? DateOfBirth { get; init; }

    public bool? KnowsAboutReferral { get; init; }
}

public sealed record PartnerConcerns
{
    public string? WhatHappened { get; init; }
    public string? RiskFactors { get; init; }
    public string? ProtectiveFactors { get; init; }
    public string? Analysis { get; init; }
    public string? ExpectedOutcome { get; init; }
    public string? History { get; init; }
    public string? PreviousHelp { get; init; }
    public string? OtherProfessionals { get; init; }
}

public sealed record PartnerConsent(ConsentDecision? Decision, string? Reason, InformationSharingBasis? SharingBasis);

public sealed record PartnerCommunication(bool? InterpreterNeeded, string? Language, bool? HasCommunicationNeeds,
    string? CommunicationNeedsDetails);

/// <summary>A file, checked by its content as an upload through the page is.</summary>
public sealed record PartnerAttachment(AttachmentKind? Kind, string? Description, string? FileName, string? ContentBase64);

/// <summary>The answer to a referral the portal stored: what a partner system keeps, and what it shows its user.</summary>
public sealed record PartnerReferralReceipt(
    string Reference,
    DateTimeOffset ReceivedAt,
    string Kind,
    int SuggestedLevel,
    IReadOnlyList<string> SuggestionReasons,
    int ChosenLevel,
    IReadOnlyList<PartnerQualityFlag> QualityFlags);

/// <summary>Advice on the referral's quality, as check answers gives it; never a refusal. ChildIndex is within "children".</summary>
public sealed record PartnerQualityFlag(string Kind, string Answer, int? ChildIndex, string Message);
