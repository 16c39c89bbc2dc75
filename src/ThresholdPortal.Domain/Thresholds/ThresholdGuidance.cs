namespace ThresholdPortal.Domain.Thresholds;

/// <summary>The answers asked before any indicator, because they change what a referrer must do first.</summary>
public sealed record ScreeningAnswers(bool ChildInImmediateDanger, FgmConcern Fgm = FgmConcern.None)
{
    /// <summary>FGM is known or a girl is at risk: always child protection, and flagged on the case.</summary>
    public bool FgmKnownOrSuspected => Fgm != FgmConcern.None;
}

/// <summary>
/// The indicators a referrer picked for one child, with the child's age in whole months (null when the date of
/// birth is not known) and whether the child is disabled, because both change what the indicators mean.
/// </summary>
public sealed record ChildIndicators(Guid ChildId, string ChildName, IReadOnlyCollection<string> IndicatorCodes,
    int? AgeInMonths = null, bool Disabled = false);

/// <summary>What the guidance suggests for one child, and the indicators that drove it.</summary>
public sealed record ChildSuggestion(Guid ChildId, string ChildName, ThresholdLevel Level,
    IReadOnlyList<ThresholdIndicator> DrivingIndicators, string Reason)
{
    /// <summary>The services the document names for the indicators that drove this child's level.</summary>
    public IReadOnlyList<string> Routes => [.. DrivingIndicators.Select(i => i.Route).OfType<string>().Distinct()];
}

/// <summary>
/// The suggested level for the household (the highest of its children, raised by the screening answers and
/// the categories of concern), the reasons in plain language, and the duties that come before anything else.
/// </summary>
public sealed record ThresholdSuggestion(
    ThresholdLevel Level,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<ChildSuggestion> Children,
    bool CallEmergencyServicesFirst,
    bool FgmReportingDuty,
    bool FgmAtRisk = false)
{
    /// <summary>Levels 1 and 2: the early help pathway is shown before a MASH referral.</summary>
    public bool OffersEarlyHelp => Level.IsBelowStatutoryThreshold();

    /// <summary>Where the document sends these needs, most serious child first; empty where it names no service.</summary>
    public IReadOnlyList<string> Routes =>
        [.. Children.OrderByDescending(c => c.Level).SelectMany(c => c.Routes).Distinct()];
}

/// <summary>
/// Suggests a level on the continuum of need from the indicators picked for each child, their ages and
/// disability, and the categories of concern. Advice only: the referrer chooses the level and, where it
/// differs, says why (docs/decisions/0112).
/// </summary>
public static class ThresholdGuidance
{
    /// <summary>
    /// Several level 2 needs across different sides of the triangle are rarely met by one agency: this many
    /// (or more), in at least <see cref="CumulativeDomainCount"/> domains, suggest level 3.
    /// </summary>
    public const int CumulativeIndicatorCount = 4;

    public const int CumulativeDomainCount = 2;

    /// <summary>
    /// Babies this young are treated as not yet moving about on their own, so any injury is unexplained until a
    /// practitioner says otherwise. The portal does not ask about mobility, so age stands in for it.
    /// </summary>
    public const int NonMobileBelowMonths = 6;

    /// <summary>A child under 13 cannot consent to sexual activity in law.</summary>
    public const int AgeOfConsentProtectionBelowMonths = 13 * 12;

    /// <summary>
    /// The suggestion for a household. <paramref name="childProtectionCategories"/> are the names of the ticked
    /// categories of concern that are always child protection; each suggests level 4 with a reason naming it.
    /// </summary>
    public static ThresholdSuggestion Suggest(ThresholdDocument document, IReadOnlyList<ChildIndicators> children,
        ScreeningAnswers screening, IReadOnlyCollection<string>? childProtectionCategories = null)
    {
        var childSuggestions = children.Select(child => SuggestFor(document, child)).ToList();
        var reasons = new List<string>();
        var level = childSuggestions.Count == 0 ? ThresholdLevel.Universal : childSuggestions.Max(c => c.Level);

        if (screening.ChildInImmediateDanger)
        {
            reasons.Add("You said a child is in immediate danger. Call 999 before you do anything else.");
            level = ThresholdLevel.Specialist;
        }

        if (screening.Fgm == FgmConcern.Known)
        {
            reasons.Add("You said female genital mutilation (FGM) has been carried out. FGM is always a child protection concern, and " +
                "known FGM in a girl under 18 must be reported to the police.");
            level = ThresholdLevel.Specialist;
        }
        else if (screening.Fgm == FgmConcern.AtRisk)
        {
            reasons.Add("You said a girl is at risk of female genital mutilation (FGM). A girl at risk of FGM is always a child " +
                "protection concern.");
            level = ThresholdLevel.Specialist;
        }

        foreach (var category in childProtectionCategories ?? [])
        {
            reasons.Add($"You said the concerns include “{category}”. This is always a child protection concern (level 4).");
            level = ThresholdLevel.Specialist;
        }

        reasons.AddRange(childSuggestions.OrderByDescending(c => c.Level).Select(c => c.Reason));
        return new ThresholdSuggestion(level, reasons, childSuggestions, screening.ChildInImmediateDanger,
            screening.Fgm == FgmConcern.Known, screening.Fgm == FgmConcern.AtRisk);
    }

    private static ChildSuggestion SuggestFor(ThresholdDocument document, ChildIndicators child)
    {
        var indicators = child.IndicatorCodes
            .Select(document.FindIndicator)
            .OfType<ThresholdIndicator>()
            .OrderByDescending(i => i.Level).ThenBy(i => i.Order)
            .ToList();
        if (AgeRule(child, indicators) is { } raisedByAge)
        {
            return raisedByAge;
        }

        if (indicators.Count == 0)
        {
            return child.Disabled
                ? new ChildSuggestion(child.ChildId, child.ChildName, ThresholdLevel.EarlyHelp, [],
                    $"{child.ChildName}: no indicators were selected, but a disabled child's needs are never met by universal " +
                    "services alone, so at least early help (level 2) is suggested.")
                : new ChildSuggestion(child.ChildId, child.ChildName, ThresholdLevel.Universal, [],
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

        if (highest == ThresholdLevel.Universal && (child.Disabled || indicators.Any(i => i.Kind == IndicatorKind.Disability)))
        {
            var disability = indicators.Where(i => i.Kind == IndicatorKind.Disability).ToList();
            return new ChildSuggestion(child.ChildId, child.ChildName, ThresholdLevel.EarlyHelp, disability,
                $"{child.ChildName}: a disabled child's needs are never met by universal services alone, so at least early help " +
                "(level 2) is suggested.");
        }

        var quoted = Quote(driving);
        var reason = highest == ThresholdLevel.Specialist
            ? $"{child.ChildName}: a level 4 indicator was selected, so this is a child protection concern: {quoted}."
            : $"{child.ChildName}: the highest indicators selected are at {highest.Number()}: {quoted}.";
        return new ChildSuggestion(child.ChildId, child.ChildName, highest, driving, reason);
    }

    /// <summary>The rules where the child's age alone makes an indicator a child protection concern.</summary>
    private static ChildSuggestion? AgeRule(ChildIndicators child, IReadOnlyList<ThresholdIndicator> indicators)
    {
        if (child.AgeInMonths is not { } months)
        {
            return null;
        }

        var injuries = indicators.Where(i => i.Kind == IndicatorKind.Injury).ToList();
        if (months < NonMobileBelowMonths && injuries.Count > 0)
        {
            return new ChildSuggestion(child.ChildId, child.ChildName, ThresholdLevel.Specialist, injuries,
                $"{child.ChildName}: any injury to a baby who is not yet moving about on their own is a child protection " +
                $"concern (level 4): {Quote(injuries)}.");
        }

        var sexualActivity = indicators.Where(i => i.Kind == IndicatorKind.SexualActivity).ToList();
        if (months < AgeOfConsentProtectionBelowMonths && sexualActivity.Count > 0)
        {
            return new ChildSuggestion(child.ChildId, child.ChildName, ThresholdLevel.Specialist, sexualActivity,
                $"{child.ChildName}: a child under 13 cannot consent to sexual activity, so this is a child protection " +
                $"concern (level 4): {Quote(sexualActivity)}.");
        }

        return null;
    }

    private static string Quote(IEnumerable<ThresholdIndicator> indicators) =>
        string.Join("; ", indicators.Select(i => $"“{i.Text.TrimEnd('.')}”"));

    /// <summary>Whole months from the date of birth to the given day: how the age rules measure age.</summary>
    public static int AgeInMonths(DateOnly dateOfBirth, DateOnly on)
    {
        var months = ((on.Year - dateOfBirth.Year) * 12) + on.Month - dateOfBirth.Month;
        return on.Day < dateOfBirth.Day ? months - 1 : months;
    }
}
