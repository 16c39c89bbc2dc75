using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.UnitTests.Thresholds;

/// <summary>A small threshold document whose indicator codes say their level and domain: "health-2a" is level 2, child's needs.</summary>
public static class TestDocuments
{
    public static ThresholdDocument Small() => new()
    {
        Key = "test",
        Name = "Test continuum of need",
        Version = 1,
        PublishedOn = new DateOnly(2026, 1, 1),
        Levels =
        [
            new() { Level = ThresholdLevel.Universal, Name = "Universal", Summary = "s", Description = "d" },
            new() { Level = ThresholdLevel.EarlyHelp, Name = "Early help", Summary = "s", Description = "d" },
            new() { Level = ThresholdLevel.Targeted, Name = "Targeted", Summary = "s", Description = "d" },
            new() { Level = ThresholdLevel.Specialist, Name = "Specialist", Summary = "s", Description = "d" },
        ],
        SubDomains =
        [
            new() { Code = "health", Domain = AssessmentDomain.ChildsDevelopmentalNeeds, Name = "Health", Order = 0 },
            new() { Code = "care", Domain = AssessmentDomain.ParentingCapacity, Name = "Basic care", Order = 1 },
            new() { Code = "housing", Domain = AssessmentDomain.FamilyAndEnvironmentalFactors, Name = "Housing", Order = 2 },
        ],
        Indicators =
        [
            Indicator("health-1a", ThresholdLevel.Universal, "health", 0),
            Indicator("health-2a", ThresholdLevel.EarlyHelp, "health", 1),
            Indicator("health-2b", ThresholdLevel.EarlyHelp, "health", 2),
            Indicator("health-2c", ThresholdLevel.EarlyHelp, "health", 3),
            Indicator("health-2d", ThresholdLevel.EarlyHelp, "health", 4),
            Indicator("care-2a", ThresholdLevel.EarlyHelp, "care", 5),
            Indicator("housing-2a", ThresholdLevel.EarlyHelp, "housing", 6),
            Indicator("care-3a", ThresholdLevel.Targeted, "care", 7),
            Indicator("housing-3a", ThresholdLevel.Targeted, "housing", 8),
            Indicator("health-4a", ThresholdLevel.Specialist, "health", 9),
        ],
    };

    private static ThresholdIndicator Indicator(string code, ThresholdLevel level, string subDomain, int order) =>
        new() { Code = code, Level = level, SubDomainCode = subDomain, Text = $"Indicator {code}", Order = order };
}
