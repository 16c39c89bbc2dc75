using Microsoft.EntityFrameworkCore;
using Npgsql;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>
/// Everything the insights page shows for a period: the measures, cases received per week, conversion by kind and by
/// organisation, information requests answered on time per agency and the commonest quality flags. Read from the daily
/// summary when it is current (<see cref="InsightsSummary"/>), or counted live from the cases; both give the same figures
/// (docs/decisions/0134), which the tests compare.
/// </summary>
public sealed record InsightsOverview(
    IReadOnlyList<MeasureResult> Measures,
    IReadOnlyList<KeyedCount> Weeks,
    IReadOnlyList<KeyedCount> ByKind,
    IReadOnlyList<KeyedCount> ByOrganisation,
    IReadOnlyList<KeyedCount> Agencies,
    IReadOnlyList<KeyedCount> Flags,
    bool Summarised)
{
    public const string Public = "Public";
    public const string PublicName = "Members of the public (recorded contacts)";

    /// <summary>The measure the page breaks down by kind and organisation.</summary>
    public static Measure Conversion { get; } = InsightsMeasures.Find("conversion")!;

    /// <summary>From the summary, refreshed first, when it is current; otherwise live.</summary>
    public static async Task<InsightsOverview> ReadAsync(PortalDbContext db, ResolvedFilter filter, CancellationToken cancellationToken) =>
        await InsightsSummary.RefreshAsync(db, cancellationToken)
            ? await SummarisedAsync(db, filter, cancellationToken)
            : await LiveAsync(db, filter, cancellationToken);

    /// <summary>Counted from the cases themselves: cost grows with the cases in the period.</summary>
    public static async Task<InsightsOverview> LiveAsync(PortalDbContext db, ResolvedFilter filter, CancellationToken cancellationToken)
    {
        var measures = await InsightsQueries.MeasuresAsync(db, filter, summarised: false, cancellationToken);
        var (where, parameters) = InsightsSql.Where(filter);
        parameters.Add(InsightsSql.Zone());
        var weeks = await Run(db, $"""
            SELECT to_char(date_trunc('week', c."ReceivedAt" AT TIME ZONE @zone), 'YYYY-MM-DD') AS "Key",
                   count(*) AS "Numerator", 0::bigint AS "Denominator"
            {InsightsSql.Cases}
            {where}
            GROUP BY 1
            """, parameters, cancellationToken);
        var byKind = await LiveGroupedAsync(db, $"COALESCE(o.\"Kind\", '{Public}')", filter, cancellationToken);
        var byOrganisation = await LiveGroupedAsync(db, $"COALESCE(o.\"Name\", '{PublicName}')", filter, cancellationToken);

        (where, parameters) = InsightsSql.Where(filter);
        parameters.Add(new("now", filter.AsAt.UtcDateTime));
        var agencies = await Run(db, $"""
            SELECT q."AgencyName" AS "Key", count(*) FILTER (WHERE q."RespondedAt" <= q."DueAt") AS "Numerator",
                   count(*) AS "Denominator"
            FROM "InformationRequests" q
            JOIN (SELECT c."Id" {InsightsSql.Cases} {where}) k ON k."Id" = q."CaseId"
            WHERE q."RespondedAt" IS NOT NULL OR q."DueAt" < @now
            GROUP BY 1
            ORDER BY 1
            """, parameters, cancellationToken);

        (where, parameters) = InsightsSql.Where(filter);
        var flags = await Run(db, $"""
            SELECT f."Kind" AS "Key", count(DISTINCT f."ReferralId") AS "Numerator", 0::bigint AS "Denominator"
            FROM "ReferralQualityFlags" f
            JOIN (SELECT c."ReferralId" {InsightsSql.Cases} {where} AND c."Channel" = 'Portal') k ON k."ReferralId" = f."ReferralId"
            GROUP BY 1
            ORDER BY 2 DESC, 1
            LIMIT 5
            """, parameters, cancellationToken);
        return new(measures, weeks, byKind, byOrganisation, agencies, flags, Summarised: false);
    }

    /// <summary>Read from the daily summary: cost grows with the period's days (and organisations), not with the cases.</summary>
    public static async Task<InsightsOverview> SummarisedAsync(PortalDbContext db, ResolvedFilter filter,
        CancellationToken cancellationToken)
    {
        var measures = await InsightsQueries.MeasuresAsync(db, filter, summarised: true, cancellationToken);
        var received = Index(InsightsMeasures.Find("referrals")!);
        var (where, parameters) = SummaryWhere(filter);
        var weeks = await Run(db, $"""
            SELECT to_char(date_trunc('week', d."Day"), 'YYYY-MM-DD') AS "Key", sum(d."Denominators"[{received}])::bigint AS "Numerator",
                   0::bigint AS "Denominator"
            FROM "InsightsDays" d LEFT JOIN "Organisations" o ON o."Id" = d."OrganisationId"
            {where}
            GROUP BY 1
            """, parameters, cancellationToken);
        var byKind = await SummaryGroupedAsync(db, $"COALESCE(o.\"Kind\", '{Public}')", filter, cancellationToken);
        var byOrganisation = await SummaryGroupedAsync(db, $"COALESCE(o.\"Name\", '{PublicName}')", filter, cancellationToken);

        (where, parameters) = SummaryWhere(filter);
        var answered = await Run(db, $"""
            SELECT d."AgencyName" AS "Key", sum(d."AnsweredOnTime")::bigint AS "Numerator", sum(d."Answered")::bigint AS "Denominator"
            FROM "InsightsDayAgencies" d LEFT JOIN "Organisations" o ON o."Id" = d."OrganisationId"
            {where}
            GROUP BY 1
            """, parameters, cancellationToken);
        var (caseWhere, caseParameters) = InsightsSql.Where(filter);
        caseParameters.Add(new("now", filter.AsAt.UtcDateTime));
        var overdue = await Run(db, $"""
            SELECT q."AgencyName" AS "Key", 0::bigint AS "Numerator", count(*) AS "Denominator"
            FROM "InformationRequests" q
            JOIN "MashCases" c ON c."Id" = q."CaseId"
            LEFT JOIN "Organisations" o ON o."Id" = c."ReferringOrganisationId"
            {caseWhere} AND q.{InformationRequestConfiguration.OpenFilter} AND q."RespondedAt" IS NULL AND q."DueAt" < @now
            GROUP BY 1
            """, caseParameters, cancellationToken);
        var agencies = answered.Concat(overdue).GroupBy(a => a.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KeyedCount { Key = g.Key, Numerator = g.Sum(a => a.Numerator), Denominator = g.Sum(a => a.Denominator) })
            .ToList();

        (where, parameters) = SummaryWhere(filter);
        var flags = await Run(db, $"""
            SELECT d."Kind" AS "Key", sum(d."Referrals")::bigint AS "Numerator", 0::bigint AS "Denominator"
            FROM "InsightsDayQualityFlags" d LEFT JOIN "Organisations" o ON o."Id" = d."OrganisationId"
            {where}
            GROUP BY 1
            ORDER BY 2 DESC, 1
            LIMIT 5
            """, parameters, cancellationToken);
        return new(measures, weeks, byKind, byOrganisation, agencies, flags, Summarised: true);
    }

    /// <summary>The period's summary rows (<c>d</c>, with its organisation <c>o</c>) for the filter.</summary>
    internal static (string Where, List<NpgsqlParameter> Parameters) SummaryWhere(ResolvedFilter filter)
    {
        var parameters = new List<NpgsqlParameter> { new("first", filter.First), new("last", filter.Last) };
        var where = "WHERE d.\"Day\" BETWEEN @first AND @last";
        if (filter.Organisation is { } organisation)
        {
            where += " AND d.\"OrganisationId\" = @organisation";
            parameters.Add(new("organisation", organisation));
        }
        else if (filter.Kind is { } kind)
        {
            where += " AND o.\"Kind\" = @kind";
            parameters.Add(new("kind", kind.ToString()));
        }

        return (where, parameters);
    }

    /// <summary>A measure's position in the summary's arrays (1-based, as SQL counts).</summary>
    internal static int Index(Measure measure) =>
        InsightsSummary.Measures.Select((m, i) => (m, i)).Single(p => ReferenceEquals(p.m, measure)).i + 1;

    /// <summary>Conversion grouped by a column of the case's organisation, live.</summary>
    private static async Task<IReadOnlyList<KeyedCount>> LiveGroupedAsync(PortalDbContext db, string key, ResolvedFilter filter,
        CancellationToken cancellationToken)
    {
        var (where, parameters) = InsightsSql.Where(filter);
        return await Run(db, $"""
            SELECT {key} AS "Key", count(*) FILTER (WHERE {Conversion.Numerator}) AS "Numerator", count(*) AS "Denominator"
            {InsightsSql.Cases}
            {where} AND ({Conversion.Denominator})
            GROUP BY 1
            """, parameters, cancellationToken);
    }

    /// <summary>Conversion grouped by a column of the organisation, from the summary; groups with no closed case are left out.</summary>
    private static async Task<IReadOnlyList<KeyedCount>> SummaryGroupedAsync(PortalDbContext db, string key, ResolvedFilter filter,
        CancellationToken cancellationToken)
    {
        var (where, parameters) = SummaryWhere(filter);
        var index = Index(Conversion);
        return await Run(db, $"""
            SELECT {key} AS "Key", sum(d."Numerators"[{index}])::bigint AS "Numerator",
                   sum(d."Denominators"[{index}])::bigint AS "Denominator"
            FROM "InsightsDays" d LEFT JOIN "Organisations" o ON o."Id" = d."OrganisationId"
            {where}
            GROUP BY 1
            HAVING sum(d."Denominators"[{index}]) > 0
            """, parameters, cancellationToken);
    }

    private static async Task<IReadOnlyList<KeyedCount>> Run(PortalDbContext db, string sql, List<NpgsqlParameter> parameters,
        CancellationToken cancellationToken) =>
        await InsightsSql.Run<KeyedCount>(db, sql, parameters).ToListAsync(cancellationToken);
}
