using System.Globalization;
using System.Text.RegularExpressions;

namespace ThresholdPortal.Domain.Referrals;

/// <summary>The number a referrer quotes on the phone: area prefix, year of receipt, running number ("NS-2026-000123").</summary>
public static partial class ReferralReference
{
    public const int MaxLength = 30;

    public static string Format(string prefix, int year, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year:0000}-{number:000000}");

    public static bool IsWellFormed(string? reference) => reference is not null && Shape().IsMatch(reference);

    [GeneratedRegex("^[A-Z]{2,5}-[0-9]{4}-[0-9]{6,}$")]
    private static partial Regex Shape();
}
