namespace ThresholdPortal.Domain.Triage;

/// <summary>
/// England and Wales bank holidays worked out by the rules in the Banking and Financial Dealings Act 1971
/// and the proclamations that follow it every year, so the working calendar never runs out of holidays.
/// A one-off holiday proclaimed in future (a coronation, a state funeral) is added by an administrator.
/// </summary>
public static class BankHolidays
{
    // Declared first: the static properties below are computed from it.
    /// <summary>Extra days proclaimed once, since the current rules began to be published on GOV.UK.</summary>
    private static readonly (DateOnly Date, string Description)[] OneOffs =
    [
        (new DateOnly(2011, 4, 29), "Royal wedding"),
        (new DateOnly(2012, 6, 5), "Queen's Diamond Jubilee"),
        (new DateOnly(2022, 6, 3), "Queen's Platinum Jubilee"),
        (new DateOnly(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
        (new DateOnly(2023, 5, 8), "Coronation of King Charles III"),
    ];

    /// <summary>Every England and Wales bank holiday from <paramref name="fromYear"/> to <paramref name="toYear"/>, in order.</summary>
    public static IReadOnlyList<(DateOnly Date, string Description)> EnglandAndWales(int fromYear, int toYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(toYear, fromYear);
        return [.. Enumerable.Range(fromYear, toYear - fromYear + 1).SelectMany(InYear).OrderBy(h => h.Date)];
    }

    /// <summary>The default of the first settings version: the years the service first ran in.</summary>
    public static IReadOnlyList<DateOnly> EnglandAndWales2026To2027 { get; } = EnglandAndWalesDates(2026, 2027);

    /// <summary>Dates only, for a working calendar.</summary>
    public static IReadOnlyList<DateOnly> EnglandAndWalesDates(int fromYear, int toYear) =>
        [.. EnglandAndWales(fromYear, toYear).Select(h => h.Date)];

    /// <summary>What a date is, if it is an England and Wales bank holiday; "Bank holiday" for any other date.</summary>
    public static string Describe(DateOnly date) =>
        InYear(date.Year).Where(h => h.Date == date).Select(h => h.Description).FirstOrDefault() ?? "Bank holiday";

    private static IEnumerable<(DateOnly Date, string Description)> InYear(int year)
    {
        yield return Substitute(new DateOnly(year, 1, 1), "New Year's Day");

        var easter = EasterSunday(year);
        yield return (easter.AddDays(-2), "Good Friday");
        yield return (easter.AddDays(1), "Easter Monday");

        // The early May holiday moved to VE Day for its 75th anniversary.
        yield return year == 2020 ? (new DateOnly(2020, 5, 8), "Early May bank holiday (VE day)")
            : (FirstMonday(year, 5), "Early May bank holiday");
        foreach (var oneOff in OneOffs.Where(o => o.Date.Year == year))
        {
            yield return oneOff;
        }

        // The spring holiday moved for the Diamond and Platinum Jubilees.
        yield return year switch
        {
            2012 => (new DateOnly(2012, 6, 4), "Spring bank holiday"),
            2022 => (new DateOnly(2022, 6, 2), "Spring bank holiday"),
            _ => (LastMonday(year, 5), "Spring bank holiday"),
        };
        yield return (LastMonday(year, 8), "Summer bank holiday");

        // Christmas and Boxing Day: a day that falls at a weekend moves to the next weekday not already a holiday.
        var christmas = new DateOnly(year, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Friday:
                yield return (christmas, "Christmas Day");
                yield return (christmas.AddDays(3), "Boxing Day (substitute day)");
                break;
            case DayOfWeek.Saturday:
                yield return (christmas.AddDays(2), "Christmas Day (substitute day)");
                yield return (christmas.AddDays(3), "Boxing Day (substitute day)");
                break;
            case DayOfWeek.Sunday:
                yield return (christmas.AddDays(1), "Boxing Day");
                yield return (christmas.AddDays(2), "Christmas Day (substitute day)");
                break;
            default:
                yield return (christmas, "Christmas Day");
                yield return (christmas.AddDays(1), "Boxing Day");
                break;
        }
    }

    private static (DateOnly, string) Substitute(DateOnly date, string name) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => (date.AddDays(2), $"{name} (substitute day)"),
        DayOfWeek.Sunday => (date.AddDays(1), $"{name} (substitute day)"),
        _ => (date, name),
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1);
        return date.AddDays(((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var date = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return date.AddDays(-(((int)date.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
