using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Domain.Audits;

/// <summary>
/// A group of cases an audit samples from, by how the MASH dealt with them (the Cambridgeshire audit drew
/// 20 each from assessment or strategy discussion, early help, and no further action). Stored by name, so
/// never rename a value.
/// </summary>
public enum AuditStratum
{
    /// <summary>Section 17 assessment, section 47 strategy discussion or immediate protective action.</summary>
    Statutory,

    /// <summary>Stepped down to the early help hub.</summary>
    EarlyHelp,

    /// <summary>No further action, with or without advice.</summary>
    NoFurtherAction,

    /// <summary>Closed at the contact stage, without MASH checks.</summary>
    ClosedAtContact,
}

public static class AuditStratumExtensions
{
    public static IReadOnlyList<AuditStratum> All { get; } = Enum.GetValues<AuditStratum>();

    public static string DisplayName(this AuditStratum stratum) => stratum switch
    {
        AuditStratum.Statutory => "Assessment, strategy discussion or protective action (s17, s47)",
        AuditStratum.EarlyHelp => "Stepped down to early help",
        AuditStratum.NoFurtherAction => "No further action",
        AuditStratum.ClosedAtContact => "Closed at contact stage",
        _ => throw new ArgumentOutOfRangeException(nameof(stratum), stratum, null),
    };

    /// <summary>The decision outcomes a stratum holds; empty for cases closed at contact, which have none.</summary>
    public static IReadOnlyList<DecisionOutcome> Outcomes(this AuditStratum stratum) => stratum switch
    {
        AuditStratum.Statutory =>
            [DecisionOutcome.ChildAndFamilyAssessment, DecisionOutcome.StrategyDiscussion, DecisionOutcome.ImmediateProtectiveAction],
        AuditStratum.EarlyHelp => [DecisionOutcome.StepDownToEarlyHelp],
        AuditStratum.NoFurtherAction => [DecisionOutcome.NoFurtherAction, DecisionOutcome.NoFurtherActionWithAdvice],
        AuditStratum.ClosedAtContact => [],
        _ => throw new ArgumentOutOfRangeException(nameof(stratum), stratum, null),
    };

    /// <summary>Which stratum a closed case falls in, or null for a case not yet decided.</summary>
    public static AuditStratum? StratumOf(DecisionOutcome? outcome, ContactOutcome? contactOutcome) =>
        contactOutcome == ContactOutcome.ClosedAtContact ? AuditStratum.ClosedAtContact
        : outcome is { } decided ? All.First(s => s.Outcomes().Contains(decided))
        : null;
}
