namespace ThresholdPortal.Domain.Triage;

/// <summary>Published bank holidays, as the default for the working calendar until an administrator configures their own.</summary>
public static class BankHolidays
{
    /// <summary>England and Wales (gov.uk/bank-holidays), 2026 and 2027, with substitute days.</summary>
    public static IReadOnlyList<DateOnly> EnglandAndWales2026To2027 { get; } =
    [
        new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25), new(2026, 8, 31),
        new(2026, 12, 25), new(2026, 12, 28),
        new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 3), new(2027, 5, 31), new(2027, 8, 30),
        new(2027, 12, 27), new(2027, 12, 28),
    ];

    /// <summary>What each of <see cref="EnglandAndWales2026To2027"/> is; any other date is "Bank holiday".</summary>
    public static string Describe(DateOnly date) => (date.Month, date.Day) switch
    {
        (1, 1) => "New Year's Day",
        (12, 25) => "Christmas Day",
        (12, 26) or (12, 28) when date.Year == 2026 => "Boxing Day (substitute day)",
        (12, 27) when date.Year == 2027 => "Christmas Day (substitute day)",
        (12, 28) when date.Year == 2027 => "Boxing Day (substitute day)",
        (4, 3) when date.Year == 2026 => "Good Friday",
        (3, 26) when date.Year == 2027 => "Good Friday",
        (4, 6) when date.Year == 2026 => "Easter Monday",
        (3, 29) when date.Year == 2027 => "Easter Monday",
        (5, _) when date.Day <= 7 => "Early May bank holiday",
        (5, _) => "Spring bank holiday",
        (8, _) => "Summer bank holiday",
        _ => "Bank holiday",
    };
}
