namespace ThresholdPortal.Domain.Decisions;

/// <summary>
/// The Children in Need census "factors identified at assessment". A factor code names who it concerns by
/// its letter where the census asks (A the child, B a parent or carer, C another household member), so the
/// list holds each code the census accepts.
/// </summary>
public static class CinFactors
{
    public sealed record Factor(string Code, string Description);

    private static readonly string[] Whose = ["A", "B", "C"];

    public static IReadOnlyList<Factor> All { get; } =
    [
        .. Each("1", "Alcohol misuse"),
        .. Each("2", "Drug misuse"),
        .. Each("3", "Domestic violence"),
        .. Each("4", "Mental health"),
        .. Each("5", "Learning disability"),
        .. Each("6", "Physical disability or illness"),
        new("7A", "Young carer"),
        new("8B", "Privately fostered: overseas child, parents intend to leave"),
        new("8C", "Privately fostered: overseas child, parents intend to return"),
        new("8D", "Privately fostered: UK child in education"),
        new("8E", "Privately fostered: UK child, parents' study or work"),
        new("8F", "Privately fostered: other"),
        new("9A", "Unaccompanied asylum-seeking child"),
        new("10A", "Going or being missing"),
        new("11A", "Child sexual exploitation"),
        new("12A", "Trafficking"),
        new("13A", "Gangs"),
        new("14A", "Socially unacceptable behaviour"),
        new("15A", "Self-harm"),
        new("16A", "Neglect"),
        new("17A", "Emotional abuse"),
        new("18B", "Physical abuse by a child"),
        new("18C", "Physical abuse by an adult"),
        new("19B", "Sexual abuse by a child"),
        new("19C", "Sexual abuse by an adult"),
        new("20", "Other"),
        new("21", "No factors identified"),
        new("22A", "Female genital mutilation"),
        new("23A", "Abuse linked to faith or belief"),
        new("24A", "Child criminal exploitation"),
    ];

    private static readonly Dictionary<string, Factor> ByCode = All.ToDictionary(f => f.Code, StringComparer.Ordinal);

    public static bool IsKnown(string code) => ByCode.ContainsKey(code);

    public static string Describe(string code) => ByCode.TryGetValue(code, out var factor) ? factor.Description : code;

    private static IEnumerable<Factor> Each(string number, string description) =>
        Whose.Select(who => new Factor(number + who, $"{description} ({WhoDescription(who)})"));

    private static string WhoDescription(string who) => who switch
    {
        "A" => "child",
        "B" => "parent or carer",
        _ => "other household member",
    };
}
