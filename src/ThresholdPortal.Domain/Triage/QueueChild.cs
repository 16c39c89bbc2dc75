using System.Globalization;

namespace ThresholdPortal.Domain.Triage;

/// <summary>
/// How the queue names a child: initials and age only, never the full name, so a list glanced at over a
/// shoulder or left on a screen gives nothing away. The case record shows the rest.
/// </summary>
public static class QueueChild
{
    /// <summary>"J.C., 7"; an unborn baby by the month it is due: "B.C., unborn, due March 2027".</summary>
    public static string Describe(string? givenName, string? familyName, DateOnly? dateOfBirth, bool isUnborn, DateOnly today,
        DateOnly? expectedDate = null)
    {
        var initials = Initial(givenName) + Initial(familyName);
        if (isUnborn)
        {
            var who = initials.Length == 0 ? "Unborn baby" : $"{initials}, unborn";
            return expectedDate is { } due ? $"{who}, due {due.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}" : who;
        }

        var child = initials.Length == 0 ? "Child" : initials;
        return dateOfBirth is { } born ? $"{child}, {AgeDescription(born, today)}" : $"{child}, age not known";
    }

    /// <summary>Whole years; under 1, whole months ("9 months").</summary>
    public static string AgeDescription(DateOnly born, DateOnly today)
    {
        var years = YearsBetween(born, today);
        if (years >= 1)
        {
            return years.ToString(CultureInfo.InvariantCulture);
        }

        var months = Math.Max(0, ((today.Year - born.Year) * 12) + today.Month - born.Month - (today.Day < born.Day ? 1 : 0));
        return months == 1 ? "1 month" : $"{months.ToString(CultureInfo.InvariantCulture)} months";
    }

    public static int YearsBetween(DateOnly born, DateOnly today)
    {
        var years = today.Year - born.Year;
        return today < born.AddYears(years) ? years - 1 : years;
    }

    private static string Initial(string? name) =>
        string.IsNullOrWhiteSpace(name) ? string.Empty : char.ToUpperInvariant(name.Trim()[0]) + ".";
}
