namespace ThresholdPortal.Domain.Decisions;

/// <summary>What the MASH decided to do about a referral. Stored by name, so never rename a value.</summary>
public enum DecisionOutcome
{
    NoFurtherAction,
    NoFurtherActionWithAdvice,
    StepDownToEarlyHelp,

    /// <summary>Child and family assessment under section 17 of the Children Act 1989.</summary>
    ChildAndFamilyAssessment,

    /// <summary>Strategy discussion: the start of a section 47 enquiry.</summary>
    StrategyDiscussion,

    ImmediateProtectiveAction,
}

public static class DecisionOutcomeExtensions
{
    public static IReadOnlyList<DecisionOutcome> All { get; } = Enum.GetValues<DecisionOutcome>();

    public static string DisplayName(this DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.NoFurtherAction => "No further action",
        DecisionOutcome.NoFurtherActionWithAdvice => "No further action, with advice and signposting",
        DecisionOutcome.StepDownToEarlyHelp => "Step down to early help",
        DecisionOutcome.ChildAndFamilyAssessment => "Child and family assessment (section 17)",
        DecisionOutcome.StrategyDiscussion => "Strategy discussion (section 47)",
        DecisionOutcome.ImmediateProtectiveAction => "Immediate protective action",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>How the outcome is explained to a referrer, in plain words.</summary>
    public static string PlainWords(this DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.NoFurtherAction => "Children's social care will not take further action.",
        DecisionOutcome.NoFurtherActionWithAdvice =>
            "Children's social care will not take further action. We have given advice and suggested other support.",
        DecisionOutcome.StepDownToEarlyHelp =>
            "We have passed the referral to the early help hub, who will offer the family support with their consent.",
        DecisionOutcome.ChildAndFamilyAssessment =>
            "A social worker will carry out a child and family assessment to understand what help the child needs.",
        DecisionOutcome.StrategyDiscussion =>
            "Children's social care, the police and health are holding a strategy discussion to decide whether the child is at risk of " +
            "significant harm.",
        DecisionOutcome.ImmediateProtectiveAction => "Children's social care has taken immediate action to keep the child safe.",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>
    /// How serious an outcome is for the child, from no further action (0) to immediate protective action: a case takes the most
    /// serious of its children's outcomes (<see cref="ChildOutcome.CaseOutcome"/>). Stated here, not read from the enum's order,
    /// so adding a value cannot silently change a case's outcome.
    /// </summary>
    public static int Seriousness(this DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.NoFurtherAction => 0,
        DecisionOutcome.NoFurtherActionWithAdvice => 1,
        DecisionOutcome.StepDownToEarlyHelp => 2,
        DecisionOutcome.ChildAndFamilyAssessment => 3,
        DecisionOutcome.StrategyDiscussion => 4,
        DecisionOutcome.ImmediateProtectiveAction => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>Outcomes that close the case with no social care involvement: the Children in Need "NFA" flag.</summary>
    public static bool IsNoFurtherAction(this DecisionOutcome outcome) =>
        outcome is DecisionOutcome.NoFurtherAction or DecisionOutcome.NoFurtherActionWithAdvice or DecisionOutcome.StepDownToEarlyHelp;

    /// <summary>Outcomes that hand the case to an assessment or child protection team (s17, s47, protective action).</summary>
    public static bool IsStatutory(this DecisionOutcome outcome) =>
        outcome is DecisionOutcome.ChildAndFamilyAssessment or DecisionOutcome.StrategyDiscussion
            or DecisionOutcome.ImmediateProtectiveAction;

    /// <summary>Conversion, as the audits count it: the referral led to an s17 assessment or an s47 strategy discussion.</summary>
    public static bool IsConversion(this DecisionOutcome outcome) => outcome.IsStatutory();
}
