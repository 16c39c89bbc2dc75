using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Intake.ReferenceData;

namespace ThresholdPortal.UnitTests.Thresholds;

/// <summary>Version 2 of the shipped Northshire document, and what it tells a referrer that version 1 did not.</summary>
public sealed class ShippedThresholdDocumentV2Tests
{
    private static readonly ThresholdDocument V1 =
        ThresholdDocumentFile.Parse(DefaultReferenceData.Read(DefaultReferenceData.ThresholdDocumentResource), DateTimeOffset.UnixEpoch);

    private static readonly ThresholdDocument V2 =
        ThresholdDocumentFile.Parse(DefaultReferenceData.Read(DefaultReferenceData.ThresholdDocumentV2Resource), DateTimeOffset.UnixEpoch);

    private static readonly ScreeningAnswers NothingUrgent = new(false);

    private static ThresholdSuggestion Suggest(int? months, params string[] codes) =>
        ThresholdGuidance.Suggest(V2, [new ChildIndicators(Guid.NewGuid(), "Sam", codes, months)], NothingUrgent);

    [Fact]
    public void It_is_version_2_and_keeps_every_version_1_indicator_with_its_wording_and_level()
    {
        V2.Key.ShouldBe(V1.Key);
        V2.Version.ShouldBe(2);
        foreach (var old in V1.Indicators)
        {
            var kept = V2.FindIndicator(old.Code).ShouldNotBeNull();
            (kept.Text, kept.Level).ShouldBe((old.Text, old.Level));
        }
    }

    [Theory]
    [InlineData("pre-birth")]
    [InlineData("disability")]
    [InlineData("outside")]
    public void It_adds_indicators_for_needs_version_1_had_no_words_for(string subDomain)
    {
        V2.Indicators.Count(i => i.SubDomainCode == subDomain).ShouldBeGreaterThanOrEqualTo(4);
        V1.SubDomains.ShouldNotContain(s => s.Code == subDomain);
    }

    [Fact]
    public void A_short_breaks_request_is_a_child_in_need_routed_to_the_disabled_childrens_team()
    {
        var suggestion = Suggest(96, "disability-3a");

        suggestion.Level.ShouldBe(ThresholdLevel.Targeted);
        suggestion.Routes.ShouldBe(["the disabled children's team"]);
    }

    [Fact]
    public void Earlier_children_removed_suggests_level_4_on_the_pre_birth_pathway()
    {
        var suggestion = Suggest(null, "pre-birth-4a");

        suggestion.Level.ShouldBe(ThresholdLevel.Specialist);
        suggestion.Routes.ShouldHaveSingleItem().ShouldContain("pre-birth pathway");
    }

    [Fact]
    public void A_minor_explained_injury_is_universal_for_a_school_child_but_level_4_for_a_young_baby()
    {
        Suggest(84, "health-1b").Level.ShouldBe(ThresholdLevel.Universal);
        Suggest(3, "health-1b").Level.ShouldBe(ThresholdLevel.Specialist);
    }

    [Fact]
    public void A_sexual_relationship_between_young_people_is_level_4_under_13()
    {
        Suggest(15 * 12, "outside-2b").Level.ShouldBe(ThresholdLevel.EarlyHelp);
        Suggest(12 * 12, "outside-2b").Level.ShouldBe(ThresholdLevel.Specialist);
    }

    [Fact]
    public void Radicalisation_with_a_risk_of_harm_and_online_abuse_are_level_4()
    {
        V2.FindIndicator("outside-4c")!.Level.ShouldBe(ThresholdLevel.Specialist);
        V2.FindIndicator("outside-4b")!.Level.ShouldBe(ThresholdLevel.Specialist);
    }
}
