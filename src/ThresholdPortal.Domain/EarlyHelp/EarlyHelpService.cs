namespace ThresholdPortal.Domain.EarlyHelp;

/// <summary>
/// A local service families can be helped by below the statutory threshold, from the early help directory.
/// Shown to a referrer whose concerns sit at level 1 or 2, before they refer to the MASH.
/// </summary>
public class EarlyHelpService
{
    public const int NameMaxLength = 200;
    public const int OfferMaxLength = 1000;
    public const int AreaMaxLength = 200;
    public const int HowToAccessMaxLength = 1000;

    /// <summary>Care leavers and young people with SEND are helped up to 25; no early help service goes beyond.</summary>
    public const int OldestAgeServed = 25;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }

    /// <summary>What it offers, in a sentence or two.</summary>
    public required string Offer { get; set; }

    /// <summary>Youngest age served in years; 0 includes babies and, where the offer says so, pregnancy.</summary>
    public int MinimumAge { get; set; }

    public int MaximumAge { get; set; }
    public required string Area { get; set; }
    public required string HowToAccess { get; set; }
    public bool IsActive { get; set; } = true;

    public string AgeRange => MinimumAge == MaximumAge ? $"{MinimumAge}" : $"{MinimumAge} to {MaximumAge}";

    public bool Serves(int age) => age >= MinimumAge && age <= MaximumAge;
}
