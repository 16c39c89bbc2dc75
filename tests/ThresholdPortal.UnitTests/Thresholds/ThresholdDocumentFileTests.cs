using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.UnitTests.Thresholds;

public sealed class ThresholdDocumentFileTests
{
    private const string Valid = """
        {
          "key": "test", "name": "Test", "version": 2, "publishedOn": "2026-04-01",
          "levels": [
            { "level": 1, "name": "Universal", "summary": "s1", "description": "d1" },
            { "level": 2, "name": "Early help", "summary": "s2", "description": "d2" },
            { "level": 3, "name": "Targeted", "summary": "s3", "description": "d3" },
            { "level": 4, "name": "Specialist", "summary": "s4", "description": "d4" }
          ],
          "subDomains": [
            { "code": "health", "domain": "ChildsDevelopmentalNeeds", "name": "Health" },
            { "code": "care", "domain": "ParentingCapacity", "name": "Basic care" },
            { "code": "housing", "domain": "FamilyAndEnvironmentalFactors", "name": "Housing" }
          ],
          "indicators": [
            { "code": "health-1a", "level": 1, "subDomain": "health", "text": "Healthy" },
            { "code": "care-2a", "level": 2, "subDomain": "care", "text": "Struggling" },
            { "code": "housing-3a", "level": 3, "subDomain": "housing", "text": "Homeless" },
            { "code": "health-4a", "level": 4, "subDomain": "health", "text": "Injury to a baby" }
          ]
        }
        """;

    [Fact]
    public void A_valid_file_becomes_a_document_keeping_the_order_of_its_entries()
    {
        var loadedAt = DateTimeOffset.Parse("2026-04-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        var document = ThresholdDocumentFile.Parse(Valid, loadedAt);

        document.Key.ShouldBe("test");
        document.Version.ShouldBe(2);
        document.PublishedOn.ShouldBe(new DateOnly(2026, 4, 1));
        document.LoadedAt.ShouldBe(loadedAt);
        document.Levels.Select(l => l.Level)
            .ShouldBe([ThresholdLevel.Universal, ThresholdLevel.EarlyHelp, ThresholdLevel.Targeted, ThresholdLevel.Specialist]);
        document.TitleOf(ThresholdLevel.Targeted).ShouldBe("Level 3: Targeted");
        document.Indicators.Select(i => i.Order).ShouldBe([0, 1, 2, 3]);
        document.DomainOf(document.FindIndicator("housing-3a")!).ShouldBe(AssessmentDomain.FamilyAndEnvironmentalFactors);
    }

    [Theory]
    [InlineData("""{ "level": 4, "name": "Specialist", "summary": "s4", "description": "d4" }""", "", "Level 4 is described 0 times")]
    [InlineData(
        """{ "code": "housing-3a", "level": 3, "subDomain": "housing", "text": "Homeless" }""",
        """{ "code": "housing-3a", "level": 3, "subDomain": "housing", "text": "Homeless" }, """
            + """{ "code": "housing-3a", "level": 3, "subDomain": "housing", "text": "Again" }""",
        "indicator housing-3a appears more than once")]
    [InlineData("\"subDomain\": \"care\"", "\"subDomain\": \"parenting\"", "unknown sub-domain parenting")]
    [InlineData(
        """{ "code": "housing", "domain": "FamilyAndEnvironmentalFactors", "name": "Housing" }""",
        """{ "code": "housing", "domain": "ParentingCapacity", "name": "Housing" }""",
        "no sub-domain for Family and environmental factors")]
    public void A_file_that_would_mislead_a_referrer_is_refused_with_the_reason(string find, string replace, string reason)
    {
        var broken = Valid.Replace(find, replace, StringComparison.Ordinal);
        broken.ShouldNotBe(Valid);

        var failure = Should.Throw<InvalidDataException>(() => ThresholdDocumentFile.Parse(broken, DateTimeOffset.UnixEpoch));

        failure.Message.ShouldContain(reason);
    }

    [Fact]
    public void Text_that_is_not_json_is_refused()
    {
        Should.Throw<InvalidDataException>(() => ThresholdDocumentFile.Parse("levels: 1", DateTimeOffset.UnixEpoch))
            .Message.ShouldContain("not valid JSON");
    }
}
