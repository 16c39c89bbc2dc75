namespace ThresholdPortal.Domain.Triage;

/// <summary>What screening decided about a contact. Stored by name, so never rename a value.</summary>
public enum ContactOutcome
{
    /// <summary>Needs multi-agency checks: the case goes on to information gathering.</summary>
    ProgressToMashChecks,

    /// <summary>Closed at the contact stage, with a reason and the advice given.</summary>
    ClosedAtContact,
}

/// <summary>Why a contact was closed without MASH checks. Stored by name, so never rename a value.</summary>
public enum ContactClosureReason
{
    NoSafeguardingConcern,
    AdviceAndSignposting,
    AlreadyOpenToAllocatedWorker,
    ReferredToAnotherAuthority,
    InformationOnly,
    Other,
}

public static class ContactOutcomeExtensions
{
    public static string DisplayName(this ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.ProgressToMashChecks => "Progressed to MASH checks",
        ContactOutcome.ClosedAtContact => "Closed at contact stage",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string DisplayName(this ContactClosureReason reason) => reason switch
    {
        ContactClosureReason.NoSafeguardingConcern => "No safeguarding concern for the child",
        ContactClosureReason.AdviceAndSignposting => "Advice and signposting to universal or community services",
        ContactClosureReason.AlreadyOpenToAllocatedWorker => "Already open: passed to the allocated worker",
        ContactClosureReason.ReferredToAnotherAuthority => "The child lives elsewhere: passed to that local authority",
        ContactClosureReason.InformationOnly => "Information only, no action needed",
        ContactClosureReason.Other => "Another reason",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
