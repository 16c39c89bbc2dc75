using ThresholdPortal.Domain.EarlyHelp;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>
/// The early help hub's measures (issue 16, item 5; docs/decisions/0118), defined as the MASH's are: SQL predicates over
/// one row, here the hub's work with a family (<c>c</c>, an EarlyHelpCases row, in <see cref="InsightsSql.EarlyHelpInPeriod"/>),
/// so the counts, the lists behind them and the CSV share one definition. A step-down withdrawn by a revised decision
/// is never counted. <c>@now</c> is when the insights were asked for: a timescale not yet over is not counted as missed.
/// </summary>
public static class EarlyHelpMeasures
{
    public const string Group = "Early help";

    private const string Everything = "TRUE";
    private const string StepDown = "c.\"StepDownId\" IS NOT NULL";
    private static readonly string Ended = $"c.\"Status\" IN ('{EarlyHelpCaseStatus.Closed}', '{EarlyHelpCaseStatus.SteppedUp}')";

    public static IReadOnlyList<Measure> Each { get; } =
    [
        new("early-help-take-up", Group, "Step-downs accepted within 20 working days", "step-downs due an answer",
            "Step-downs from the MASH whose family agreed to early help within 20 working days of the hub receiving them, out of " +
                "step-downs whose family has agreed or whose 20 working days are over.",
            $"{StepDown} AND (c.\"ConsentRecordedAt\" IS NOT NULL OR c.\"TakeUpWindowEndsAt\" < @now)",
            "c.\"ConsentRecordedAt\" <= c.\"TakeUpWindowEndsAt\"", MeasureSubject.EarlyHelpWork),
        new("early-help-first-contact", Group, "First contact with the family within the timescale", "requests and step-downs due contact",
            "Early help requests and step-downs whose family was first contacted (their answer recorded) by the hub's timescale, out of " +
                "those contacted or past the time first contact was due.",
            "(c.\"FirstContactAt\" IS NOT NULL OR c.\"FirstContactDueAt\" < @now)",
            "c.\"FirstContactAt\" <= c.\"FirstContactDueAt\"", MeasureSubject.EarlyHelpWork),
        new("early-help-declined", Group, "Families who declined early help", "families allocated a lead professional",
            "Early help requests and step-downs whose family declined early help, at first contact or later, out of those allocated " +
                "to a lead professional.",
            "c.\"AllocatedAt\" IS NOT NULL", "c.\"DeclineReason\" IS NOT NULL", MeasureSubject.EarlyHelpWork),
        new("early-help-stepped-up", Group, "Stepped up to the MASH within 6 months", "early help requests and step-downs",
            "Early help requests and step-downs the hub stepped up to the MASH within 6 months of receiving them, out of every one " +
                "received.",
            Everything, "c.\"SteppedUpAt\" < c.\"ReceivedAt\" + interval '6 months'", MeasureSubject.EarlyHelpWork),
        new("early-help-opportunity-lost", Group, "Opportunity lost: step-downs ended with no help accepted", "step-downs ended",
            "Step-downs from the MASH that the hub closed or stepped up without the family ever agreeing to early help, out of every " +
                "step-down the hub has ended.",
            $"{StepDown} AND {Ended}", "c.\"ConsentRecordedAt\" IS NULL", MeasureSubject.EarlyHelpWork),
    ];
}
