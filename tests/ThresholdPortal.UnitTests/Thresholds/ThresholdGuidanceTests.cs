using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.UnitTests.Thresholds;

public sealed class ThresholdGuidanceTests
{
    private static readonly ThresholdDocument Document = TestDocuments.Small();
    private static readonly ScreeningAnswers NothingUrgent = new(ChildInImmediateDanger: false);

    private static ChildIndicators Child(string name, params string[] codes) => new(Guid.NewGuid(), name, codes);

    [Fact]
    public void A_child_with_no_indicators_is_suggested_universal_services()
    {
        var suggestion = ThresholdGuidance.Suggest(Document, [Child("Amy")], NothingUrgent);

        suggestion.Level.ShouldBe(ThresholdLevel.Universal);
        suggestion.Reasons.ShouldHaveSingleItem().ShouldContain("no indicators were selected");
    }

    [Fact]
    public void The_highest_level_selected_is_suggested_and_its_indicators_are_the_reasons()
    {
        var suggestion = ThresholdGuidance.Suggest(Document, [Child("Amy", "health-1a", "care-3a", "health-2a")], NothingUrgent);

        suggestion.Level.ShouldBe(ThresholdLevel.Targeted);
        var child = suggestion.Children.ShouldHaveSingleItem();
        child.DrivingIndicators.Select(i => i.Code).ShouldBe(["care-3a"]);
        child.Reason.ShouldContain("Indicator care-3a");
        child.Reason.ShouldNotContain("Indicator health-2a");
    }

    [Fact]
    public void Any_level_4_indicator_suggests_level_4_whatever_else_is_selected()
    {
        var suggestion = ThresholdGuidance.Suggest(Document, [Child("Amy", "health-1a", "health-2a", "care-3a", "health-4a")],
            NothingUrgent);

        suggestion.Level.ShouldBe(ThresholdLevel.Specialist);
        suggestion.Reasons.ShouldHaveSingleItem().ShouldContain("child protection");
        suggestion.OffersEarlyHelp.ShouldBeFalse();
    }

    [Fact]
    public void The_household_is_suggested_the_highest_level_of_its_children_with_a_reason_per_child_highest_first()
    {
        var suggestion = ThresholdGuidance.Suggest(Document, [Child("Amy", "health-2a"), Child("Ben", "housing-3a")], NothingUrgent);

        suggestion.Level.ShouldBe(ThresholdLevel.Targeted);
        suggestion.Children.Select(c => c.Level).ShouldBe([ThresholdLevel.EarlyHelp, ThresholdLevel.Targeted]);
        suggestion.Reasons[0].ShouldStartWith("Ben:");
        suggestion.Reasons[1].ShouldStartWith("Amy:");
    }

    [Fact]
    public void Four_level_2_needs_across_two_domains_suggest_level_3()
    {
        var suggestion = ThresholdGuidance.Suggest(Document, [Child("Amy", "health-2a", "health-2b", "health-2c", "care-2a")],
            NothingUrgent);

        suggestion.Level.ShouldBe(ThresholdLevel.Targeted);
        suggestion.Reasons.ShouldHaveSingleItem().ShouldContain("4 level 2 needs across 2 sides");
        suggestion.Children[0].DrivingIndicators.Count.ShouldBe(4);
    }

    [Fact]
    public void Four_level_2_needs_in_one_domain_stay_at_level_2()
    {
        var suggestion = ThresholdGuidance.Suggest(Document, [Child("Amy", "health-2a", "health-2b", "health-2c", "health-2d")],
            NothingUrgent);

        suggestion.Level.ShouldBe(ThresholdLevel.EarlyHelp);
        suggestion.OffersEarlyHelp.ShouldBeTrue();
    }

    [Fact]
    public void Three_level_2_needs_across_three_domains_stay_at_level_2()
    {
        var suggestion = ThresholdGuidance.Suggest(Document, [Child("Amy", "health-2a", "care-2a", "housing-2a")], NothingUrgent);

        suggestion.Level.ShouldBe(ThresholdLevel.EarlyHelp);
    }

    [Fact]
    public void A_child_in_immediate_danger_is_told_to_call_999_before_anything_else()
    {
        var suggestion = ThresholdGuidance.Suggest(Document, [Child("Amy", "health-1a")], new ScreeningAnswers(true));

        suggestion.CallEmergencyServicesFirst.ShouldBeTrue();
        suggestion.Level.ShouldBe(ThresholdLevel.Specialist);
        suggestion.Reasons[0].ShouldContain("Call 999");
    }

    [Fact]
    public void Known_fgm_shows_the_police_reporting_duty_and_suggests_child_protection()
    {
        var suggestion = ThresholdGuidance.Suggest(Document, [Child("Amy", "health-2a")], new ScreeningAnswers(false, FgmConcern.Known));

        suggestion.FgmReportingDuty.ShouldBeTrue();
        suggestion.FgmAtRisk.ShouldBeFalse();
        suggestion.CallEmergencyServicesFirst.ShouldBeFalse();
        suggestion.Level.ShouldBe(ThresholdLevel.Specialist);
        suggestion.Reasons[0].ShouldContain("reported to the police");
    }

    [Fact]
    public void A_girl_at_risk_of_fgm_suggests_child_protection_without_the_reporting_duty()
    {
        var suggestion = ThresholdGuidance.Suggest(Document, [Child("Amy", "health-2a")], new ScreeningAnswers(false, FgmConcern.AtRisk));

        suggestion.FgmReportingDuty.ShouldBeFalse();
        suggestion.FgmAtRisk.ShouldBeTrue();
        suggestion.Level.ShouldBe(ThresholdLevel.Specialist);
        suggestion.Reasons[0].ShouldBe("You said a girl is at risk of female genital mutilation (FGM). A girl at risk of FGM is always a " +
            "child protection concern.");
    }

    [Fact]
    public void Codes_not_in_the_document_are_ignored()
    {
        var suggestion = ThresholdGuidance.Suggest(Document, [Child("Amy", "retired-4z", "health-2a")], NothingUrgent);

        suggestion.Level.ShouldBe(ThresholdLevel.EarlyHelp);
    }

    [Fact]
    public void No_children_and_nothing_urgent_suggests_universal_services()
    {
        ThresholdGuidance.Suggest(Document, [], NothingUrgent).Level.ShouldBe(ThresholdLevel.Universal);
    }
}
