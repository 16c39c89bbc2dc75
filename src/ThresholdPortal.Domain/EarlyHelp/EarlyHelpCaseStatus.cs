namespace ThresholdPortal.Domain.EarlyHelp;

/// <summary>Where a family's early help stands in the hub. Stored by name, so never rename a value.</summary>
public enum EarlyHelpCaseStatus
{
    New,
    Allocated,
    AcceptedByFamily,
    DeclinedByFamily,
    Closed,
    SteppedUp,
}

/// <summary>Why the hub closed its work with a family. Stored by name, so never rename a value.</summary>
public enum EarlyHelpOutcome
{
    NeedsMet,
    FamilyDeclined,
    NoLongerNeeded,
    MovedAway,
    OtherService,
}

public static class EarlyHelpCaseStatusExtensions
{
    public static string DisplayName(this EarlyHelpCaseStatus status) => status switch
    {
        EarlyHelpCaseStatus.New => "New",
        EarlyHelpCaseStatus.Allocated => "Allocated",
        EarlyHelpCaseStatus.AcceptedByFamily => "Accepted by the family",
        EarlyHelpCaseStatus.DeclinedByFamily => "Declined by the family",
        EarlyHelpCaseStatus.Closed => "Closed",
        EarlyHelpCaseStatus.SteppedUp => "Stepped up",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool IsOpen(this EarlyHelpCaseStatus status) =>
        status is not (EarlyHelpCaseStatus.Closed or EarlyHelpCaseStatus.SteppedUp);

    public static string DisplayName(this EarlyHelpOutcome outcome) => outcome switch
    {
        EarlyHelpOutcome.NeedsMet => "The family's needs were met",
        EarlyHelpOutcome.FamilyDeclined => "The family did not want early help",
        EarlyHelpOutcome.NoLongerNeeded => "Help is no longer needed",
        EarlyHelpOutcome.MovedAway => "The family moved out of the area",
        EarlyHelpOutcome.OtherService => "Another service is helping the family",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
