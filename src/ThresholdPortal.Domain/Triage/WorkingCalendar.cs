namespace ThresholdPortal.Domain.Triage;

/// <summary>
/// When the MASH is at work: working hours on working days in local time, less bank holidays. Counts
/// working time forward from any instant, so deadlines skip nights, weekends and bank holidays. A year in
/// which no bank holiday is listed takes its holidays from <c>holidaysByRule</c>, when given, so deadlines
/// keep skipping holidays after the listed years run out.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> bankHolidays;
    private readonly HashSet<int> listedYears;
    private readonly Func<int, IEnumerable<DateOnly>>? holidaysByRule;
    private readonly Dictionary<int, HashSet<DateOnly>> ruleYears = [];
    private readonly Lock ruleYearsLock = new();
    private readonly HashSet<DayOfWeek> workingDays;

    public WorkingCalendar(
        TimeZoneInfo timeZone,
        TimeOnly dayStarts,
        TimeOnly dayEnds,
        IEnumerable<DayOfWeek> workingDays,
        IEnumerable<DateOnly> bankHolidays,
        Func<int, IEnumerable<DateOnly>>? holidaysByRule = null)
    {
        if (dayEnds <= dayStarts)
        {
            throw new ArgumentException("The working day must end after it starts.", nameof(dayEnds));
        }

        TimeZone = timeZone;
        DayStarts = dayStarts;
        DayEnds = dayEnds;
        this.workingDays = [.. workingDays];
        if (this.workingDays.Count == 0)
        {
            throw new ArgumentException("At least one day of the week must be a working day.", nameof(workingDays));
        }

        this.bankHolidays = [.. bankHolidays];
        listedYears = [.. this.bankHolidays.Select(d => d.Year)];
        this.holidaysByRule = holidaysByRule;
    }

    public TimeZoneInfo TimeZone { get; }
    public TimeOnly DayStarts { get; }
    public TimeOnly DayEnds { get; }
    public TimeSpan WorkingDayLength => DayEnds - DayStarts;

    /// <summary>The listed bank holidays; years with none listed may still have holidays by rule.</summary>
    public IReadOnlyCollection<DateOnly> BankHolidays => bankHolidays;

    /// <summary>Monday to Friday, 9am to 5pm in the given time zone, with the given bank holidays.</summary>
    public static WorkingCalendar UkOffice(TimeZoneInfo timeZone, IEnumerable<DateOnly> bankHolidays) => new(
        timeZone,
        new TimeOnly(9, 0),
        new TimeOnly(17, 0),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        bankHolidays);

    public bool IsWorkingDay(DateOnly date) => workingDays.Contains(date.DayOfWeek) && !IsBankHoliday(date);

    public bool IsBankHoliday(DateOnly date)
    {
        if (listedYears.Contains(date.Year) || holidaysByRule is null)
        {
            return bankHolidays.Contains(date);
        }

        lock (ruleYearsLock)
        {
            if (!ruleYears.TryGetValue(date.Year, out var byRule))
            {
                byRule = [.. holidaysByRule(date.Year)];
                ruleYears[date.Year] = byRule;
            }

            return byRule.Contains(date);
        }
    }

    /// <summary>The first bank holiday on or after <paramref name="from"/> within a year, listed or by rule.</summary>
    public DateOnly? NextBankHoliday(DateOnly from)
    {
        for (var date = from; date <= from.AddYears(1); date = date.AddDays(1))
        {
            if (IsBankHoliday(date))
            {
                return date;
            }
        }

        return null;
    }

    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) && time >= DayStarts && time < DayEnds;
    }

    /// <summary>The instant when <paramref name="workingTime"/> of working time has passed after <paramref name="from"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        var local = TimeZoneInfo.ConvertTime(from, TimeZone).DateTime;
        var remaining = workingTime;
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);

        // A generous bound: no configuration skips more than a year of days.
        for (var guard = 0; guard < 800; guard++)
        {
            if (IsWorkingDay(date) && time < DayEnds)
            {
                var start = time < DayStarts ? DayStarts : time;
                var available = DayEnds - start;
                if (remaining <= available)
                {
                    return ToInstant(date, start.Add(remaining));
                }

                remaining -= available;
            }

            date = date.AddDays(1);
            time = TimeOnly.MinValue;
        }

        throw new InvalidOperationException("No working time found within the calendar's range.");
    }

    /// <summary>Working time between two instants (zero if <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var start = TimeZoneInfo.ConvertTime(from, TimeZone).DateTime;
        var end = TimeZoneInfo.ConvertTime(to, TimeZone).DateTime;
        var total = TimeSpan.Zero;
        for (var date = DateOnly.FromDateTime(start); date <= DateOnly.FromDateTime(end); date = date.AddDays(1))
        {
            if (!IsWorkingDay(date))
            {
                continue;
            }

            var dayStart = date.ToDateTime(DayStarts);
            var dayEnd = date.ToDateTime(DayEnds);
            var overlapStart = start > dayStart ? start : dayStart;
            var overlapEnd = end < dayEnd ? end : dayEnd;
            if (overlapEnd > overlapStart)
            {
                total += overlapEnd - overlapStart;
            }
        }

        return total;
    }

    private DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }
}
