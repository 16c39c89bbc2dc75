namespace ThresholdPortal.Domain.Triage;

/// <summary>
/// The MASH risk rating. Always shown with its word (never colour alone): Red, Amber, Green, Blue.
/// </summary>
public enum BragRating
{
    Blue = 1,
    Green = 2,
    Amber = 3,
    Red = 4,
}

public static class BragRatingExtensions
{
    public static string Meaning(this BragRating rating) => rating switch
    {
        BragRating.Red => "High risk (level 4)",
        BragRating.Amber => "Medium risk (level 3)",
        BragRating.Green => "Standard risk (level 2)",
        BragRating.Blue => "No or minimal risk (level 1)",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, null),
    };
}
