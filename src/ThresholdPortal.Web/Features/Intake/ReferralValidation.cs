using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Intake;

/// <summary>The rules every free-text answer of a referral follows, worded the GOV.UK way.</summary>
public static partial class ReferralValidation
{
    /// <summary>
    /// Within the length limit. Markup is allowed: it is stored as typed and always encoded when shown.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Answer<T>(this IRuleBuilder<T, string?> rule, string label, int maxLength) =>
        rule.MaximumLength(maxLength)
            .WithMessage(string.Create(CultureInfo.InvariantCulture, $"{label} must be {maxLength:N0} characters or fewer"));

    public static IRuleBuilderOptions<T,
        string?> RequiredAnswer<T>(this IRuleBuilder<T, string?> rule, string missing, string label, int maxLength) =>
        rule.NotEmpty().WithMessage(missing).Answer(label, maxLength);

    /// <summary>
    /// Trimmed text, or null for an empty answer. Control characters are dropped (PostgreSQL cannot store a
    /// NUL and the others hide text), except that the vertical tabs and form feeds a word processor pastes
    /// become line breaks.
    /// </summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var kept = new string([.. text.Select(c => c is '\v' or '\f' ? '\n' : c)
            .Where(c => !char.IsControl(c) || c is '\r' or '\n' or '\t')]).Trim();
        return kept.Length == 0 ? null : kept;
    }

    public static bool IsPostcode(string? postcode) => postcode is not null && Postcode().IsMatch(postcode.Trim());

    /// <summary>"nt11aa" becomes "NT1 1AA".</summary>
    public static string? NormalisePostcode(string? postcode)
    {
        var compact = Clean(postcode)?.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return compact is null || compact.Length < 5 ? compact : compact[..^3] + " " + compact[^3..];
    }

    public static bool IsPhoneNumber(string? phone) =>
        phone is not null && PhoneCharacters().IsMatch(phone.Trim()) && phone.Count(char.IsAsciiDigit) is >= 10 and <= 15;

    [GeneratedRegex(@"^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s*[0-9][A-Za-z]{2}$")]
    private static partial Regex Postcode();

    [GeneratedRegex(@"^[0-9 +()\-]+$")]
    private static partial Regex PhoneCharacters();
}

/// <summary>Today's date in the UK, whatever the server's time zone: dates of birth are judged against it.</summary>
public static class UkCalendar
{
    public static DateOnly Today(TimeProvider clock) => UkTime.Today(clock);

    public static DateOnly DateOf(DateTimeOffset moment) => UkTime.DateOf(moment);

    public static string Format(DateOnly date) => UkTime.Date(date);

    public static string Format(DateTimeOffset moment) => UkTime.DateAndTime(moment);
}
