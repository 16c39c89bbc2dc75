namespace ThresholdPortal.Domain.Triage;

/// <summary>Where a case is in the MASH's work. Stored by name, so never rename a value.</summary>
public enum MashCaseStatus
{
    /// <summary>Received and not yet picked up: nobody is screening it.</summary>
    New,

    /// <summary>Claimed or assigned: a practitioner is screening the contact.</summary>
    Screening,

    /// <summary>Progressed to MASH checks: partner agencies are being asked for what they know.</summary>
    AwaitingInformation,

    /// <summary>The checks are done; the practitioner is deciding.</summary>
    AwaitingDecision,

    /// <summary>A decision waits for a MASH manager's approval.</summary>
    AwaitingSignOff,

    /// <summary>Closed: an approved decision, or closed at the contact stage.</summary>
    Decided,
}

public static class MashCaseStatusExtensions
{
    /// <summary>Every status a case can be in before it is closed, in the order work moves through them.</summary>
    public static IReadOnlyList<MashCaseStatus> Open { get; } =
    [
        MashCaseStatus.New, MashCaseStatus.Screening, MashCaseStatus.AwaitingInformation,
        MashCaseStatus.AwaitingDecision, MashCaseStatus.AwaitingSignOff,
    ];

    public static bool IsOpen(this MashCaseStatus status) => status != MashCaseStatus.Decided;

    public static string DisplayName(this MashCaseStatus status) => status switch
    {
        MashCaseStatus.New => "New",
        MashCaseStatus.Screening => "Screening",
        MashCaseStatus.AwaitingInformation => "Awaiting information",
        MashCaseStatus.AwaitingDecision => "Awaiting decision",
        MashCaseStatus.AwaitingSignOff => "Awaiting sign-off",
        MashCaseStatus.Decided => "Decided (closed)",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
