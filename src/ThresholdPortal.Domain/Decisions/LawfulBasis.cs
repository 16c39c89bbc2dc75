namespace ThresholdPortal.Domain.Decisions;

/// <summary>
/// Why the MASH may proceed (share and act) when the family did not give consent. Working Together and the
/// Data Protection Act 2018 allow it when consent cannot be given, cannot reasonably be obtained, or would
/// prejudice the child's protection. Stored by name, so never rename a value.
/// </summary>
public enum LawfulBasis
{
    /// <summary>Data Protection Act 2018, Schedule 1, paragraph 18: safeguarding of children.</summary>
    SafeguardingChildrenWithoutConsent,

    /// <summary>Seeking consent would place the child at increased risk of significant harm.</summary>
    ConsentWouldPrejudiceProtection,

    /// <summary>The person with parental responsibility cannot be reached in the time the child's safety allows.</summary>
    ConsentCannotReasonablyBeObtained,

    /// <summary>The local authority's duty to make enquiries under section 47 of the Children Act 1989.</summary>
    Section47Duty,
}

public static class LawfulBasisExtensions
{
    public static IReadOnlyList<LawfulBasis> All { get; } = Enum.GetValues<LawfulBasis>();

    public static string DisplayName(this LawfulBasis basis) => basis switch
    {
        LawfulBasis.SafeguardingChildrenWithoutConsent => "Safeguarding of children (Data Protection Act 2018, Schedule 1, paragraph 18)",
        LawfulBasis.ConsentWouldPrejudiceProtection => "Seeking consent would put the child at greater risk",
        LawfulBasis.ConsentCannotReasonablyBeObtained => "Consent cannot reasonably be obtained in time",
        LawfulBasis.Section47Duty => "Duty to make enquiries (Children Act 1989, section 47)",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, null),
    };
}
