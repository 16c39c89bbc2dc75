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
    /// The common MASH definition (Red within 4 hours, Amber within 24 hours, Green within 72 hours, Blue no
    /// target) counted in working time on an 8-hour working day, so every rating's clock stops at the same
    /// nights, weekends and bank holidays and a lower risk can never fall due first: Red 4 working hours,
    /// Amber one working day (8), Green three working days (24); an unrated referral within one working day.
    /// Red is worked out of hours too, so a Red received out of hours is due 4 clock hours later, which is
    /// always before the next working day's Amber (docs/decisions/0088).
    /// </summary>
    public static DecisionTimescales Default { get; } = new(
        Red: TimeSpan.FromHours(4),
        Amber: TimeSpan.FromHours(8),
        Green: TimeSpan.FromHours(24),
        Unrated: TimeSpan.FromHours(8),
        GreenCountsWorkingTime: true,
        RedWorkedOutOfHours: true);
}
