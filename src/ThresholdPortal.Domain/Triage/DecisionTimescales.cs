namespace ThresholdPortal.Domain.Triage;

/// <summary>How long the MASH has to decide, by rating. Configuration, not code: local definitions differ.</summary>
public sealed record DecisionTimescales(
    TimeSpan Red,
    TimeSpan Amber,
    TimeSpan Green,
    TimeSpan Unrated,
    bool GreenCountsWorkingTime,
    bool RedWorkedOutOfHours)
{
    /// <summary>
    /// The common Surrey Police MASH definition: Red within 4 working hours, Amber within 24 working
    /// hours, Green within 72 hours, Blue no target; an unrated referral within one working day. Red cases
    /// are worked out of hours too, so a Red received out of hours is due 4 clock hours later.
    /// </summary>
    public static DecisionTimescales Default { get; } = new(
        Red: TimeSpan.FromHours(4),
        Amber: TimeSpan.FromHours(24),
        Green: TimeSpan.FromHours(72),
        Unrated: TimeSpan.FromHours(8),
        GreenCountsWorkingTime: false,
        RedWorkedOutOfHours: true);
}
