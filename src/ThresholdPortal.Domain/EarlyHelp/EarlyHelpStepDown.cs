using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Domain.EarlyHelp;

/// <summary>
/// A MASH case stepped down to the early help hub by an approved decision: it joins the hub's list beside
/// the referrers' own early help requests (docs/decisions/0060). The referral stays as it was sent and the
/// case stays closed; this row is the hub's piece of work, with the MASH's note for the hub.
/// </summary>
public class EarlyHelpStepDown
{
    public const int NoteMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CaseId { get; init; }
    public Guid ReferralId { get; init; }
    public Guid DecisionId { get; init; }
    public required string Reference { get; init; }
    public DateTimeOffset SteppedDownAt { get; init; }
    public Guid SteppedDownByUserId { get; init; }

    /// <summary>What the hub needs to know from the MASH: the decision's reasons, as a starting point.</summary>
    public required string Note { get; init; }

    /// <summary>Set when a revised decision (after a referrer's escalation) no longer steps the case down: the hub stops work.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    public void Withdraw(DateTimeOffset at)
    {
        if (IsWithdrawn)
        {
            throw new CaseRuleException("This step-down has already been withdrawn.");
        }

        WithdrawnAt = at;
    }

    /// <summary>
    /// Made when a decision that steps down at least one child is approved, whatever the siblings' outcomes (docs/decisions/0092);
    /// any other decision is refused.
    /// </summary>
    public static EarlyHelpStepDown From(MashCase mashCase, CaseDecision decision, Guid byUserId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(mashCase);
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.CaseId != mashCase.Id)
        {
            throw new InvalidOperationException("The decision belongs to another case.");
        }

        if (!decision.StepsDownAChild || decision.State != DecisionState.Approved)
        {
            throw new CaseRuleException("Only an approved decision to step down goes to the early help hub.");
        }

        var note = decision.Rationale.Length > NoteMaxLength ? decision.Rationale[..NoteMaxLength] : decision.Rationale;
        return new EarlyHelpStepDown
        {
            CaseId = mashCase.Id,
            ReferralId = mashCase.ReferralId,
            DecisionId = decision.Id,
            Reference = mashCase.Reference,
            SteppedDownAt = at,
            SteppedDownByUserId = byUserId,
            Note = note,
        };
    }
}
