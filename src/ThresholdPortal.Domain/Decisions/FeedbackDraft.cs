using System.Globalization;
using System.Text;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.Domain.Decisions;

/// <summary>
/// Drafts the feedback a referrer is owed from the approved decision: the outcome, the reasons written for the
/// referrer, the MASH's level beside the referrer's, and other support when the statutory threshold is not met.
/// It never reads the internal rationale or anything an agency shared, so none of it can reach a referrer by
/// being copied (docs/decisions/0094). The practitioner edits the draft before sending.
/// </summary>
public static class FeedbackDraft
{
    public sealed record Text(string OutcomeSummary, string Reasons, string LevelExplanation, string? OtherSupport);

    /// <summary>A child of the referral by name as the referral gives it.</summary>
    public sealed record NamedChild(Guid ReferralChildId, string Name);

    /// <summary>
    /// Drafts the text; <paramref name="levelName"/> gives a level's local name in the document the referral used, and
    /// <paramref name="children"/> the referral's children in its order.
    /// </summary>
    public static Text From(CaseDecision decision, ThresholdLevel? referrerLevel, Func<ThresholdLevel, string> levelName,
        IReadOnlyList<EarlyHelpService> support, IReadOnlyList<NamedChild> children)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(levelName);
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(support);

        var applied = Describe(decision.Level, levelName);
        var levels = referrerLevel switch
        {
            null => $"You did not indicate a level. The MASH applied {applied}.",
            var same when same == decision.Level => $"You indicated {applied}, and the MASH agreed.",
            ThresholdLevel lower when lower < decision.Level =>
                $"You indicated {Describe(lower, levelName)}. The MASH applied a higher level, {applied}, because the information we " +
                    $"gathered showed a greater level of need or risk, as the reasons above explain.",
            ThresholdLevel higher =>
                $"You indicated {Describe(higher, levelName)}. The MASH applied a lower level, {applied}, because the information we " +
                $"gathered showed the child's needs can be met without a statutory social care response, as the reasons above explain.",
        };

        string? otherSupport = null;
        if (decision.Level.IsBelowStatutoryThreshold() || decision.Outcome.IsNoFurtherAction())
        {
            var text =
                new StringBuilder("The concerns do not meet the threshold for children's social care. These services may help the family:");
            foreach (var service in support)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"\n\n{service.Name} ({service.Area}, ages {service.AgeRange}): {service.Offer} {service.HowToAccess}");
            }

            if (support.Count == 0)
            {
                text.Append("\n\nThe Early Help Hub can advise on local support for the family.");
            }

            otherSupport = text.ToString();
        }

        return new Text(OutcomeSummary(decision, children), decision.ReasonsForReferrer, levels, otherSupport);
    }

    /// <summary>
    /// The outcome in plain words. For siblings, each child's, the most serious first, children with the same outcome together
    /// in the referral's order: the referrer named the children, so is told what happens to each (docs/decisions/0092).
    /// </summary>
    public static string OutcomeSummary(CaseDecision decision, IReadOnlyList<NamedChild> children)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(children);
        if (decision.ChildOutcomes.Count <= 1)
        {
            return decision.Outcome.PlainWords();
        }

        return string.Join("\n\n", children.GroupBy(c => decision.OutcomeFor(c.ReferralChildId))
            .OrderByDescending(g => g.Key.Seriousness())
            .Select(g => $"{Names([.. g.Select(c => c.Name)])}: {g.Key.PlainWords()}"));
    }

    /// <summary>"Amy", "Amy and Ben", "Amy, Ben and Cara".</summary>
    private static string Names(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";

    private static string Describe(ThresholdLevel level, Func<ThresholdLevel, string> levelName) =>
        $"{level.Number().ToLowerInvariant()} ({levelName(level)})";
}
