using System.Text.RegularExpressions;
using ThresholdPortal.Domain.Identifiers;
using ThresholdPortal.Domain.Organisations;

namespace ThresholdPortal.Domain.Returns;

/// <summary>
/// The census year a return covers: 1 April to 31 March, named by the year it ends, whose last day is the reference date
/// (DfE rule 100).
/// </summary>
public sealed record CensusYear(int Ending)
{
    public const int Earliest = 2020;

    public DateOnly Start => new(Ending - 1, 4, 1);

    public DateOnly ReferenceDate => new(Ending, 3, 31);

    public string Name => $"{Ending - 1} to {Ending}";

    /// <summary>The census year a day falls in.</summary>
    public static CensusYear Containing(DateOnly day) => new(day.Month >= 4 ? day.Year + 1 : day.Year);
}

/// <summary>One referral of a child (the census's CINdetails), as the front door records it.</summary>
public sealed record CensusReferral(
    DateOnly ReferralDate, string? Source, bool Nfa, string? PrimaryNeed, DateOnly? ClosureDate, string? ClosureReason);

/// <summary>One child (the census's Child): identifiers, characteristics and every referral of theirs in the year.</summary>
public sealed record CensusChild(
    string LaChildId,
    string? Upn,
    DateOnly? BirthDate,
    DateOnly? ExpectedBirthDate,
    string? Sex,
    string? Ethnicity,
    IReadOnlyList<string> Disabilities,
    IReadOnlyList<CensusReferral> Referrals);

/// <summary>A rule a child breaks: the DfE's rule code, what is wrong in words, and whether it is only a query (Q).</summary>
public sealed record CensusFailure(string LaChildId, string Rule, string Message)
{
    public bool IsQuery => Rule.EndsWith('Q');
}

/// <summary>
/// The DfE's CIN census validation rules that concern a front door (docs/decisions/0125; ../shared/cin-census.md lists
/// them), run before a return is downloaded so each failure can be fixed first. Pure: the same children give the same
/// failures, in child order then rule order.
/// </summary>
public static partial class CinCensusRules
{
    public const int MostIdLength = 20;

    private static readonly string[] PrimaryNeeds = ["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"];
    private static readonly string[] ClosureReasons = ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"];

    public static IReadOnlyList<CensusFailure> Check(IReadOnlyList<CensusChild> children, CensusYear year)
    {
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(year);
        var failures = new List<CensusFailure>();
        var ids = children.GroupBy(c => c.LaChildId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var upns = children.Where(c => !string.IsNullOrEmpty(c.Upn)).GroupBy(c => c.Upn!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        foreach (var child in children)
        {
            void Fail(string rule, string message) => failures.Add(new CensusFailure(child.LaChildId, rule, message));

            if (string.IsNullOrWhiteSpace(child.LaChildId))
            {
                Fail("8500", "The child has no LA child ID.");
            }
            else if (child.LaChildId.Length > MostIdLength || !Alphanumeric().IsMatch(child.LaChildId))
            {
                Fail("1580", $"The LA child ID must be at most {MostIdLength} letters and digits.");
            }

            if (ids.Contains(child.LaChildId))
            {
                Fail("8510", "Another child in the return has the same LA child ID.");
            }

            CheckIdentity(child, year, upns, Fail);
            CheckCharacteristics(child, Fail);
            if (child.Referrals.Count == 0)
            {
                Fail("8590", "The child has no referral in the return.");
            }

            foreach (var referral in child.Referrals)
            {
                CheckReferral(child, referral, year, Fail);
            }
        }

        return failures;
    }

    private static void CheckIdentity(CensusChild child, CensusYear year, HashSet<string> duplicateUpns, Action<string, string> fail)
    {
        if (child.Upn is { Length: > 0 } upn && !Upn.IsValid(upn))
        {
            fail("1510", "The UPN's check letter does not match its digits.");
        }

        if (child.Upn is { Length: > 0 } shared && duplicateUpns.Contains(shared))
        {
            fail("1520", "Another child in the return has the same UPN.");
        }

        if ((child.BirthDate is null) == (child.ExpectedBirthDate is null))
        {
            fail("8525Q", child.BirthDate is null
                ? "The child has neither a date of birth nor an expected date of birth."
                : "The child has both a date of birth and an expected date of birth: give one.");
        }

        if (child.BirthDate is { } born && born > year.ReferenceDate)
        {
            fail("8520", "The date of birth is after the census reference date.");
        }

        if (child.BirthDate is null && child.ExpectedBirthDate is { } due
            && (due < year.ReferenceDate.AddDays(-30) || due > year.ReferenceDate.AddMonths(9)))
        {
            fail("8530Q", "The expected date of birth is not between 30 days before and 9 months after the reference date.");
        }

        if (!CensusCodes.IsSex(child.Sex))
        {
            fail("4180", "The child's sex is missing or not M, F or U.");
        }
        else if (child.BirthDate is null && child.ExpectedBirthDate is not null && child.Sex != "U")
        {
            fail("8750", "An unborn child's sex must be U.");
        }

        var schoolAge = child.BirthDate is { } dob && AgeOn(dob, year.ReferenceDate) is >= 6 and <= 15;
        if (schoolAge && string.IsNullOrEmpty(child.Upn) && child.Referrals.Any(r => !r.Nfa))
        {
            fail("8770Q", "A school-age child with a referral that is not NFA should have a UPN.");
        }
    }

    private static void CheckCharacteristics(CensusChild child, Action<string, string> fail)
    {
        if (!CensusCodes.IsEthnicity(child.Ethnicity))
        {
            fail("4220", "The child's ethnicity is missing or not a DfE code (use NOBT when not yet obtained).");
        }

        if (child.Disabilities.Any(d => !CensusCodes.IsDisability(d)))
        {
            fail("8540", "A disability code is not a DfE code.");
        }
        else if (child.BirthDate is not null && child.Disabilities.Count == 0 && child.Referrals.Any(r => !r.Nfa))
        {
            fail("8540", "A born child with a referral that is not NFA needs a disability code (NONE when there is none).");
        }

        if (child.Disabilities.Contains("NONE") && child.Disabilities.Count > 1)
        {
            fail("8790", "NONE cannot be given with another disability code.");
        }

        if (child.Disabilities.Distinct(StringComparer.Ordinal).Count() != child.Disabilities.Count)
        {
            fail("8794", "A disability code is given twice.");
        }
    }

    private static void CheckReferral(CensusChild child, CensusReferral referral, CensusYear year, Action<string, string> fail)
    {
        var on = $"The referral of {referral.ReferralDate:d MMMM yyyy}";
        if (referral.ReferralDate > year.ReferenceDate)
        {
            fail("8600", $"{on} is after the census reference date.");
        }

        if ((child.BirthDate ?? child.ExpectedBirthDate) is { } birth && referral.ReferralDate < birth.AddDays(-280))
        {
            fail("8606", $"{on} is more than 280 days before the child's (expected) date of birth.");
        }

        if (referral.Source is null || !ReferralSource.All.Any(s => s.Code == referral.Source))
        {
            fail("8866", $"{on} has no valid referral source.");
        }

        if (!referral.Nfa && string.IsNullOrEmpty(referral.PrimaryNeed))
        {
            fail("8610", $"{on} is not NFA, so it needs a primary need code.");
        }
        else if (referral.PrimaryNeed is { } need && !PrimaryNeeds.Contains(need))
        {
            fail("8650", $"{on} has a primary need code that is not N0 to N9.");
        }

        if ((referral.ClosureDate is null) != (referral.ClosureReason is null))
        {
            fail(referral.ClosureDate is null ? "8810" : "8805", $"{on} needs both a closure date and a reason for closure, or neither.");
        }

        if (referral.ClosureReason is { } reason && !ClosureReasons.Contains(reason))
        {
            fail("8640", $"{on} has a reason for closure that is not RC1 to RC9.");
        }

        if (referral.ClosureDate is { } closed && closed < referral.ReferralDate)
        {
            fail("8630", $"{on} closes before it starts.");
        }
    }

    private static int AgeOn(DateOnly born, DateOnly day)
    {
        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex Alphanumeric();
}
