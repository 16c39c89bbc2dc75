using ThresholdPortal.Domain.Decisions;

namespace ThresholdPortal.Domain.Triage;

/// <summary>The case's decision: proposed, returned, approved, and reopened after a referrer's escalation.</summary>
public partial class MashCase
{
    /// <summary>
    /// A practitioner's proposed decision goes to a manager. A final rating that differs from the screening
    /// rating is recorded in the rating history with the decision's reason, and moves the deadline.
    /// </summary>
    public void SubmitDecision(CaseDecision decision, DecisionClock clock)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(clock);
        EnsureOpen();
        EnsureAssigned("deciding");
        EnsureOwn(decision);
        if (Status != MashCaseStatus.AwaitingDecision)
        {
            throw new CaseRuleException(Status == MashCaseStatus.AwaitingSignOff
                ? "A decision is already waiting for sign-off."
                : "Finish the MASH checks before deciding: every agency on the checklist needs a request or a reason.");
        }

        if (decision.State != DecisionState.AwaitingSignOff)
        {
            throw new CaseRuleException("Only a new proposal can be submitted for sign-off.");
        }

        if (decision.Rating != Rating)
        {
            Rate(decision.Rating, decision.RatingChangeReason ?? "Rated at decision.", decision.ProposedByUserId, decision.ProposedAt,
                clock);
        }

        Status = MashCaseStatus.AwaitingSignOff;
    }

    /// <summary>A manager returned the decision: the practitioner revises it and submits again.</summary>
    public void ReturnDecision(CaseDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        EnsureOwn(decision);
        if (decision.State != DecisionState.Returned)
        {
            throw new CaseRuleException("Return the decision before reopening the case for revision.");
        }

        Move(MashCaseStatus.AwaitingSignOff, MashCaseStatus.AwaitingDecision);
    }

    /// <summary>
    /// Only an approved decision closes a case that went through MASH checks. The time from receipt to
    /// approval is recorded against the deadline then in force. A revision approved after a referrer's
    /// escalation replaces the outcome and level; the first decision's time stays the front door's measure.
    /// </summary>
    public void CloseWithApprovedDecision(CaseDecision decision, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(decision);
        EnsureOwn(decision);
        if (decision.State != DecisionState.Approved)
        {
            throw new CaseRuleException("Only an approved decision closes the case.");
        }

        Move(MashCaseStatus.AwaitingSignOff, MashCaseStatus.Decided);
        var revision = DecisionId is not null;
        DecisionId = decision.Id;
        Outcome = decision.Outcome;
        DecidedLevel = decision.Level;
        if (!revision)
        {
            DecidedAt = at;
            DecidedWithinDeadline = DecisionDueAt is { } due ? at <= due : null;
        }

        ClosedAt = at;
    }

    /// <summary>
    /// A manager answered a referrer's escalation "Changed": the case opens again for a revised decision, which goes
    /// through sign-off like any other. Until it is approved, the decision on record stays the one in force.
    /// </summary>
    public void ReopenForRevision(Escalation escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        if (escalation.CaseId != Id)
        {
            throw new InvalidOperationException("The escalation belongs to another case.");
        }

        if (escalation.Result != EscalationResult.Changed)
        {
            throw new CaseRuleException("Only an escalation answered 'Changed' reopens the decision.");
        }

        if (Status != MashCaseStatus.Decided || DecisionId is null)
        {
            throw new CaseRuleException("Only a case closed by an approved decision can be reopened for a revised decision.");
        }

        Status = MashCaseStatus.AwaitingDecision;
        ClosedAt = null;
    }
}
