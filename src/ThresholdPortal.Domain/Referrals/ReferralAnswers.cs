namespace ThresholdPortal.Domain.Referrals;

/// <summary>The referrer's account of the concerns: what a good referral contains, per Ofsted's thematic inspection.</summary>
public class ReferralConcerns
{
    public const int LongAnswerMaxLength = 6000;

    public string? WhatHappened { get; set; }

    /// <summary>Why the referrer thinks the chosen level fits.</summary>
    public string? Analysis { get; set; }

    public string? RiskFactors { get; set; }
    public string? ProtectiveFactors { get; set; }
    public string? History { get; set; }

    /// <summary>Help the family has had and how well it worked.</summary>
    public string? PreviousHelp { get; set; }

    public string? OtherProfessionals { get; set; }
    public string? ExpectedOutcome { get; set; }

    public bool ConcernsComplete =>
        !string.IsNullOrWhiteSpace(WhatHappened) && !string.IsNullOrWhiteSpace(RiskFactors)
        && !string.IsNullOrWhiteSpace(ProtectiveFactors) && !string.IsNullOrWhiteSpace(ExpectedOutcome);

    public bool BackgroundComplete => !string.IsNullOrWhiteSpace(History) && !string.IsNullOrWhiteSpace(OtherProfessionals);
}

/// <summary>The follow-up questions a ticked concern category opens; each required once its category is ticked.</summary>
public class CategoryFollowUps
{
    public const int AnswerMaxLength = 3000;
    public const int PoliceReferenceMaxLength = 50;

    public string? CseDetails { get; set; }
    public string? CsePeopleAndPlaces { get; set; }
    public bool? CseRiskToolCompleted { get; set; }
    public string? CceDetails { get; set; }
    public bool? FgmReportedToPolice { get; set; }
    public string? FgmPoliceReference { get; set; }
    public string? MissingDetails { get; set; }
    public bool? DashCompleted { get; set; }
    public string? OtherDetails { get; set; }
}

public enum ConsentDecision
{
    Obtained,
    Refused,
    NotSought,
}

/// <summary>The lawful basis the referrer believes they share information under.</summary>
public enum InformationSharingBasis
{
    Consent,
    SafeguardingWithoutConsent,
    LegalDutyOrPublicTask,
    NotSure,
}

/// <summary>Whether the parents or carers agreed to the referral, and why not where they did not.</summary>
public class ConsentRecord
{
    public const int ReasonMaxLength = 2000;

    public ConsentDecision? Decision { get; set; }

    /// <summary>Why consent was not sought, or what was said when it was refused.</summary>
    public string? Reason { get; set; }

    public InformationSharingBasis? SharingBasis { get; set; }

    public bool IsComplete =>
        Decision is not null && SharingBasis is not null
        && (Decision == ConsentDecision.Obtained || !string.IsNullOrWhiteSpace(Reason));
}

public static class ConsentExtensions
{
    public static string DisplayName(this ConsentDecision decision) => decision switch
    {
        ConsentDecision.Obtained => "Yes, they agreed",
        ConsentDecision.Refused => "No, they refused",
        ConsentDecision.NotSought => "No, consent was not sought",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    public static string DisplayName(this InformationSharingBasis basis) => basis switch
    {
        InformationSharingBasis.Consent => "Consent of the parents or carers",
        InformationSharingBasis.SafeguardingWithoutConsent =>
            "Safeguarding a child without consent (Data Protection Act 2018, Schedule 1, paragraph 18)",
        InformationSharingBasis.LegalDutyOrPublicTask => "A legal duty or public task of my organisation",
        InformationSharingBasis.NotSure => "I am not sure",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, null),
    };
}

/// <summary>Language, interpreter and communication needs of the child or family.</summary>
public class CommunicationNeeds
{
    public const int LanguageMaxLength = 200;
    public const int DetailsMaxLength = 2000;

    public bool? InterpreterNeeded { get; set; }
    public string? Language { get; set; }
    public bool? HasCommunicationNeeds { get; set; }
    public string? CommunicationNeedsDetails { get; set; }

    public bool IsComplete => InterpreterNeeded is not null && HasCommunicationNeeds is not null;
}

/// <summary>How the MASH reaches the referrer, as it was when they sent it (their account may change later).</summary>
public class ReferrerContact
{
    public const int NameMaxLength = 200;
    public const int JobTitleMaxLength = 100;
    public const int EmailMaxLength = 256;
    public const int PhoneMaxLength = 30;

    public string? Name { get; set; }
    public string? JobTitle { get; set; }
    public string? OrganisationName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    public bool IsComplete => !string.IsNullOrWhiteSpace(Name) && !string.IsNullOrWhiteSpace(Email) && !string.IsNullOrWhiteSpace(Phone);
}

/// <summary>What the referrer chose when the early help pathway was offered.</summary>
public enum EarlyHelpChoice
{
    SendEarlyHelpRequest,
    ReferToMashAnyway,
}
