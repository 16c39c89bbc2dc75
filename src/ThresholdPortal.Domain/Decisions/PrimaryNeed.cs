namespace ThresholdPortal.Domain.Decisions;

/// <summary>The Children in Need census primary need codes, N0 to N9. Stored by name, so never rename a value.</summary>
public enum PrimaryNeed
{
    N0NotStated,
    N1AbuseOrNeglect,
    N2ChildsDisability,
    N3ParentalDisabilityOrIllness,
    N4FamilyInAcuteStress,
    N5FamilyDysfunction,
    N6SociallyUnacceptableBehaviour,
    N7LowIncome,
    N8AbsentParenting,
    N9NotChildInNeed,
}

public static class PrimaryNeedExtensions
{
    public static IReadOnlyList<PrimaryNeed> All { get; } = Enum.GetValues<PrimaryNeed>();

    /// <summary>The census code: "N1".</summary>
    public static string Code(this PrimaryNeed need) => $"N{(int)need}";

    public static string DisplayName(this PrimaryNeed need) => need switch
    {
        PrimaryNeed.N0NotStated => "Not stated",
        PrimaryNeed.N1AbuseOrNeglect => "Abuse or neglect",
        PrimaryNeed.N2ChildsDisability => "Child's disability",
        PrimaryNeed.N3ParentalDisabilityOrIllness => "Parental disability or illness",
        PrimaryNeed.N4FamilyInAcuteStress => "Family in acute stress",
        PrimaryNeed.N5FamilyDysfunction => "Family dysfunction",
        PrimaryNeed.N6SociallyUnacceptableBehaviour => "Socially unacceptable behaviour",
        PrimaryNeed.N7LowIncome => "Low income",
        PrimaryNeed.N8AbsentParenting => "Absent parenting",
        PrimaryNeed.N9NotChildInNeed => "Cases other than children in need",
        _ => throw new ArgumentOutOfRangeException(nameof(need), need, null),
    };
}
