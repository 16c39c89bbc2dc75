namespace ThresholdPortal.Domain.Identifiers;

/// <summary>A code as the Children in Need census records it, with the words a person reads.</summary>
public sealed record CensusCode(string Code, string Label);

/// <summary>
/// The census code lists for a child's characteristics (DfE CIN census, 2024-25 on): sex, ethnicity and
/// disability. Stored as the codes themselves, so a return can use them as they are.
/// </summary>
public static class CensusCodes
{
    public const int SexMaxLength = 1;
    public const int EthnicityMaxLength = 4;
    public const int DisabilityMaxLength = 4;
    public const string NoDisability = "NONE";

    public static IReadOnlyList<CensusCode> Sexes { get; } =
    [
        new("F", "Female"),
        new("M", "Male"),
        new("U", "Not known or not recorded"),
    ];

    public static IReadOnlyList<CensusCode> Ethnicities { get; } =
    [
        new("WBRI", "White: English, Welsh, Scottish, Northern Irish or British"),
        new("WIRI", "White: Irish"),
        new("WIRT", "White: Traveller of Irish heritage"),
        new("WOTH", "White: any other White background"),
        new("WROM", "White: Gypsy or Roma"),
        new("MWBC", "Mixed: White and Black Caribbean"),
        new("MWBA", "Mixed: White and Black African"),
        new("MWAS", "Mixed: White and Asian"),
        new("MOTH", "Mixed: any other mixed background"),
        new("AIND", "Asian or Asian British: Indian"),
        new("APKN", "Asian or Asian British: Pakistani"),
        new("ABAN", "Asian or Asian British: Bangladeshi"),
        new("AOTH", "Asian or Asian British: any other Asian background"),
        new("BCRB", "Black or Black British: Caribbean"),
        new("BAFR", "Black or Black British: African"),
        new("BOTH", "Black or Black British: any other Black background"),
        new("CHNE", "Chinese"),
        new("OOTH", "Any other ethnic group"),
        new("REFU", "Refused"),
        new("NOBT", "Information not yet obtained"),
    ];

    public static IReadOnlyList<CensusCode> Disabilities { get; } =
    [
        new("MOB", "Mobility"),
        new("HAND", "Hand function"),
        new("PC", "Personal care"),
        new("INC", "Incontinence"),
        new("COMM", "Communication"),
        new("LD", "Learning"),
        new("HEAR", "Hearing"),
        new("VIS", "Vision"),
        new("BEH", "Behaviour"),
        new("CON", "Consciousness"),
        new("AUT", "Autism or Asperger syndrome"),
        new("DDA", "Other disability"),
        new(NoDisability, "No disability"),
    ];

    /// <summary>
    /// Roughly the shares of England's pupils by ethnicity code (DfE school census, rounded), with some refused and
    /// not yet obtained: for demo and generated data that should look like a real front door's.
    /// </summary>
    public static IReadOnlyList<(string Code, float Share)> TypicalEthnicityMix { get; } =
    [
        ("WBRI", 0.625f), ("WIRI", 0.003f), ("WIRT", 0.002f), ("WOTH", 0.07f), ("WROM", 0.005f), ("MWBC", 0.015f), ("MWBA", 0.01f),
        ("MWAS", 0.015f), ("MOTH", 0.025f), ("AIND", 0.035f), ("APKN", 0.045f), ("ABAN", 0.02f), ("AOTH", 0.02f), ("BCRB", 0.01f),
        ("BAFR", 0.04f), ("BOTH", 0.01f), ("CHNE", 0.005f), ("OOTH", 0.02f), ("REFU", 0.005f), ("NOBT", 0.02f),
    ];

    public static bool IsSex(string? code) => Find(Sexes, code) is not null;

    public static bool IsEthnicity(string? code) => Find(Ethnicities, code) is not null;

    public static bool IsDisability(string? code) => Find(Disabilities, code) is not null;

    /// <summary>
    /// Null when the disability codes are a valid answer: known codes, none repeated, and "no disability"
    /// only on its own (census rules 8790 and 8794); else the GOV.UK error message.
    /// </summary>
    public static string? CheckDisabilities(IReadOnlyCollection<string> codes)
    {
        if (codes.Any(code => !IsDisability(code)) || codes.Distinct(StringComparer.Ordinal).Count() != codes.Count)
        {
            return "Select the child's disabilities from the list";
        }

        return codes.Contains(NoDisability) && codes.Count > 1
            ? "Select \"No disability\" on its own, or the disabilities that apply"
            : null;
    }

    /// <summary>The words for a code, or the code itself if it is not in the list.</summary>
    public static string Label(IReadOnlyList<CensusCode> list, string code) => Find(list, code)?.Label ?? code;

    private static CensusCode? Find(IReadOnlyList<CensusCode> list, string? code) =>
        list.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));
}
