using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Intake.ReferenceData;
using Xunit.Abstractions;

namespace ThresholdPortal.UnitTests.Thresholds.Corpus;

/// <summary>
/// The vignette corpus (docs/guidance-corpus.md): invented referrals, written before the guidance was run on them, each with
/// the level range and route its author expected. The guidance is tuned to the corpus, never the corpus to the guidance.
/// </summary>
public sealed class VignetteCorpusTests(ITestOutputHelper output)
{
    public const double RequiredAccuracy = 0.95;

    public const int MinimumVignettes = 60;

    private static readonly ThresholdDocument V2 =
        ThresholdDocumentFile.Parse(DefaultReferenceData.Read(DefaultReferenceData.ThresholdDocumentV2Resource), DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_indicators_a_careful_referrer_would_tick_give_the_expected_level_and_route() =>
        MeetsTheBar(new CorpusReport("ticked", [.. VignetteCorpus.All.Select(v => VignetteRun.Ticked(V2, v))]));

    [Fact]
    public void The_indicators_suggested_from_the_referrers_own_words_give_the_expected_level_and_route() =>
        MeetsTheBar(new CorpusReport("free-text", [.. VignetteCorpus.All.Select(v => VignetteRun.FreeText(V2, v))]));

    /// <summary>The bar every path must clear: print the report, no level 4 vignette below level 4, and the accuracy.</summary>
    private void MeetsTheBar(CorpusReport report)
    {
        output.WriteLine(report.ToString());
        report.Level4Misses.Select(o => o.Vignette.Id).ShouldBeEmpty($"every level 4 vignette must be suggested level 4 ({report.Path})");
        report.Accuracy.ShouldBeGreaterThanOrEqualTo(RequiredAccuracy, report.ToString());
    }

    [Fact]
    public void The_corpus_is_large_enough_and_covers_every_level_and_category()
    {
        VignetteCorpus.All.Count.ShouldBeGreaterThanOrEqualTo(MinimumVignettes);
        VignetteCorpus.All.Select(v => v.Id).ShouldBeUnique();
        foreach (var level in Enum.GetValues<ThresholdLevel>().Select(l => (int)l))
        {
            VignetteCorpus.All.ShouldContain(v => v.Expected.Min == level && v.Expected.Max == level,
                $"a vignette wholly at level {level}");
        }

        var ticked = VignetteCorpus.All.SelectMany(v => v.Categories).ToHashSet();
        ConcernCategory.All.Select(c => c.Key).Where(key => !ticked.Contains(key)).ShouldBeEmpty("categories no vignette ticks");
        foreach (var route in V2.Indicators.Select(i => i.Route).OfType<string>().Distinct())
        {
            VignetteCorpus.All.ShouldContain(v => v.Expected.Route == route, $"a vignette routed to {route}");
        }
    }

    [Fact]
    public void The_corpus_covers_unborn_babies_disabled_children_and_households_of_several_children()
    {
        VignetteCorpus.All.Count(v => v.Children.Any(c => c.Unborn)).ShouldBeGreaterThanOrEqualTo(4);
        VignetteCorpus.All.Count(v => v.Children.Any(c => c.Disabled)).ShouldBeGreaterThanOrEqualTo(4);
        VignetteCorpus.All.Count(v => v.Children.Count > 1).ShouldBeGreaterThanOrEqualTo(10);
        VignetteCorpus.All.Count(v => v.IsLevel4).ShouldBeGreaterThanOrEqualTo(15);
    }

    [Fact]
    public void Every_vignette_is_well_formed_against_version_2()
    {
        var routes = V2.Indicators.Select(i => i.Route).OfType<string>().ToHashSet();
        foreach (var vignette in VignetteCorpus.All)
        {
            var problems = ProblemsOf(vignette, routes).ToList();
            problems.ShouldBeEmpty($"{vignette.Id} {vignette.Title}");
        }
    }

    private static IEnumerable<string> ProblemsOf(Vignette vignette, IReadOnlySet<string> routes)
    {
        if (string.IsNullOrWhiteSpace(vignette.Title) || string.IsNullOrWhiteSpace(vignette.Text) ||
            string.IsNullOrWhiteSpace(vignette.Expected.Why))
        {
            yield return "title, text and the reason for the expectation are all needed";
        }

        if (vignette.Children.Count == 0)
        {
            yield return "no children";
        }

        foreach (var child in vignette.Children)
        {
            if (child.Unborn != (child.AgeInMonths is null))
            {
                yield return $"{child.Name}: an unborn baby has no age, and every born child has one";
            }

            foreach (var code in child.Indicators.Where(code => V2.FindIndicator(code) is null))
            {
                yield return $"{child.Name}: {code} is not an indicator in version 2";
            }
        }

        foreach (var key in vignette.Categories.Where(key => ConcernCategory.Find(key) is null))
        {
            yield return $"{key} is not a category of concern";
        }

        if (vignette.Expected.Min is < 1 or > 4 || vignette.Expected.Max is < 1 or > 4 || vignette.Expected.Min > vignette.Expected.Max)
        {
            yield return $"level range {vignette.Expected.Min}-{vignette.Expected.Max} is not a range of levels 1 to 4";
        }

        if (vignette.Expected.Route is { } route && !routes.Contains(route))
        {
            yield return $"route \"{route}\" is not a route version 2 names";
        }
    }
}
