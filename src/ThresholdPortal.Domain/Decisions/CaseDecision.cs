using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Domain.Decisions;

/// <summary>Where a proposed decision is in its sign-off. Stored by name, so never rename a value.</summary>
public enum DecisionState
{
    AwaitingSignOff,
    Returned,
    Approved,
}

/// <summary>One next step the decision sets: what, who and by when.</summary>
public sealed record NextStep(string Action, string Who, DateOnly? By)
{
    public const int ActionMaxLength = 500;
    public const int WhoMaxLength = 200;
}

/// <summary>
/// A decision proposed on a case, and its sign-off. A returned proposal is kept as it was, with the
/// manager's comments; the practitioner's revision is a new proposal, so the history shows every version.
/// Only an approved proposal closes the case (<see cref="MashCase.CloseWithApprovedDecision"/>).
/// </summary>
public class CaseDecision
{
    public const int RationaleMaxLength = 4000;
    public const int ReasonsForReferrerMaxLength = 2000;
    public const int RatingChangeReasonMaxLength = 2000;
    public const int LawfulBasisNotesMaxLength = 1000;
    public const int CommentsMaxLength = 2000;
    public const int HandoverMaxLength = 500;
    public const int SiblingsReasonMaxLength = 2000;

    public const string SiblingsReasonRefusal =
        "A brother or sister is open to early help: say why the children are in different processes, or how they will be joined up";
    public const int MaxNextSteps = 10;
    public const int MaxFactors = 20;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CaseId { get; init; }

    /// <summary>1 for the first proposal on the case, 2 for its first revision...</summary>
    public int Revision { get; init; }

    public BragRating Rating { get; init; }

    /// <summary>Why the final rating differs from the screening rating; null when it does not.</summary>
    public string? RatingChangeReason { get; init; }

    public ThresholdLevel Level { get; init; }

    /// <summary>The threshold document version the level was judged against: the one the referral used.</summary>
    public Guid ThresholdDocumentId { get; init; }

    /// <summary>The case's outcome: the most serious of <see cref="ChildOutcomes"/> (<see cref="ChildOutcome.CaseOutcome"/>).</summary>
    public DecisionOutcome Outcome { get; init; }

    /// <summary>
    /// Each child of the referral with their own outcome (docs/decisions/0092); stored without an order, so readers order
    /// them by the referral's.
    /// </summary>
    public List<ChildOutcome> ChildOutcomes { get; init; } = [];

    public PrimaryNeed PrimaryNeed { get; init; }

    /// <summary>Children in Need factor codes (<see cref="CinFactors"/>).</summary>
    public List<string> Factors { get; init; } = [];

    /// <summary>The MASH's own reasons, for the case record and sign-off: may rest on what partner agencies shared.</summary>
    public required string Rationale { get; init; }

    /// <summary>
    /// The reasons written for the referrer, separately from <see cref="Rationale"/>: the only reasons the feedback draft
    /// uses, so nothing an agency shared reaches a referrer by being copied (docs/decisions/0094).
    /// </summary>
    public required string ReasonsForReferrer { get; init; }

    /// <summary>Required when the family did not consent; null when they did.</summary>
    public LawfulBasis? LawfulBasis { get; init; }

    public string? LawfulBasisNotes { get; init; }
    public List<NextStep> NextSteps { get; init; } = [];

    /// <summary>For s17, s47 and protective action: the team the case is handed to.</summary>
    public string? HandoverTo { get; init; }

    /// <summary>
    /// Why the children of one family are in different processes: a brother or sister is open to early help and this
    /// decision does not step every child down to it (siblings in one process, docs/decisions/0118). Null when none is.
    /// </summary>
    public string? SiblingsInEarlyHelpReason { get; init; }

    public Guid ProposedByUserId { get; init; }
    public DateTimeOffset ProposedAt { get; init; }

    public DecisionState State { get; private set; } = DecisionState.AwaitingSignOff;
    public Guid? ReviewedByUserId { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>The manager's comments: required when returning, optional when approving.</summary>
    public string? ReviewComments { get; private set; }

    /// <summary>
    /// Checks a proposal against the rules every decision must meet, before it is stored. The form's
    /// validator checks the same things so the user sees them as field errors; this is the backstop.
    /// </summary>
    public static CaseDecision Propose(MashCase mashCase, DecisionProposal proposal, int revision, Guid byUserId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(mashCase);
        ArgumentNullException.ThrowIfNull(proposal);
        if (string.IsNullOrWhiteSpace(proposal.Rationale))
        {
            throw new CaseRuleException("Explain the decision in plain language.");
        }

        if (string.IsNullOrWhiteSpace(proposal.ReasonsForReferrer))
        {
            throw new CaseRuleException("Give the reasons the referrer can be told.");
        }

        var ratingChanged = mashCase.Rating is { } screening && screening != proposal.Rating;
        if (ratingChanged && string.IsNullOrWhiteSpace(proposal.RatingChangeReason))
        {
            throw new CaseRuleException($"Say why the rating changed from {mashCase.Rating} to {proposal.Rating}.");
        }

        if (!proposal.ConsentGiven && proposal.LawfulBasis is null)
        {
            throw new CaseRuleException("The family did not consent: record the lawful basis for proceeding.");
        }

        var unknown = proposal.Factors.Where(f => !CinFactors.IsKnown(f)).ToList();
        if (unknown.Count > 0)
        {
            throw new CaseRuleException("Unknown factor codes: " + string.Join(", ", unknown) + ".");
        }

        if (proposal.Factors.Count > MaxFactors || proposal.NextSteps.Count > MaxNextSteps)
        {
            throw new CaseRuleException("Too many factors or next steps.");
        }

        if (proposal.Children.Count == 0 || proposal.Children.DistinctBy(c => c.ReferralChildId).Count() != proposal.Children.Count)
        {
            throw new CaseRuleException("Give each child of the referral one outcome.");
        }

        var outcome = ChildOutcome.CaseOutcome(proposal.Children);
        if (outcome.IsStatutory() && string.IsNullOrWhiteSpace(proposal.HandoverTo))
        {
            throw new CaseRuleException("Say which team the case is handed over to.");
        }

        if (proposal.NeedsSiblingsReason && string.IsNullOrWhiteSpace(proposal.SiblingsInEarlyHelpReason))
        {
            throw new CaseRuleException(SiblingsReasonRefusal);
        }

        return new CaseDecision
        {
            CaseId = mashCase.Id,
            Revision = revision,
            Rating = proposal.Rating,
            RatingChangeReason = ratingChanged ? proposal.RatingChangeReason!.Trim() : null,
            Level = proposal.Level,
            ThresholdDocumentId = proposal.ThresholdDocumentId,
            Outcome = outcome,
            ChildOutcomes = [.. proposal.Children],
            PrimaryNeed = proposal.PrimaryNeed,
            Factors = [.. proposal.Factors.Distinct(StringComparer.Ordinal)],
            Rationale = proposal.Rationale.Trim(),
            ReasonsForReferrer = proposal.ReasonsForReferrer.Trim(),
            LawfulBasis = proposal.ConsentGiven ? null : proposal.LawfulBasis,
            LawfulBasisNotes = proposal.ConsentGiven || string.IsNullOrWhiteSpace(proposal.LawfulBasisNotes) ? null
                : proposal.LawfulBasisNotes.Trim(),
            NextSteps = [.. proposal.NextSteps],
            HandoverTo = outcome.IsStatutory() ? proposal.HandoverTo!.Trim() : null,
            SiblingsInEarlyHelpReason = !proposal.NeedsSiblingsReason ? null : proposal.SiblingsInEarlyHelpReason!.Trim(),
            ProposedByUserId = byUserId,
            ProposedAt = at,
        };
    }

    /// <summary>A manager approves. Nobody signs off their own decision.</summary>
    public void Approve(Guid managerId, string? comments, DateTimeOffset at)
    {
        EnsureReviewableBy(managerId);
        State = DecisionState.Approved;
        Review(managerId, comments, at);
    }

    /// <summary>A manager sends the decision back with comments; the practitioner revises and resubmits.</summary>
    public void Return(Guid managerId, string comments, DateTimeOffset at)
    {
        EnsureReviewableBy(managerId);
        if (string.IsNullOrWhiteSpace(comments))
        {
            throw new CaseRuleException("Say what needs to change.");
        }

        State = DecisionState.Returned;
        Review(managerId, comments, at);
    }

    /// <summary>One child's outcome; the case's for a child the decision does not name (none since per-child outcomes).</summary>
    public DecisionOutcome OutcomeFor(Guid referralChildId) =>
        ChildOutcomes.Find(c => c.ReferralChildId == referralChildId)?.Outcome ?? Outcome;

    /// <summary>Whether any child is stepped down to early help: the hub then takes the family (docs/decisions/0092).</summary>
    public bool StepsDownAChild => ChildOutcomes.Count == 0
        ? Outcome == DecisionOutcome.StepDownToEarlyHelp
        : ChildOutcomes.Exists(c => c.Outcome == DecisionOutcome.StepDownToEarlyHelp);

    /// <summary>Whether the children do not all have the same outcome.</summary>
    public bool OutcomesDiffer => ChildOutcomes.Select(c => c.Outcome).Distinct().Skip(1).Any();

    public bool CanBeReviewedBy(Guid userId) => State == DecisionState.AwaitingSignOff && userId != ProposedByUserId;

    private void EnsureReviewableBy(Guid managerId)
    {
        if (State != DecisionState.AwaitingSignOff)
        {
            throw new CaseRuleException("This decision has already been signed off or returned.");
        }

        if (managerId == ProposedByUserId)
        {
            throw new CaseRuleException("You cannot sign off your own decision: another MASH manager must.");
        }
    }

    private void Review(Guid managerId, string? comments, DateTimeOffset at)
    {
        ReviewedByUserId = managerId;
        ReviewedAt = at;
        ReviewComments = string.IsNullOrWhiteSpace(comments) ? null : comments.Trim();
    }
}

/// <summary>
/// What a practitioner proposes, as entered on the decision form. <paramref name="Children"/> gives every child of the referral
/// their outcome; the case's outcome is derived from them.
/// </summary>
public sealed record DecisionProposal(
    BragRating Rating,
    string? RatingChangeReason,
    ThresholdLevel Level,
    Guid ThresholdDocumentId,
    IReadOnlyList<ChildOutcome> Children,
    PrimaryNeed PrimaryNeed,
    IReadOnlyList<string> Factors,
    string Rationale,
    bool ConsentGiven,
    LawfulBasis? LawfulBasis,
    string? LawfulBasisNotes,
    IReadOnlyList<NextStep> NextSteps,
    string? HandoverTo)
{
    /// <summary>What the referrer may be told of the reasons: never a copy of <see cref="Rationale"/>.</summary>
    public required string ReasonsForReferrer { get; init; }

    /// <summary>Whether a brother or sister of the referral's children (in their households) is open to early help.</summary>
    public bool SiblingsOpenToEarlyHelp { get; init; }

    /// <summary>Why the family's children are in different processes, when a brother or sister is open to early help.</summary>
    public string? SiblingsInEarlyHelpReason { get; init; }

    /// <summary>Whether the proposal must say why the family's children are in different processes.</summary>
    public bool NeedsSiblingsReason => SiblingsOpenToEarlyHelp && !StepsDownEveryChild;

    /// <summary>Whether every child is stepped down to early help: the family then joins the process a sibling is in.</summary>
    public bool StepsDownEveryChild => Children.All(c => c.Outcome == DecisionOutcome.StepDownToEarlyHelp);
}
