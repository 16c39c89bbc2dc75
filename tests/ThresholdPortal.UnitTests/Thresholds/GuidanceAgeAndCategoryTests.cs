using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.UnitTests.Thresholds;

/// <summary>The rules where a child's age, disability or a category of concern changes what the indicators suggest.</summary>
public sealed class GuidanceAgeAndCategoryTests
{
    private static readonly ScreeningAnswers NothingUrgent = new(ChildInImmediateDanger: false);
    private static readonly ThresholdDocument Document = WithKinds();

    private static ThresholdDocument WithKinds()
    {
        var document = TestDocuments.Small();
        document.Indicators.AddRange(
        [
            new() { Code = "health-2-injury", Level = ThresholdLevel.EarlyHelp, SubDomainCode = "health", Text = "A bruise", Order = 20,
                Kind = IndicatorKind.Injury },
            new() { Code = "health-3-sexual", Level = ThresholdLevel.Targeted, SubDomainCode = "health", Text = "Sexually active",
                Order = 21, Kind = IndicatorKind.SexualActivity },
            new() { Code = "health-1-disability", Level = ThresholdLevel.Universal, SubDomainCode = "health",
                Text = "Disabled, needs met at home", Order = 22, Kind = IndicatorKind.Disability },
            new() { Code = "health-3-breaks", Level = ThresholdLevel.Targeted, SubDomainCode = "health", Text = "Short breaks asked for",
                Order = 23, Kind = IndicatorKind.Disability, Route = "the disabled children's team" },
        ]);
        return document;
    }

    private static ChildIndicators Child(int? months, params string[] codes) => new(Guid.NewGuid(), "Amy", codes, months);

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Any_injury_to_a_baby_not_yet_moving_about_is_level_4(int months)
    {
        var suggestion = ThresholdGuidance.Suggest(Document, [Child(months, "health-2-injury")], NothingUrgent);

        suggestion.Level.ShouldBe(ThresholdLevel.Specialist);
        suggestion.Reasons.ShouldHaveSingleItem().ShouldContain("not yet moving about");
    }

    [Fact]
    public void The_same_injury_to_an_older_child_keeps_its_own_level()
    {
        ThresholdGuidance.Suggest(Document, [Child(6, "health-2-injury")], NothingUrgent).Level.ShouldBe(ThresholdLevel.EarlyHelp);
        ThresholdGuidance.Suggest(Document, [Child(null, "health-2-injury")], NothingUrgent).Level.ShouldBe(ThresholdLevel.EarlyHelp);
    }

    [Fact]
    public void Sexual_activity_under_13_is_level_4_and_at_13_keeps_its_own_level()
    {
        var under13 = ThresholdGuidance.Suggest(Document, [Child((13 * 12) - 1, "health-3-sexual")], NothingUrgent);
        var aged13 = ThresholdGuidance.Suggest(Document, [Child(13 * 12, "health-3-sexual")], NothingUrgent);

        under13.Level.ShouldBe(ThresholdLevel.Specialist);
        under13.Reasons.ShouldHaveSingleItem().ShouldContain("under 13 cannot consent");
        aged13.Level.ShouldBe(ThresholdLevel.Targeted);
    }

    [Fact]
    public void Disability_alone_is_never_universal()
    {
        var byIndicator = ThresholdGuidance.Suggest(Document, [Child(60, "health-1-disability", "health-1a")], NothingUrgent);
        var byCensus = ThresholdGuidance.Suggest(Document, [new ChildIndicators(Guid.NewGuid(), "Amy", [], 60, Disabled: true)],
            NothingUrgent);
        var notDisabled = ThresholdGuidance.Suggest(Document, [Child(60, "health-1a")], NothingUrgent);

        byIndicator.Level.ShouldBe(ThresholdLevel.EarlyHelp);
        byIndicator.Reasons.ShouldHaveSingleItem().ShouldContain("never met by universal services alone");
        byCensus.Level.ShouldBe(ThresholdLevel.EarlyHelp);
        notDisabled.Level.ShouldBe(ThresholdLevel.Universal);
    }

    [Fact]
    public void The_route_the_document_names_is_suggested_beside_the_level()
    {
        var suggestion = ThresholdGuidance.Suggest(Document, [Child(84, "health-3-breaks", "health-2a")], NothingUrgent);

        suggestion.Level.ShouldBe(ThresholdLevel.Targeted);
        suggestion.Routes.ShouldBe(["the disabled children's team"]);
        ThresholdGuidance.Suggest(Document, [Child(84, "care-3a")], NothingUrgent).Routes.ShouldBeEmpty();
    }

    [Fact]
    public void A_category_that_is_always_child_protection_suggests_level_4_naming_it()
    {
        var suggestion = ThresholdGuidance.Suggest(Document, [Child(120, "health-2a")], NothingUrgent,
            [ConcernCategory.Trafficking.Name]);

        suggestion.Level.ShouldBe(ThresholdLevel.Specialist);
        suggestion.Reasons[0].ShouldContain(ConcernCategory.Trafficking.Name);
    }

    [Fact]
    public void Each_category_the_issue_names_as_always_child_protection_raises_the_guidance_and_others_do_not()
    {
        ConcernCategory.RaiseGuidanceToChildProtection.ShouldBe(
        [
            ConcernCategory.SexualAbuseByAdult, ConcernCategory.SexualAbuseByChild, ConcernCategory.ChildSexualExploitation,
            ConcernCategory.ChildCriminalExploitation, ConcernCategory.Trafficking, ConcernCategory.ForcedMarriage,
            ConcernCategory.Radicalisation,
        ], ignoreOrder: true);
        ConcernCategory.RaiseGuidanceToChildProtection.ShouldNotContain(ConcernCategory.Neglect);
        ConcernCategory.RaiseGuidanceToChildProtection.ShouldAllBe(c => ConcernCategory.AlwaysChildProtection.Contains(c));
    }

    [Theory]
    [InlineData("2026-03-15", "2026-09-14", 5)]
    [InlineData("2026-03-15", "2026-09-15", 6)]
    [InlineData("2013-12-05", "2026-12-04", 155)]
    [InlineData("2013-12-05", "2026-12-05", 156)]
    public void Age_is_counted_in_whole_months(string born, string on, int months) =>
        ThresholdGuidance.AgeInMonths(DateOnly.Parse(born), DateOnly.Parse(on)).ShouldBe(months);
}
