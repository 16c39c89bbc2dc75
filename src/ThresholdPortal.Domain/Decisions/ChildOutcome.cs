namespace ThresholdPortal.Domain.Decisions;

/// <summary>
/// The outcome a decision records for one child the referral names: siblings can go different ways, one to a section 47
/// enquiry and another to no further action, and the returns count each child (docs/decisions/0092).
/// </summary>
/// <param name="ReferralChildId">The child as the referral names them (<c>ReferralChild.Id</c>).</param>
/// <param name="Outcome">What the MASH decided for this child.</param>
public sealed record ChildOutcome(Guid ReferralChildId, DecisionOutcome Outcome)
{
    /// <summary>
    /// The case's outcome: its children's most serious (<see cref="DecisionOutcomeExtensions.Seriousness"/>). The case's NFA
    /// flag then holds only when no child is taken on, a hand-over is recorded when any child is, and the case is never shown as
    /// less serious than what happens to one of its children.
    /// </summary>
    public static DecisionOutcome CaseOutcome(IEnumerable<ChildOutcome> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        var outcomes = children.Select(c => c.Outcome).ToList();
        return outcomes.Count == 0
            ? throw new ArgumentException("A decision records an outcome for at least one child.", nameof(children))
            : outcomes.MaxBy(o => o.Seriousness());
    }
}
