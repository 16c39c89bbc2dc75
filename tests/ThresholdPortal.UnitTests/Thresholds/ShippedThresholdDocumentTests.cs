using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Intake.ReferenceData;

namespace ThresholdPortal.UnitTests.Thresholds;

/// <summary>The default Northshire document shipped in the build: usable, and rich enough to guide a referrer.</summary>
public sealed class ShippedThresholdDocumentTests
{
    private static readonly ThresholdDocument Document =
        ThresholdDocumentFile.Parse(DefaultReferenceData.Read(DefaultReferenceData.ThresholdDocumentResource), DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(ThresholdLevel.Universal)]
    [InlineData(ThresholdLevel.EarlyHelp)]
    [InlineData(ThresholdLevel.Targeted)]
    [InlineData(ThresholdLevel.Specialist)]
    public void Each_level_has_at_least_eight_indicators_across_all_three_domains(ThresholdLevel level)
    {
        var indicators = Document.Indicators.Where(i => i.Level == level).ToList();

        indicators.Count.ShouldBeGreaterThanOrEqualTo(8);
        indicators.Select(Document.DomainOf).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void It_includes_the_level_4_indicators_the_partnership_names()
    {
        var level4 = Document.Indicators.Where(i => i.Level == ThresholdLevel.Specialist).Select(i => i.Text).ToList();

        level4.ShouldContain(t => t.Contains("baby who is not yet mobile", StringComparison.Ordinal));
        level4.ShouldContain(t => t.Contains("told someone about physical, sexual or emotional abuse", StringComparison.Ordinal));
        level4.ShouldContain(t => t.Contains("criminal exploitation", StringComparison.Ordinal));
        level4.ShouldContain(t => t.Contains("female genital mutilation", StringComparison.Ordinal));
        level4.ShouldContain(t => t.Contains("fabricated or induced illness", StringComparison.Ordinal));
    }

    [Fact]
    public void It_is_version_1_of_the_northshire_document()
    {
        Document.Key.ShouldBe("northshire");
        Document.Version.ShouldBe(1);
        Document.TitleOf(ThresholdLevel.EarlyHelp).ShouldBe("Level 2: Early help: additional needs");
    }
}
