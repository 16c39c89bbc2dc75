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

    /// <summary>
    /// Where the timescales put a lower risk before a higher one: the first receipt time, in a sample week
    /// that holds a weekend and the calendar's next bank holiday on or after <paramref name="from"/>, at
    /// which Red falls due after Amber or Amber after Green. Null when Red, Amber and Green keep their
    /// order at every quarter of an hour of that week.
    /// </summary>
    public TimescaleInversion? FirstInversion(DateOnly from)
    {
        foreach (var received in SampleWeek(from))
        {
            var red = DeadlineFor(received, BragRating.Red)!.Value;
            var amber = DeadlineFor(received, BragRating.Amber)!.Value;
            var green = DeadlineFor(received, BragRating.Green)!.Value;
            if (red > amber)
            {
                return new TimescaleInversion(received, BragRating.Red, red, BragRating.Amber, amber);
            }

            if (amber > green)
            {
                return new TimescaleInversion(received, BragRating.Amber, amber, BragRating.Green, green);
            }
        }

        return null;
    }

    /// <summary>
    /// Every quarter of an hour of the seven days from the Monday of the week that holds the calendar's
    /// first bank holiday on or after <paramref name="from"/> (or of <paramref name="from"/>'s week if none).
    /// </summary>
    public IEnumerable<DateTimeOffset> SampleWeek(DateOnly from)
    {
        var holiday = Calendar.NextBankHoliday(from) ?? from;
        var monday = holiday.AddDays(-(((int)holiday.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
        var start = monday.ToDateTime(TimeOnly.MinValue);
        for (var quarter = 0; quarter < 7 * 24 * 4; quarter++)
        {
            var local = start.AddMinutes(15 * quarter);
            if (!Calendar.TimeZone.IsInvalidTime(local))
            {
                yield return new DateTimeOffset(local, Calendar.TimeZone.GetUtcOffset(local));
            }
        }
    }

    /// <summary>Positive: time left; negative: how long overdue. Null when there is no deadline.</summary>
    public static TimeSpan? TimeLeft(DateTimeOffset? deadline, DateTimeOffset now) => deadline - now;
}

/// <summary>A receipt time at which a higher rating falls due after a lower one.</summary>
public sealed record TimescaleInversion(DateTimeOffset ReceivedAt, BragRating Higher, DateTimeOffset HigherDue, BragRating Lower,
    DateTimeOffset LowerDue)
{
    /// <summary>
    /// "A Green referral received on Friday 4 December 2026 at 9:00am would be due before an Amber one (Monday 7 December
    /// 2026 at 9:00am, against Wednesday 9 December 2026 at 9:00am)", in the MASH's time zone.
    /// </summary>
    public string Describe(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        string When(DateTimeOffset instant)
        {
            var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
            var british = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
            return $"{local.ToString("dddd d MMMM yyyy", british)} at {local.ToString("h:mmtt", british).ToLowerInvariant()}";
        }

        return $"{An(Lower)} referral received on {When(ReceivedAt)} would be due before {An(Higher).ToLowerInvariant()} one " +
            $"({When(LowerDue)}, against {When(HigherDue)}). Each rating must fall due no later than the one below it";
    }

    private static string An(BragRating rating) => (rating == BragRating.Amber ? "An " : "A ") + rating;
}
