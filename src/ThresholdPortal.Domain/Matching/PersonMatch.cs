using System.Globalization;

namespace ThresholdPortal.Domain.Matching;

/// <summary>
/// What is known of a person for matching: names and, where known, date of birth, NHS number and UPN; for a baby not yet
/// born, the expected date of delivery instead of a date of birth.
/// </summary>
public sealed record PersonDetails(string GivenName, string FamilyName, DateOnly? DateOfBirth, string? NhsNumber = null,
    string? Upn = null, DateOnly? ExpectedDate = null)
{
    /// <summary>When the baby was born or is due: what an unborn baby's record is compared on.</summary>
    public DateOnly? BirthOrDue => DateOfBirth ?? ExpectedDate;

    public bool IsUnborn => DateOfBirth is null && ExpectedDate is not null;
}

public enum MatchStrength
{
    Weak,
    Possible,
    Strong,
}

public static class MatchStrengthExtensions
{
    /// <summary>"strong match": said after the score, so in lower case.</summary>
    public static string DisplayName(this MatchStrength strength) => strength switch
    {
        MatchStrength.Strong => "strong match",
        MatchStrength.Possible => "possible match",
        MatchStrength.Weak => "weak match",
        _ => throw new ArgumentOutOfRangeException(nameof(strength), strength, null),
    };
}

/// <summary>
/// A candidate's score out of 100 with the evidence behind it, in words a practitioner can check. An exact NHS
/// number or UPN is the strongest evidence, so such a candidate lists first whatever the names say; a conflict
/// (the same number with a different date of birth) is said in words for the practitioner to resolve.
/// </summary>
public sealed record MatchResult(int Score, MatchStrength Strength, IReadOnlyList<string> Evidence, bool IdentifierMatches = false,
    IReadOnlyList<string>? Conflicts = null)
{
    public IReadOnlyList<string> ConflictsOrNone => Conflicts ?? [];
}

/// <summary>
/// Scores how likely a person named in a referral is someone the portal already knows. Names count for
/// up to 60 points (trigram similarity, allowing misspellings and swapped given and family names) and date
/// of birth for up to 40 (exact, transposed day and month, or a one-digit slip); a clearly different date
/// of birth takes points away. An identifier both sides know outweighs them (docs/decisions/0106): the same NHS
/// number or UPN makes a strong match, a different one takes 40 points away. Nothing is linked on the score
/// alone: a practitioner confirms.
/// </summary>
public static class PersonMatch
{
    public const int StrongFrom = 80;
    public const int PossibleFrom = 55;

    public static MatchResult Score(PersonDetails referred, PersonDetails known)
    {
        var evidence = new List<string>();
        var given = Trigrams.Similarity(referred.GivenName, known.GivenName);
        var family = Trigrams.Similarity(referred.FamilyName, known.FamilyName);
        var straight = (given + family) / 2;
        var swapped = (Trigrams.Similarity(referred.GivenName, known.FamilyName)
            + Trigrams.Similarity(referred.FamilyName, known.GivenName)) / 2;

        double nameScore;
        if (swapped > straight + 0.2)
        {
            nameScore = swapped;
            evidence.Add($"Given and family names appear swapped (similarity {Percent(swapped)})");
        }
        else
        {
            nameScore = straight;
            evidence.Add(Describe("Given name", given, referred.GivenName, known.GivenName));
            evidence.Add(Describe("Family name", family, referred.FamilyName, known.FamilyName));
        }

        var dateScore = referred.IsUnborn || known.IsUnborn
            ? ExpectedDatePoints(referred, known, evidence)
            : DateOfBirthPoints(referred.DateOfBirth, known.DateOfBirth, evidence);
        var score = Math.Clamp((int)Math.Round(nameScore * 60) + dateScore, 0, 100);
        var conflicts = new List<string>();
        var nhs = CompareIdentifier("NHS number", referred.NhsNumber, known.NhsNumber, evidence);
        var upn = CompareIdentifier("UPN", referred.Upn, known.Upn, evidence);
        var identifierMatches = nhs == true || upn == true;
        if (nhs == false || upn == false)
        {
            score = Math.Max(0, score - 40);
        }

        if (identifierMatches)
        {
            score = Math.Max(score, StrongFrom);
            if (referred.DateOfBirth is { } a && known.DateOfBirth is { } b && a != b)
            {
                conflicts.Add($"The same {(nhs == true ? "NHS number" : "UPN")} with a different date of birth: check which is right " +
                    "before linking");
            }
        }

        if (nhs == true && upn == false)
        {
            conflicts.Add("The same NHS number with a different UPN: check which is right before linking");
        }

        var strength = score >= StrongFrom ? MatchStrength.Strong : score >= PossibleFrom ? MatchStrength.Possible : MatchStrength.Weak;
        return new MatchResult(score, strength, evidence, identifierMatches, conflicts);
    }

    /// <summary>True when both know it and it is the same, false when both know it and it differs, null otherwise.</summary>
    private static bool? CompareIdentifier(string name, string? referred, string? known, List<string> evidence)
    {
        if (string.IsNullOrEmpty(referred) || string.IsNullOrEmpty(known))
        {
            return null;
        }

        var same = string.Equals(referred, known, StringComparison.Ordinal);
        evidence.Insert(0, same ? $"{name} matches exactly" : $"{name} differs");
        return same;
    }

    private static int DateOfBirthPoints(DateOnly? referred, DateOnly? known, List<string> evidence)
    {
        if (referred is not { } a || known is not { } b)
        {
            evidence.Add("Date of birth not known for both, so not compared");
            return 0;
        }

        if (a == b)
        {
            evidence.Add("Date of birth matches exactly");
            return 40;
        }

        if (a.Year == b.Year && a.Day == b.Month && a.Month == b.Day)
        {
            evidence.Add("Day and month of birth appear transposed");
            return 25;
        }

        if (DiffersByOneDigit(a, b))
        {
            evidence.Add("Date of birth differs by one digit (a possible typing slip)");
            return 20;
        }

        if (Math.Abs(a.DayNumber - b.DayNumber) <= 3)
        {
            evidence.Add("Date of birth within 3 days");
            return 10;
        }

        evidence.Add("Date of birth differs");
        return -25;
    }

    /// <summary>Days either side of an expected date of delivery within which a birth, or another expected date, is near.</summary>
    public const int ExpectedDateWindowDays = 28;

    /// <summary>
    /// An unborn baby has no date of birth: its expected date is compared with the other record's expected date or date of
    /// birth. Babies come weeks early or late and due dates are revised, so four weeks either side is evidence and eight
    /// weeks weaker evidence; further apart takes points away, as a different date of birth does.
    /// </summary>
    private static int ExpectedDatePoints(PersonDetails referred, PersonDetails known, List<string> evidence)
    {
        if (referred.BirthOrDue is not { } a || known.BirthOrDue is not { } b)
        {
            evidence.Add("Expected date of birth not known for both, so not compared");
            return 0;
        }

        var what = referred.IsUnborn && known.IsUnborn ? "Expected dates of birth" : "Expected date and date of birth";
        var days = Math.Abs(a.DayNumber - b.DayNumber);
        if (days <= ExpectedDateWindowDays)
        {
            evidence.Add($"{what} within 4 weeks of each other");
            return 30;
        }

        if (days <= 2 * ExpectedDateWindowDays)
        {
            evidence.Add($"{what} within 8 weeks of each other");
            return 15;
        }

        evidence.Add($"{what} more than 8 weeks apart");
        return -25;
    }

    private static bool DiffersByOneDigit(DateOnly a, DateOnly b)
    {
        var left = a.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var right = b.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return left.Zip(right).Count(pair => pair.First != pair.Second) == 1;
    }

    private static string Describe(string part, double similarity, string referred, string known) =>
        similarity >= 0.999 || string.Equals(referred.Trim(), known.Trim(), StringComparison.OrdinalIgnoreCase)
            ? $"{part} matches exactly"
            : similarity >= 0.3 ? $"{part} is similar ({Percent(similarity)})" : $"{part} differs";

    // "40%", as UK English writes it (the invariant culture's "P0" gives "40 %").
    private static string Percent(double value) => Math.Round(value * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
