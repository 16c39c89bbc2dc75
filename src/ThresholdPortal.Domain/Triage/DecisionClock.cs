namespace ThresholdPortal.Domain.Triage;

/// <summary>
/// Turns a referral's receipt time and its BRAG rating into the time its MASH decision is due.
/// </summary>
public sealed class DecisionClock(WorkingCalendar calendar, DecisionTimescales timescales)
{
    public WorkingCalendar Calendar { get; } = calendar;
    public DecisionTimescales Timescales { get; } = timescales;

    /// <summary>
    /// When the decision is due; null for Blue (no target). An unrated referral is due within one
    /// working day (the Working Together expectation for deciding the type of response).
    /// </summary>
    public DateTimeOffset? DeadlineFor(DateTimeOffset receivedAt, BragRating? rating) => rating switch
    {
        null => Calendar.AddWorkingTime(receivedAt, Timescales.Unrated),
        BragRating.Red when Timescales.RedWorkedOutOfHours && !Calendar.IsWorkingTime(receivedAt) => receivedAt + Timescales.Red,
        BragRating.Red => Calendar.AddWorkingTime(receivedAt, Timescales.Red),
        BragRating.Amber => Calendar.AddWorkingTime(receivedAt, Timescales.Amber),
        BragRating.Green when Timescales.GreenCountsWorkingTime => Calendar.AddWorkingTime(receivedAt, Timescales.Green),
        BragRating.Green => receivedAt + Timescales.Green,
        BragRating.Blue => null,
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, null),
    };

    /// <summary>Positive: time left; negative: how long overdue. Null when there is no deadline.</summary>
    public static TimeSpan? TimeLeft(DateTimeOffset? deadline, DateTimeOffset now) => deadline - now;
}
