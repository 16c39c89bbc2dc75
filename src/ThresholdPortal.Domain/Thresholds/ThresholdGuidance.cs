namespace ThresholdPortal.Domain.Thresholds;

/// <summary>The answers asked before any indicator, because they change what a referrer must do first.</summary>
public sealed record ScreeningAnswers(bool ChildInImmediateDanger, bool FgmKnownOrSuspected);

/// <summary>The indicators a referrer picked for one child.</summary>
public sealed record ChildIndicators(Guid ChildId, string ChildName, IReadOnlyCollection<string> IndicatorCodes);

/// <summary>What the guidance suggests for one child, and the indicators that drove it.</summary>
public sealed record ChildSuggestion(Guid ChildId, string ChildName, ThresholdLevel Level,
    IReadOnlyList<ThresholdIndicator> DrivingIndicators, string Reason);

/// <summary>
/// The suggested level for the household (the highest of its children, raised by the screening answers),
/// the reasons in plain language, and the duties that come before anything else.
/// </summary>
public sealed record ThresholdSuggestion(
    ThresholdLevel Level,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<ChildSuggestion> Children,
    bool CallEmergencyServicesFirst,
    bool FgmReportingDuty)
{
    /// <summary>Levels 1 and 2: the early help pathway is shown before a MASH referral.</summary>
    public bool OffersEarlyHelp => Level.IsBelowStatutoryThreshold();
}

/// <summary>
/// Suggests a level on the continuum of need from the indicators picked for each child. Advice only: the
/// referrer chooses the level and, where it differs, says why.
/// </summary>
public static class ThresholdGuidance
{
    /// <summary>
    /// Several level 2 needs across different sides of the triangle are rarely met by one agency: this many
    /// (or more), in at least <see cref="CumulativeDomainCount"/> domains, suggest level 3.
    /// </summary>
    public const int CumulativeIndicatorCount = 4;

    public const int CumulativeDomainCount = 2;

    public static ThresholdSuggestion Suggest(ThresholdDocument document, IReadOnlyList<ChildIndicators> children,
        ScreeningAnswers screening)
    {
        var childSuggestions = children.Select(child => SuggestFor(document, child)).ToList();
        var reasons = new List<string>();
        var level = childSuggestions.Count == 0 ? ThresholdLevel.Universal : childSuggestions.Max(c => c.Level);

        if (screening.ChildInImmediateDanger)
        {
            reasons.Add("You said a child is in immediate danger. Call 999 before you do anything else.");
            level = ThresholdLevel.Specialist;
        }

        if (screening.FgmKnownOrSuspected)
        {
            reasons.Add("You said female genital mutilation (FGM) is known or suspected. FGM is always a child protection concern, and " +
                "known FGM in a girl under 18 must be reported to the police.");
            level = ThresholdLevel.Specialist;
        }

        reasons.AddRange(childSuggestions.OrderByDescending(c => c.Level).Select(c => c.Reason));
        return new ThresholdSuggestion(level, reasons, childSuggestions, screening.ChildInImmediateDanger, screening.FgmKnownOrSuspected);
    }

    private static ChildSuggestion SuggestFor(ThresholdDocument document, ChildIndicators child)
    {
        var indicators = child.IndicatorCodes
            .Select(document.FindIndicator)
            .OfType<ThresholdIndicator>()
            .OrderByDescending(i => i.Level).ThenBy(i => i.Order)
            .ToList();
        if (indicators.Count == 0)
        {
            return new ChildSuggestion(child.ChildId, child.ChildName, ThresholdLevel.Universal, [],
                $"{child.ChildName}: no indicators were selected, so needs may be met by universal services.");
        }

        var highest = indicators[0].Level;
        var driving = indicators.Where(i => i.Level == highest).ToList();
        if (highest == ThresholdLevel.EarlyHelp)
        {
            var domains = driving.Select(document.DomainOf).Distinct().Count();
            if (driving.Count >= CumulativeIndicatorCount && domains >= CumulativeDomainCount)
            {
                return new ChildSuggestion(child.ChildId, child.ChildName, ThresholdLevel.Targeted, driving,
                    $"{child.ChildName}: {driving.Count} level 2 needs across {domains} sides of the assessment triangle. " +
                    "Together they suggest complex needs (level 3) that one agency is unlikely to meet alone.");
            }
        }

        var quoted = string.Join("; ", driving.Select(i => $"“{i.Text.TrimEnd('.')}”"));
        var reason = highest == ThresholdLevel.Specialist
            ? $"{child.ChildName}: a level 4 indicator was selected, so this is a child protection concern: {quoted}."
            : $"{child.ChildName}: the highest indicators selected are at {highest.Number()}: {quoted}.";
        return new ChildSuggestion(child.ChildId, child.ChildName, highest, driving, reason);
    }
}
