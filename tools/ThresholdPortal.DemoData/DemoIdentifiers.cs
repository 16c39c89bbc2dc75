using System.Globalization;
using Bogus;
using ThresholdPortal.Domain.Identifiers;
using ThresholdPortal.Web.Features.Intake;

namespace ThresholdPortal.DemoData;

/// <summary>
/// Identifiers and characteristics as a referrer would give them: NHS numbers from the range the NHS keeps for
/// testing (999 000 0000 up), made valid by their check digit, UPNs made by their check letter, and an ethnicity
/// mix near England's school population. Some are left out, as referrers often do not know them.
/// </summary>
public sealed class DemoIdentifiers(Randomizer random)
{
    private static readonly string[] Languages = ["English", "English", "English", "English", "English", "English", "Polish", "Urdu",
        "Romanian", "Punjabi", "Arabic", "Bengali", "Somali"];

    /// <summary>A valid NHS number's 10 digits, in the test range, so never a real person's.</summary>
    public string NhsNumber() => Domain.Identifiers.NhsNumber.InTestRange(random.Int(0, 999_999));

    /// <summary>A valid UPN from this demo council's LA code (938), a school, the year of issue and a serial.</summary>
    public string Upn(DateOnly born)
    {
        var rest = "938" + random.Int(2000, 4999).ToString(CultureInfo.InvariantCulture)
            + ((born.Year + 4) % 100).ToString("00", CultureInfo.InvariantCulture) + random.ReplaceNumbers("###");
        return Domain.Identifiers.Upn.CheckLetter("?" + rest) + rest;
    }

    /// <summary>What a referrer knows of a child: most know the NHS number, a school knows the UPN of a pupil.</summary>
    public ChildIdentity For(DateOnly born, bool atSchool, string? knownNhsNumber = null)
    {
        var language = random.ArrayElement(Languages);
        return new ChildIdentity
        {
            NhsNumber = knownNhsNumber ?? (random.Bool(0.8f) ? Domain.Identifiers.NhsNumber.Display(NhsNumber()) : null),
            Upn = atSchool && random.Bool(0.7f) ? Upn(born) : null,
            Sex = random.WeightedRandom(["F", "M", "U"], [0.49f, 0.49f, 0.02f]),
            Ethnicity = random.Bool(0.85f) ? random.WeightedRandom([.. CensusCodes.TypicalEthnicityMix.Select(e => e.Code)],
                [.. CensusCodes.TypicalEthnicityMix.Select(e => e.Share)]) : null,
            Disabilities = random.WeightedRandom<List<string>>([[CensusCodes.NoDisability], ["AUT"], ["COMM", "LD"], ["BEH"], []],
                [0.55f, 0.08f, 0.05f, 0.05f, 0.27f]),
            FirstLanguage = random.Bool(0.7f) ? language : null,
            InterpreterNeeded = language == "English" ? false : random.Bool(0.4f),
        };
    }
}
