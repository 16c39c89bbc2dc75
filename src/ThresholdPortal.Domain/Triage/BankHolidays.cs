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
}
