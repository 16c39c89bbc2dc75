using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Domain.InformationRequests;

/// <summary>How long an agency has to answer, by the case's BRAG rating, in working time. Configuration, not code.</summary>
public sealed record RequestTimescales(TimeSpan Red, TimeSpan Amber, TimeSpan Green, TimeSpan Blue, TimeSpan Unrated)
{
    /// <summary>
    /// Red 2 working hours, Amber 8 (one working day), Green 24 (three working days), Blue 40 (a working
    /// week); unrated 8. Each sits well inside the MASH's own decision timescale for the same rating, so
    /// the answers arrive before the decision is due.
    /// </summary>
    public static RequestTimescales Default { get; } = new(
        Red: TimeSpan.FromHours(2),
        Amber: TimeSpan.FromHours(8),
        Green: TimeSpan.FromHours(24),
        Blue: TimeSpan.FromHours(40),
        Unrated: TimeSpan.FromHours(8));

    public TimeSpan For(BragRating? rating) => rating switch
    {
        null => Unrated,
        BragRating.Red => Red,
        BragRating.Amber => Amber,
        BragRating.Green => Green,
        BragRating.Blue => Blue,
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, null),
    };
}

/// <summary>
/// When an agency's answer is due: the rating's timescale counted in the MASH's working time (the same
/// calendar as the decision clock) from the moment the request is sent (docs/decisions/0042).
/// </summary>
public sealed class RequestDueTimes(WorkingCalendar calendar, RequestTimescales timescales)
{
    public WorkingCalendar Calendar { get; } = calendar;
    public RequestTimescales Timescales { get; } = timescales;

    public DateTimeOffset DueAt(DateTimeOffset sentAt, BragRating? rating) => Calendar.AddWorkingTime(sentAt, Timescales.For(rating));
}
