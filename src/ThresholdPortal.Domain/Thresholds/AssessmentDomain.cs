namespace ThresholdPortal.Domain.Thresholds;

/// <summary>The three sides of the assessment framework triangle that group a threshold document's indicators.</summary>
public enum AssessmentDomain
{
    ChildsDevelopmentalNeeds = 1,
    ParentingCapacity,
    FamilyAndEnvironmentalFactors,
}

public static class AssessmentDomainExtensions
{
    public static string DisplayName(this AssessmentDomain domain) => domain switch
    {
        AssessmentDomain.ChildsDevelopmentalNeeds => "The child's developmental needs",
        AssessmentDomain.ParentingCapacity => "Parenting capacity",
        AssessmentDomain.FamilyAndEnvironmentalFactors => "Family and environmental factors",
        _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, null),
    };
}
