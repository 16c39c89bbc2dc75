using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.UnitTests.Thresholds.Corpus;

/// <summary>What the guidance suggested for one vignette on one path, and whether it is what the author expected.</summary>
public sealed record VignetteOutcome(Vignette Vignette, ThresholdLevel Level, string? Route, IReadOnlyList<string> Reasons)
{
    public bool LevelInRange => (int)Level >= Vignette.Expected.Min && (int)Level <= Vignette.Expected.Max;

    public bool RouteMatches => Route == Vignette.Expected.Route;

    public bool Hit => LevelInRange && RouteMatches;
}

/// <summary>
/// Runs a vignette through <see cref="ThresholdGuidance.Suggest"/> the way a referral would be: each child's indicators, age
/// (an unborn baby as 0 months) and disability, the screening answers, and whichever categories the path is allowed to use.
/// </summary>
public static class VignetteRun
{
    /// <summary>
    /// One vignette on one path. <paramref name="indicatorsFor"/> gives a child's indicator codes on that path;
    /// <paramref name="childProtectionCategories"/> the category names that raise the guidance, as <see cref="Referral"/> passes them.
    /// </summary>
    public static VignetteOutcome Run(ThresholdDocument document, Vignette vignette,
        Func<VignetteChild, IReadOnlyCollection<string>> indicatorsFor, IReadOnlyCollection<string> childProtectionCategories)
    {
        var children = vignette.Children
            .Select(c => new ChildIndicators(Guid.NewGuid(), c.Name, indicatorsFor(c), c.Unborn ? null : c.AgeInMonths, c.Disabled))
            .ToList();
        // The corpus predates the screening split into known FGM and a girl at risk; both suggest level 4, and the
        // corpus checks levels and routes, not the duty's wording, so a "yes" is run as known.
        var screening = new ScreeningAnswers(vignette.Screening.ImmediateDanger,
            vignette.Screening.FgmKnownOrSuspected ? FgmConcern.Known : FgmConcern.None);
        var suggestion = ThresholdGuidance.Suggest(document, children, screening, childProtectionCategories);
        return new VignetteOutcome(vignette, suggestion.Level, suggestion.Routes.FirstOrDefault(), suggestion.Reasons);
    }

    /// <summary>The ticked path: what a careful referrer would tick for each child, and the categories they ticked.</summary>
    public static VignetteOutcome Ticked(ThresholdDocument document, Vignette vignette) =>
        Run(document, vignette, child => child.Indicators, ChildProtectionCategoriesOf(vignette));

    /// <summary>
    /// The free-text path: every indicator the lexicon suggests from what the referrer wrote, accepted for every child (the
    /// text is the household's), with the children's ages, disability and the screening answers, but no categories: they
    /// would put most level 4 vignettes at level 4 whatever the text said, and the path would not test the lexicon.
    /// </summary>
    public static VignetteOutcome FreeText(ThresholdDocument document, Vignette vignette)
    {
        var suggested = IndicatorSuggestions.Suggest(document, vignette.Text).Select(s => s.Indicator.Code).ToList();
        return Run(document, vignette, _ => suggested, []);
    }

    /// <summary>The ticked categories that always raise the guidance, by name, exactly as a referral passes them.</summary>
    public static IReadOnlyList<string> ChildProtectionCategoriesOf(Vignette vignette) =>
    [
        .. ConcernCategory.RaiseGuidanceToChildProtection.Where(c => vignette.Categories.Contains(c.Key)).Select(c => c.Name),
    ];
}
