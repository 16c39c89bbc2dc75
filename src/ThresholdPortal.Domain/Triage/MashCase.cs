using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.Domain.Triage;

/// <summary>
/// The MASH's work on one referral or recorded contact: its status, BRAG rating, decision deadline, who
/// holds it and what it is flagged for. The referral itself stays exactly as the referrer sent it; the
/// case holds everything the MASH adds (docs/decisions/0030). A few of the referral's facts are copied
/// here when the case opens (reference, receipt time, source, level) so the queue reads one table.
/// </summary>
public partial class MashCase
{
    public const int ClosureNotesMaxLength = 2000;
    public const int AdviceMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ReferralId { get; init; }
    public required string Reference { get; init; }
    public ContactChannel Channel { get; init; }

    /// <summary>The Children in Need referral source code ("2A", "6", "1A"...).</summary>
    public required string SourceCode { get; init; }

    /// <summary>The professional's organisation; null for a contact from a member of the public.</summary>
    public Guid? ReferringOrganisationId { get; init; }

    /// <summary>The level the referrer indicated, to set beside the MASH's own judgement.</summary>
    public ThresholdLevel? ReferrerLevel { get; init; }

    /// <summary>The receipt time: every deadline is counted from here.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    public MashCaseStatus Status { get; private set; } = MashCaseStatus.New;
    public BragRating? Rating { get; private set; }

    /// <summary>When the decision is due, in UTC (null for Blue, which has no target). Stored so the queue can sort on it.</summary>
    public DateTimeOffset? DecisionDueAt { get; private set; }

    public Guid? AssignedToUserId { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }
    public CaseFlags Flags { get; private set; }

    public ContactOutcome? ContactOutcome { get; private set; }
    public ContactClosureReason? ClosureReason { get; private set; }
    public string? ClosureNotes { get; private set; }
    public string? AdviceGiven { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The approved decision that closed the case; null until then (and for contacts closed at screening).</summary>
    public Guid? DecisionId { get; private set; }

    /// <summary>The approved outcome, copied from the decision so the queue and the measures read one table.</summary>
    public DecisionOutcome? Outcome { get; private set; }

    /// <summary>The level the MASH applied, to set beside <see cref="ReferrerLevel"/>.</summary>
    public ThresholdLevel? DecidedLevel { get; private set; }

    /// <summary>When the decision was approved: the end of the time from receipt to decision.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Whether the approved decision came by the deadline in force; null when there was none (Blue).</summary>
    public bool? DecidedWithinDeadline { get; private set; }

    public List<BragRatingChange> RatingHistory { get; init; } = [];

    /// <summary>PostgreSQL's xmin: a save over a version someone else has changed fails instead of overwriting.</summary>
    public uint Version { get; private set; }

    public bool IsOpen => Status.IsOpen();

    /// <summary>
    /// Opens the case for a referral just sent to the MASH (or a contact just recorded). Its concern flags
    /// come from what the referral says; the deadline is the unrated one, until a practitioner rates it.
    /// </summary>
    public static MashCase Open(Referral referral, ContactChannel channel, DecisionClock clock)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(clock);
        if (referral.Status != ReferralStatus.Submitted || referral.Reference is null || referral.SubmittedAt is not { } receivedAt)
        {
            throw new InvalidOperationException("A case opens only for a referral that has been received.");
        }

        if (referral.Kind != ReferralKind.MashReferral)
        {
            throw new InvalidOperationException("Early help requests go to the early help hub, not the MASH queue.");
        }

        return new MashCase
        {
            ReferralId = referral.Id,
            Reference = referral.Reference,
            Channel = channel,
            SourceCode = referral.ReferralSourceCode,
            ReferringOrganisationId = channel == ContactChannel.Portal ? referral.ReferringOrganisationId : null,
            ReferrerLevel = referral.ChosenLevel,
            ReceivedAt = receivedAt,
            Flags = ConcernFlagsOf(referral),
        }.WithDeadline(clock);
    }

    /// <summary>Urgent at intake and nobody has rated it yet: the queue says "Urgent: not yet rated".</summary>
    public bool AwaitsUrgentRating => AwaitsUrgentRatingWith(Rating, Flags);

    /// <summary>The same rule for a row read without the whole case (the queue's).</summary>
    public static bool AwaitsUrgentRatingWith(BragRating? rating, CaseFlags flags) =>
        rating is null && (flags & CaseFlags.UrgentAtIntake) != 0;

    /// <summary>The rating the deadline is counted on: the given one, or Red while urgent and unrated.</summary>
    private BragRating? DeadlineRating => AwaitsUrgentRating ? BragRating.Red : Rating;

    private MashCase WithDeadline(DecisionClock clock)
    {
        DecisionDueAt = clock.DeadlineFor(ReceivedAt, DeadlineRating)?.ToUniversalTime();
        return this;
    }

    /// <summary>A practitioner takes an unassigned case for themselves.</summary>
    public void Claim(Guid userId, DateTimeOffset at)
    {
        EnsureOpen();
        if (AssignedToUserId is not null)
        {
            throw new CaseRuleException(AssignedToUserId == userId ? "You already hold this case."
                : "Someone else already holds this case.");
        }

        AssignTo(userId, at);
    }

    /// <summary>Gives the case to a practitioner (a manager allocating, or a hand-over). Screening starts.</summary>
    public void AssignTo(Guid userId, DateTimeOffset at)
    {
        EnsureOpen();
        if (AssignedToUserId == userId)
        {
            throw new CaseRuleException("The case is already assigned to that person.");
        }

        AssignedToUserId = userId;
        AssignedAt = at;
        if (Status == MashCaseStatus.New)
        {
            Status = MashCaseStatus.Screening;
        }
    }

    /// <summary>
    /// Rates the case, always with a reason, and moves its deadline to what the new rating allows from the
    /// receipt time. The history keeps every rating given.
    /// </summary>
    public BragRatingChange Rate(BragRating rating, string reason, Guid byUserId, DateTimeOffset at, DecisionClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        EnsureOpen();
        EnsureAssigned("rating it");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new CaseRuleException("Every rating needs a reason.");
        }

        if (Rating == rating)
        {
            throw new CaseRuleException($"The case is already rated {rating}.");
        }

        var change = new BragRatingChange
        {
            CaseId = Id,
            Rating = rating,
            PreviousRating = Rating,
            Reason = reason.Trim(),
            RatedByUserId = byUserId,
            RatedAt = at,
        };
        RatingHistory.Add(change);
        Rating = rating;
        DecisionDueAt = clock.DeadlineFor(ReceivedAt, rating)?.ToUniversalTime();
        return change;
    }

    /// <summary>
    /// Counts the decision deadline again on changed settings (timescales, working hours, bank holidays), so an
    /// open case's deadline is the one the MASH now works to. Returns the deadline it replaced, or null when
    /// nothing moved; a decided case keeps the deadline it was measured against.
    /// </summary>
    public DeadlineChange? RecountDeadline(DecisionClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var due = clock.DeadlineFor(ReceivedAt, DeadlineRating)?.ToUniversalTime();
        if (!IsOpen || due == DecisionDueAt)
        {
            return null;
        }

        var change = new DeadlineChange(DecisionDueAt, due);
        DecisionDueAt = due;
        return change;
    }

    /// <summary>Screening found that partner agencies must be asked: the case goes on to MASH checks.</summary>
    public void ProgressToMashChecks()
    {
        EnsureScreening();
        if (Rating is null)
        {
            throw new CaseRuleException("Rate the case before progressing it: the rating sets how quickly agencies must answer.");
        }

        ContactOutcome = Triage.ContactOutcome.ProgressToMashChecks;
        Status = MashCaseStatus.AwaitingInformation;
    }

    /// <summary>Screening found no need for MASH checks: the contact closes with its reason and the advice given.</summary>
    public void CloseAtContact(ContactClosureReason reason, string? notes, string advice, DateTimeOffset at)
    {
        EnsureScreening();
        if (string.IsNullOrWhiteSpace(advice))
        {
            throw new CaseRuleException("Record the advice given when closing a contact.");
        }

        if (reason == ContactClosureReason.Other && string.IsNullOrWhiteSpace(notes))
        {
            throw new CaseRuleException("Say why the contact is closed.");
        }

        ContactOutcome = Triage.ContactOutcome.ClosedAtContact;
        ClosureReason = reason;
        ClosureNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        AdviceGiven = advice.Trim();
        Status = MashCaseStatus.Decided;
        ClosedAt = at;
    }

    /// <summary>The information gathering is complete: the case is ready for a decision.</summary>
    public void MarkReadyForDecision() => Move(MashCaseStatus.AwaitingInformation, MashCaseStatus.AwaitingDecision);

    /// <summary>
    /// Sets the flags that come from the known people linked to the case. They are recomputed from every
    /// link whenever a link is confirmed or removed, so they never disagree with the links.
    /// </summary>
    public void RecordLinkedPeopleFindings(bool reReferral, bool openToEarlyHelp, bool openToSocialCare)
    {
        var fromPeople = CaseFlags.ReReferral | CaseFlags.OpenToEarlyHelp | CaseFlags.OpenToSocialCare;
        var flags = Flags & ~fromPeople;
        if (reReferral)
        {
            flags |= CaseFlags.ReReferral;
        }

        if (openToEarlyHelp)
        {
            flags |= CaseFlags.OpenToEarlyHelp;
        }

        if (openToSocialCare)
        {
            flags |= CaseFlags.OpenToSocialCare;
        }

        Flags = flags;
    }

    private void Move(MashCaseStatus from, MashCaseStatus to)
    {
        if (Status != from)
        {
            throw new CaseRuleException($"The case is {Status.DisplayName().ToLowerInvariant()}, so it cannot move to " +
                $"{to.DisplayName().ToLowerInvariant()}.");
        }

        Status = to;
    }

    private void EnsureOwn(CaseDecision decision)
    {
        if (decision.CaseId != Id)
        {
            throw new InvalidOperationException("The decision belongs to another case.");
        }
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new CaseRuleException("The case is closed.");
        }
    }

    private void EnsureAssigned(string doing)
    {
        if (AssignedToUserId is null)
        {
            throw new CaseRuleException($"Claim or assign the case before {doing}.");
        }
    }

    private void EnsureScreening()
    {
        if (Status is not (MashCaseStatus.New or MashCaseStatus.Screening))
        {
            throw new CaseRuleException("The contact outcome is recorded once, at screening.");
        }

        EnsureAssigned("recording the contact outcome");
    }
}
