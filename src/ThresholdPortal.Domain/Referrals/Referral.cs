using ThresholdPortal.Domain.Identifiers;
using ThresholdPortal.Domain.Referrals.Quality;
using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.Domain.Referrals;

/// <summary>
/// A structured joint referral about the children of one household. While the referrer writes it, it is a
/// <see cref="ReferralStatus.Draft"/> saved at every step; submitting it gives it a reference and starts
/// the MASH's decision clock (docs/decisions/0010).
/// </summary>
public class Referral
{
    public const int ReasonMaxLength = 2000;
    public const int SourceCodeMaxLength = 5;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Given at submission; a draft has none.</summary>
    public string? Reference { get; private set; }

    public ReferralStatus Status { get; private set; } = ReferralStatus.Draft;
    public ReferralKind Kind { get; private set; } = ReferralKind.MashReferral;

    /// <summary>The key of the form that started it: the same form posted twice starts one referral, not two.</summary>
    public Guid IdempotencyKey { get; init; }

    public Guid ReferrerUserId { get; init; }
    public Guid ReferringOrganisationId { get; init; }

    /// <summary>The Children in Need referral source code, from the referring organisation's kind.</summary>
    public required string ReferralSourceCode { get; set; }

    /// <summary>The threshold document version the referral was judged against.</summary>
    public Guid ThresholdDocumentId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The receipt time: the decision clock starts here.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    public bool? ChildInImmediateDanger { get; set; }
    /// <summary>The screening answer about FGM; null until asked.</summary>
    public FgmConcern? Fgm { get; set; }

    /// <summary>Asked when FGM is known, because the duty to report it is personal to some professions.</summary>
    public ReferrerProfession? ReferrerProfession { get; set; }

    public ThresholdLevel? SuggestedLevel { get; private set; }
    public List<string> SuggestionReasons { get; private set; } = [];
    public ThresholdLevel? ChosenLevel { get; set; }

    public EarlyHelpChoice? EarlyHelpChoice { get; private set; }

    /// <summary>Why the referrer sent it to the MASH when the early help pathway was offered.</summary>
    public string? ReasonForMashReferral { get; private set; }

    public List<ReferralChild> Children { get; init; } = [];
    public List<SignificantAdult> Adults { get; init; } = [];
    public ReferralConcerns Concerns { get; init; } = new();

    /// <summary><see cref="ConcernCategory"/> keys; null until the referrer has answered the question.</summary>
    public List<string>? Categories { get; set; }

    public CategoryFollowUps FollowUps { get; init; } = new();
    public ConsentRecord Consent { get; init; } = new();
    public CommunicationNeeds Communication { get; init; } = new();
    public ReferrerContact Referrer { get; init; } = new();
    public List<ReferralAttachment> Attachments { get; init; } = [];

    /// <summary>The quality checks that were still flagged when it was sent, kept so insights can count them.</summary>
    public List<ReferralQualityFlag> QualityFlags { get; init; } = [];

    public bool HasCategory(ConcernCategory category) => Categories?.Contains(category.Key) == true;

    /// <summary>
    /// The screening answers. FGM ticked as a concern without "known" at screening counts as a girl at risk: the
    /// reporting duty is only shown where the referrer said FGM has been carried out.
    /// </summary>
    public ScreeningAnswers Screening =>
        new(ChildInImmediateDanger == true, Fgm switch
        {
            FgmConcern.Known => FgmConcern.Known,
            FgmConcern.AtRisk => FgmConcern.AtRisk,
            _ => HasCategory(ConcernCategory.FemaleGenitalMutilation) ? FgmConcern.AtRisk : FgmConcern.None,
        });

    /// <summary>
    /// The early help pathway is offered when either the guidance or the referrer puts it at level 1 or 2, but
    /// never when the guidance says child protection: then the referral always goes to the MASH.
    /// </summary>
    public bool EarlyHelpOffered =>
        SuggestedLevel != ThresholdLevel.Specialist
        && (SuggestedLevel?.IsBelowStatutoryThreshold() == true || ChosenLevel?.IsBelowStatutoryThreshold() == true);

    /// <summary>Each child's indicators, age (on the day the referral was started) and disability, for the guidance.</summary>
    public IReadOnlyList<ChildIndicators> IndicatorsByChild =>
    [
        .. Children.OrderBy(c => c.Order).Select(c => new ChildIndicators(c.Id, c.DisplayName, c.IndicatorCodes,
            c.DateOfBirth is { } born && !c.IsUnborn
                ? ThresholdGuidance.AgeInMonths(born, DateOnly.FromDateTime(CreatedAt.UtcDateTime)) : null,
            c.Disabilities.Any(code => code != CensusCodes.NoDisability))),
    ];

    /// <summary>The names of the ticked categories that always make the guidance suggest child protection.</summary>
    public IReadOnlyList<string> ChildProtectionCategories =>
        [.. ConcernCategory.RaiseGuidanceToChildProtection.Where(HasCategory).Select(c => c.Name)];

    /// <summary>
    /// Sets the statements ticked for one child (only codes of this document version, in the document's order) and runs
    /// the guidance again.
    /// </summary>
    public ThresholdSuggestion TickIndicators(ReferralChild child, ThresholdDocument document, IReadOnlyCollection<string> codes)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(document);
        child.IndicatorCodes = [.. document.Indicators.Where(i => codes.Contains(i.Code)).OrderBy(i => i.Order).Select(i => i.Code)];
        return RefreshSuggestion(document);
    }

    /// <summary>Runs the guidance on the current answers and keeps its level and reasons.</summary>
    public ThresholdSuggestion RefreshSuggestion(ThresholdDocument document)
    {
        if (document.Id != ThresholdDocumentId)
        {
            throw new InvalidOperationException("A referral is judged against the threshold document version it started with.");
        }

        var suggestion = ThresholdGuidance.Suggest(document, IndicatorsByChild, Screening, ChildProtectionCategories);
        SuggestedLevel = suggestion.Level;
        SuggestionReasons = [.. suggestion.Reasons];
        if (!EarlyHelpOffered)
        {
            ClearEarlyHelpChoice();
        }

        return suggestion;
    }

    public void ChooseLevel(ThresholdLevel level)
    {
        ChosenLevel = level;
        if (!EarlyHelpOffered)
        {
            ClearEarlyHelpChoice();
        }
    }

    /// <summary>Records the referrer's answer on the early help pathway and routes the referral accordingly.</summary>
    public void ChooseEarlyHelpPathway(EarlyHelpChoice choice, string? reasonForMashReferral)
    {
        if (!EarlyHelpOffered)
        {
            throw new InvalidOperationException("The early help pathway is only offered at levels 1 and 2.");
        }

        EarlyHelpChoice = choice;
        ReasonForMashReferral = choice == Referrals.EarlyHelpChoice.ReferToMashAnyway ? reasonForMashReferral : null;
        Kind = choice == Referrals.EarlyHelpChoice.SendEarlyHelpRequest ? ReferralKind.EarlyHelpRequest : ReferralKind.MashReferral;
    }

    private void ClearEarlyHelpChoice()
    {
        EarlyHelpChoice = null;
        ReasonForMashReferral = null;
        Kind = ReferralKind.MashReferral;
    }

    /// <summary>
    /// Sends the referral: it gets its reference and receipt time, and keeps the quality flags still raised.
    /// Only a complete draft can be sent.
    /// </summary>
    public void Submit(string reference, DateTimeOffset receivedAt, IEnumerable<QualityFlag> flagsStillRaised)
    {
        if (Status != ReferralStatus.Draft)
        {
            throw new InvalidOperationException("Only a draft can be submitted.");
        }

        if (!ReferralProgress.Of(this).IsReadyToSubmit)
        {
            throw new InvalidOperationException("An incomplete referral cannot be submitted.");
        }

        Reference = reference;
        Status = ReferralStatus.Submitted;
        SubmittedAt = receivedAt;
        UpdatedAt = receivedAt;
        QualityFlags.AddRange(flagsStillRaised.Select(f => new ReferralQualityFlag
        {
            ReferralId = Id,
            Kind = f.Kind,
            Field = f.Field,
            ChildId = f.ChildId,
            Term = f.Term is { Length: > ReferralQualityFlag.TermMaxLength } term ? term[..ReferralQualityFlag.TermMaxLength] : f.Term,
        }));
    }

    /// <summary>
    /// Triage (issue 4): a contact taken by phone, e-mail or in person, written down by a MASH practitioner
    /// with whatever the caller could tell them. It is received as it stands: an anonymous caller may not
    /// know a date of birth, so the referrer's completeness check does not apply.
    /// </summary>
    public void ReceiveAsContact(string reference, DateTimeOffset receivedAt)
    {
        if (Status != ReferralStatus.Draft)
        {
            throw new InvalidOperationException("Only a draft can be received.");
        }

        Reference = reference;
        Status = ReferralStatus.Submitted;
        SubmittedAt = receivedAt;
        UpdatedAt = receivedAt;
    }
}
