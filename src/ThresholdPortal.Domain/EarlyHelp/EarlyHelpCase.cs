using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Domain.EarlyHelp;

/// <summary>
/// The early help hub's piece of work with one family: opened by a referrer's early help request or by a MASH
/// step-down, allocated to a lead professional, accepted or declined by the family, and closed with an outcome or
/// stepped up to the MASH (docs/decisions/0109). Each step checks the state it starts from.
/// </summary>
public class EarlyHelpCase
{
    public const int ReasonMaxLength = 2000;

    /// <summary>The working days from receipt within which a family's acceptance counts as take-up in the hub's measures.</summary>
    public const int TakeUpWorkingDays = 20;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Reference { get; init; }
    public Guid ReferralId { get; init; }

    /// <summary>The MASH case that stepped the family down; null for a referrer's own early help request.</summary>
    public Guid? SteppedDownFromCaseId { get; init; }

    public Guid? StepDownId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When the family must first have been contacted, in working days from receipt (the hub's timescale).</summary>
    public DateTimeOffset FirstContactDueAt { get; init; }

    /// <summary>
    /// The end of <see cref="TakeUpWorkingDays"/> working days from receipt, on the MASH's calendar when the work was
    /// opened: stored so the take-up measure is a comparison of two columns, not a calendar worked out in SQL.
    /// </summary>
    public DateTimeOffset TakeUpWindowEndsAt { get; init; }

    public EarlyHelpCaseStatus Status { get; private set; } = EarlyHelpCaseStatus.New;
    public Guid? LeadProfessionalId { get; private set; }
    public DateTimeOffset? AllocatedAt { get; private set; }

    /// <summary>Why the family was allocated while a brother or sister is open to the MASH or social care.</summary>
    public string? SiblingReason { get; private set; }

    public DateTimeOffset? FirstContactAt { get; private set; }
    public DateTimeOffset? ConsentRecordedAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public DateOnly? AssessmentStartedOn { get; private set; }
    public DateOnly? AssessmentCompletedOn { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public EarlyHelpOutcome? Outcome { get; private set; }
    public string? OutcomeNote { get; private set; }
    public DateTimeOffset? SteppedUpAt { get; private set; }
    public string? StepUpReason { get; private set; }
    public Guid? SteppedUpToCaseId { get; private set; }

    /// <summary>PostgreSQL's xmin: a form opened on an older version is refused.</summary>
    public uint Version { get; set; }

    public bool IsOpen => Status.IsOpen();
    public bool IsStepDown => SteppedDownFromCaseId is not null;

    public static EarlyHelpCase ForRequest(Referral referral, DateTimeOffset firstContactDueAt, DateTimeOffset takeUpWindowEndsAt)
    {
        ArgumentNullException.ThrowIfNull(referral);
        if (referral.Kind != ReferralKind.EarlyHelpRequest || referral.Reference is null || referral.SubmittedAt is null)
        {
            throw new InvalidOperationException("Only a received early help request opens hub work on its own.");
        }

        return new EarlyHelpCase
        {
            Reference = referral.Reference, ReferralId = referral.Id, ReceivedAt = referral.SubmittedAt.Value,
            FirstContactDueAt = firstContactDueAt, TakeUpWindowEndsAt = takeUpWindowEndsAt,
        };
    }

    public static EarlyHelpCase ForStepDown(EarlyHelpStepDown stepDown, DateTimeOffset firstContactDueAt,
        DateTimeOffset takeUpWindowEndsAt)
    {
        ArgumentNullException.ThrowIfNull(stepDown);
        return new EarlyHelpCase
        {
            Reference = stepDown.Reference, ReferralId = stepDown.ReferralId, SteppedDownFromCaseId = stepDown.CaseId,
            StepDownId = stepDown.Id, ReceivedAt = stepDown.SteppedDownAt, FirstContactDueAt = firstContactDueAt,
            TakeUpWindowEndsAt = takeUpWindowEndsAt,
        };
    }

    /// <summary>Allocation, or a change of lead professional before the family has answered.</summary>
    public void Allocate(Guid leadProfessionalId, DateTimeOffset at, string? siblingReason)
    {
        Require(Status is EarlyHelpCaseStatus.New or EarlyHelpCaseStatus.Allocated,
            "Only a new or allocated family can be allocated; record the family's answer on the current allocation.");
        LeadProfessionalId = leadProfessionalId;
        AllocatedAt = at;
        SiblingReason = string.IsNullOrWhiteSpace(siblingReason) ? null : siblingReason.Trim();
        Status = EarlyHelpCaseStatus.Allocated;
    }

    /// <summary>The family agreed to early help: the first contact, if none was recorded before.</summary>
    public void RecordConsent(DateTimeOffset at)
    {
        Require(Status == EarlyHelpCaseStatus.Allocated, "Allocate a lead professional before recording the family's consent.");
        ConsentRecordedAt = at;
        FirstContactAt ??= at;
        Status = EarlyHelpCaseStatus.AcceptedByFamily;
    }

    /// <summary>The family refused early help, at first contact or later, with their reason.</summary>
    public void RecordRefusal(string reason, DateTimeOffset at)
    {
        Require(Status is EarlyHelpCaseStatus.Allocated or EarlyHelpCaseStatus.AcceptedByFamily,
            "Allocate a lead professional before recording the family's answer.");
        Require(!string.IsNullOrWhiteSpace(reason), "Give the family's reason.");
        DeclineReason = reason.Trim();
        FirstContactAt ??= at;
        Status = EarlyHelpCaseStatus.DeclinedByFamily;
    }

    public void RecordAssessment(DateOnly started, DateOnly? completed, DateOnly today)
    {
        Require(Status == EarlyHelpCaseStatus.AcceptedByFamily, "An Early Help Assessment starts once the family has agreed to it.");
        Require(started <= today && (completed is null || completed <= today), "Assessment dates cannot be in the future.");
        Require(completed is null || completed >= started, "The assessment cannot be completed before it started.");
        AssessmentStartedOn = started;
        AssessmentCompletedOn = completed;
    }

    public void StepUp(string reason, Guid mashCaseId, DateTimeOffset at)
    {
        Require(IsOpen, "This family's early help has already ended.");
        Require(!string.IsNullOrWhiteSpace(reason), "Give the reason for stepping up.");
        StepUpReason = reason.Trim();
        SteppedUpToCaseId = mashCaseId;
        SteppedUpAt = at;
        Status = EarlyHelpCaseStatus.SteppedUp;
    }

    public void Close(EarlyHelpOutcome outcome, string? note, DateTimeOffset at)
    {
        Require(IsOpen, "This family's early help has already ended.");
        Require(Status != EarlyHelpCaseStatus.New, "Allocate the family, or step them up, before closing.");
        Outcome = outcome;
        OutcomeNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ClosedAt = at;
        Status = EarlyHelpCaseStatus.Closed;
    }

    private static void Require(bool condition, string refusal)
    {
        if (!condition)
        {
            throw new CaseRuleException(refusal);
        }
    }
}
