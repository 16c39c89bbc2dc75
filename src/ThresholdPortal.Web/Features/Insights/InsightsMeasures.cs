using Microsoft.EntityFrameworkCore;
using Npgsql;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>
/// One live measure: of the cases received in the period (its denominator), how many meet its numerator.
/// Both are SQL predicates over one case row (<c>c</c>, a MashCases row, joined to its referral <c>r</c>
/// and referring organisation <c>o</c>), so the page's counts, the list of cases behind a count and the
/// CSV all use the same definition (docs/decisions/0070). Predicates are constant text, never user input. The early help
/// hub's measures are over its work with a family instead (<see cref="MeasureSubject.EarlyHelpWork"/>).
/// </summary>
public sealed record Measure(string Key, string Group, string Title, string Noun, string Definition, string Denominator, string Numerator,
    MeasureSubject Subject = MeasureSubject.MashCase);

/// <summary>What a measure counts: MASH cases, or the early help hub's work with families.</summary>
public enum MeasureSubject
{
    MashCase,
    EarlyHelpWork,
}

public static class InsightsMeasures
{
    private static readonly string Conversion = InList(DecisionOutcomeExtensions.All.Where(o => o.IsConversion()));
    private static readonly string NoFurtherAction = InList([DecisionOutcome.NoFurtherAction, DecisionOutcome.NoFurtherActionWithAdvice]);

    private const string All = "TRUE";
    private const string Decided = "c.\"Status\" = 'Decided'";
    private const string Approved = "c.\"DecisionId\" IS NOT NULL";
    private const string LevelsKnown = "c.\"DecidedLevel\" IS NOT NULL AND c.\"ReferrerLevel\" IS NOT NULL";
    private const string FeedbackSent = "f.\"SentAt\" IS NOT NULL";

    /// <summary>
    /// An earlier case for the same child (a person linked as a child to both) received within the interval
    /// before this one: <c>rr</c> holds, per case in the period, the latest earlier case of any of its children.
    /// </summary>
    private static string ReReferralWithin(string interval) => $"rr.\"PreviousAt\" >= c.\"ReceivedAt\" - interval '{interval}'";

    // Correlated on the case, so each is one probe of the table's case index, or a hashed set when PostgreSQL finds that
    // cheaper and it fits in memory. An uncorrelated IN (ADR 0070) became, once the set outgrew work_mem, a rescan of every
    // request sent since the period began for each case: minutes for a month at a million referrals (ADR 0138).
    private static string CaseHas(string table, string condition) =>
        $"EXISTS (SELECT 1 FROM \"{table}\" x WHERE x.\"CaseId\" = c.\"Id\" AND {condition})";

    private static string HasRequestOrReason =>
        $"({CaseHas("InformationRequests", "x.\"SentAt\" >= @start")} OR {CaseHas("AgencyChecksNotNeeded", "x.\"RecordedAt\" >= @start")})";

    private static string DeadlineFor(BragRating rating) => $"c.\"DecidedWithinDeadline\" IS NOT NULL AND c.\"Rating\" = '{rating}'";

    public static IReadOnlyList<Measure> Each { get; } = Build();

    public static Measure? Find(string? key) => Each.FirstOrDefault(m => string.Equals(m.Key, key, StringComparison.Ordinal));

    private static List<Measure> Build()
    {
        List<Measure> measures =
        [
            new("referrals", "Received", "Referrals from professionals", "contacts and referrals received",
                "Cases received through the portal from a professional, out of every case received (portal referrals and contacts " +
                    "recorded by the MASH).",
                All, "c.\"Channel\" = 'Portal'"),
            new("contacts", "Received", "Contacts recorded by the MASH", "contacts and referrals received",
                "Cases the MASH recorded from a phone call, e-mail or visit, out of every case received.",
                All, "c.\"Channel\" <> 'Portal'"),
            new("progressed", "Received", "Progressed to MASH checks", "contacts and referrals received",
                "Cases that screening progressed to multi-agency checks (a referral, in Ofsted's Annex A sense), out of every case " +
                    "received.",
                All, "c.\"ContactOutcome\" = 'ProgressToMashChecks'"),
            new("conversion", "Outcomes", "Conversion to assessment or strategy discussion", "closed cases",
                "Closed cases whose approved outcome was a child and family assessment (s17), a strategy discussion (s47) or immediate " +
                    "protective action, out of every closed case (including contacts closed at screening).",
                Decided, $"c.\"Outcome\" IN ({Conversion})"),
            new("nfa", "Outcomes", "Closed with no further action", "closed cases",
                "Closed cases closed at the contact stage or with an approved outcome of no further action (with or without advice), out " +
                    "of every closed case. Step-down to early help is counted separately.",
                Decided, $"(c.\"ContactOutcome\" = 'ClosedAtContact' OR c.\"Outcome\" IN ({NoFurtherAction}))"),
            new("step-down", "Outcomes", "Stepped down to early help", "closed cases",
                "Closed cases whose approved outcome was a step-down to early help, out of every closed case.",
                Decided, $"c.\"Outcome\" = '{DecisionOutcome.StepDownToEarlyHelp}'"),
            new("threshold-agreement", "Threshold", "Referrer's level agreed with the MASH's", "decided referrals with both levels",
                "Cases with an approved decision where the level the referrer indicated equals the level the MASH applied, out of cases " +
                    "with an approved decision and a level from the referrer.",
                LevelsKnown, "c.\"ReferrerLevel\" = c.\"DecidedLevel\""),
            new("threshold-higher", "Threshold", "Referrer indicated a higher level than the MASH", "decided referrals with both levels",
                "Of the same cases, those where the referrer's level was above the MASH's (the referrer over-estimated the need).",
                LevelsKnown, "c.\"ReferrerLevel\" > c.\"DecidedLevel\""),
            new("threshold-lower", "Threshold", "Referrer indicated a lower level than the MASH", "decided referrals with both levels",
                "Of the same cases, those where the referrer's level was below the MASH's (the referrer under-estimated the need).",
                LevelsKnown, "c.\"ReferrerLevel\" < c.\"DecidedLevel\""),
            new("consent", "Practice", "Consent decision recorded", "contacts and referrals received",
                "Cases whose referral records whether consent was obtained, refused or not sought, out of every case received.",
                All, "r.\"Consent_Decision\" IS NOT NULL"),
            new("agencies-considered", "Practice", "Partner agencies considered", "closed cases",
                "Closed cases where at least one partner agency was asked for information or a reason was recorded for not asking it, " +
                    "out of every closed case.",
                Decided, HasRequestOrReason),
            new("feedback", "Feedback", "Referrer given feedback", "cases with an approved decision",
                "Cases with an approved decision whose feedback to the referrer has been sent (through the portal, by phone or by " +
                    "letter), out of every case with an approved decision.",
                Approved, FeedbackSent),
            new("feedback-within-a-day", "Feedback", "Feedback sent within 24 hours of the decision", "cases with an approved decision",
                "Cases with an approved decision whose feedback was sent no more than 24 hours after the decision was approved, out of " +
                    "every case with an approved decision.",
                Approved, "f.\"SentAt\" <= c.\"DecidedAt\" + interval '24 hours'"),
            new("within-deadline", "Timeliness", "Decisions within the deadline", "decisions with a deadline",
                "Cases with an approved decision that had a deadline (every rating but Blue), decided by the deadline then in force.",
                "c.\"DecidedWithinDeadline\" IS NOT NULL", "c.\"DecidedWithinDeadline\""),
        ];
        foreach (var rating in new[] { BragRating.Red, BragRating.Amber, BragRating.Green })
        {
            measures.Add(new($"within-deadline-{rating.ToString().ToLowerInvariant()}", "Timeliness",
                $"{rating} decisions within the deadline", $"{rating} decisions with a deadline",
                $"Cases rated {rating} at decision with an approved decision, decided by the deadline then in force.", DeadlineFor(rating),
                    "c.\"DecidedWithinDeadline\""));
        }

        measures.AddRange(
        [
            new("re-referral-3-months", "Re-referrals", "Re-referrals within 3 months", "contacts and referrals received",
                "Cases where a child linked to a known person had an earlier case received in the 3 months before this one, out of every " +
                    "case received. Only children matched to a known person can count.",
                All, ReReferralWithin("3 months")),
            new("re-referral-12-months", "Re-referrals", "Re-referrals within 12 months", "contacts and referrals received",
                "As above, with an earlier case in the 12 months before.",
                All, ReReferralWithin("12 months")),
            new("escalations", "Escalations", "Referrers who escalated a decision", "cases with feedback sent",
                "Cases whose referrer disagreed and escalated the decision, out of cases whose feedback was sent.",
                FeedbackSent, CaseHas("Escalations", "x.\"RaisedAt\" >= @start")),
            new("escalations-changed", "Escalations", "Escalations that changed the decision", "answered escalations",
                "Cases whose escalation was answered by changing the decision, out of cases with an answered escalation (the rest were " +
                    "upheld).",
                CaseHas("Escalations", "x.\"RaisedAt\" >= @start AND x.\"AnsweredAt\" IS NOT NULL"),
                CaseHas("Escalations", $"x.\"RaisedAt\" >= @start AND x.\"Result\" = '{EscalationResult.Changed}'")),
        ]);
        measures.AddRange(EarlyHelpMeasures.Each);
        return measures;
    }

    /// <summary>
    /// The Children in Need "NFA" flag of a closed case: Y when it closed at the contact stage or with an
    /// outcome the domain counts as no further action (including step-down to early help); blank while open.
    /// </summary>
    public static readonly string NfaFlag = NfaFlagOf("c.\"Outcome\"");

    /// <summary>The NFA flag for an outcome column: the case's (<see cref="NfaFlag"/>) or one child's (<c>ChildRowsExport</c>).</summary>
    public static string NfaFlagOf(string outcome) =>
        $"CASE WHEN c.\"Status\" <> 'Decided' THEN NULL WHEN c.\"ContactOutcome\" = 'ClosedAtContact' OR {outcome} IN " +
            $"({InList(DecisionOutcomeExtensions.All.Where(o => o.IsNoFurtherAction()))}) THEN 'Y' ELSE 'N' END";

    private static string InList<T>(IEnumerable<T> values) where T : struct, Enum => string.Join(", ", values.Select(v => $"'{v}'"));
}

/// <summary>The SQL every insights query shares: the cases in the period and filter, with their referral and organisation.</summary>
public static class InsightsSql
{
    /// <summary>The cases with their organisation only: enough for counts and groupings on the case's own columns.</summary>
    public const string Cases = """
        FROM "MashCases" c
        LEFT JOIN "Organisations" o ON o."Id" = c."ReferringOrganisationId"
        """;

    /// <summary>
    /// The cases with everything the measures read: the referral <c>r</c>, the feedback <c>f</c> on the decision in
    /// force (at most one per decision, by a unique index) and <c>rr</c>, the latest earlier case of any child linked to the case
    /// (for re-referrals), looked up per case through the links' indexes, so its cost follows the period's cases and not every
    /// link stored (a join over all links was planned as a scan of them: ten seconds a month at ten million).
    /// </summary>
    public const string CasesInPeriod = """
        FROM "MashCases" c
        LEFT JOIN "Organisations" o ON o."Id" = c."ReferringOrganisationId"
        JOIN "Referrals" r ON r."Id" = c."ReferralId"
        LEFT JOIN "ReferrerFeedback" f ON f."DecisionId" = c."DecisionId"
        LEFT JOIN LATERAL (
            SELECT max(ec."ReceivedAt") AS "PreviousAt"
            FROM "PersonLinks" l
            JOIN "PersonLinks" e ON e."PersonId" = l."PersonId" AND e."CaseId" <> l."CaseId" AND e."Role" = 'Child'
            JOIN "MashCases" ec ON ec."Id" = e."CaseId" AND ec."ReceivedAt" < c."ReceivedAt"
            WHERE l."CaseId" = c."Id" AND l."Role" = 'Child') rr ON TRUE
        """;

    /// <summary>
    /// The early help hub's work with families (<c>c</c>), with the organisation that referred the family (<c>o</c>): the
    /// request's, or for a step-down the MASH case's (none for a contact the MASH recorded), so the period and filter apply as
    /// they do to MASH cases. Work on a step-down that a revised decision withdrew is left out.
    /// </summary>
    public const string EarlyHelpInPeriod = """
        FROM (SELECT w.*, CASE WHEN w."SteppedDownFromCaseId" IS NULL THEN r."ReferringOrganisationId"
                               ELSE m."ReferringOrganisationId" END AS "ReferringOrganisationId"
              FROM "EarlyHelpCases" w
              JOIN "Referrals" r ON r."Id" = w."ReferralId"
              LEFT JOIN "MashCases" m ON m."Id" = w."SteppedDownFromCaseId"
              LEFT JOIN "EarlyHelpStepDowns" s ON s."Id" = w."StepDownId"
              WHERE s."WithdrawnAt" IS NULL) c
        LEFT JOIN "Organisations" o ON o."Id" = c."ReferringOrganisationId"
        """;

    /// <summary>Where a measure's rows come from, with everything its predicates read.</summary>
    public static string From(MeasureSubject subject) => subject == MeasureSubject.EarlyHelpWork ? EarlyHelpInPeriod : CasesInPeriod;

    /// <summary>The day a case was received, in the portal's time zone: needs the <see cref="Zone"/> parameter.</summary>
    public const string ReceivedDate = "to_char(c.\"ReceivedAt\" AT TIME ZONE @zone, 'YYYY-MM-DD') AS \"Received\"";

    /// <summary>The configured time zone as the @zone parameter, so no query names a zone itself.</summary>
    public static NpgsqlParameter Zone() => new("zone", UkTime.ZoneId);

    /// <summary>
    /// Runs insights SQL. Every piece of text it is built from is a constant of this feature (the measures'
    /// predicates, the joins, column names); everything that comes from the user is a parameter.
    /// </summary>
    public static IQueryable<T> Run<T>(PortalDbContext db, string sql, List<NpgsqlParameter> parameters) =>
        db.Database.SqlQueryRaw<T>(sql, [.. parameters]);

    /// <summary>The WHERE clause for the period and filter, with its parameters (fresh for each command).</summary>
    public static (string Where, List<NpgsqlParameter> Parameters) Where(ResolvedFilter filter)
    {
        var parameters = new List<NpgsqlParameter>
        {
            new("start", filter.Start.UtcDateTime),
            new("end", filter.End.UtcDateTime),
        };
        var where = "WHERE c.\"ReceivedAt\" >= @start AND c.\"ReceivedAt\" < @end";
        if (filter.Organisation is { } organisation)
        {
            where += " AND c.\"ReferringOrganisationId\" = @organisation";
            parameters.Add(new("organisation", organisation));
        }
        else if (filter.Kind is { } kind)
        {
            where += " AND o.\"Kind\" = @kind";
            parameters.Add(new("kind", kind.ToString()));
        }

        return (where, parameters);
    }

    /// <summary>As <see cref="Where(ResolvedFilter)"/>, with <c>@now</c> for the early help measures' timescales.</summary>
    public static (string Where, List<NpgsqlParameter> Parameters) Where(ResolvedFilter filter, MeasureSubject subject)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (where, parameters) = Where(filter);
        if (subject == MeasureSubject.EarlyHelpWork)
        {
            parameters.Add(new("now", filter.AsAt.UtcDateTime));
        }

        return (where, parameters);
    }
}

/// <summary>One measure with its value for the filtered period.</summary>
public sealed record MeasureResult(Measure Measure, Ratio Ratio);
