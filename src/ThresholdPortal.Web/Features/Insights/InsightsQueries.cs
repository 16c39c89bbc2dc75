using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>The queries the insights page and the measures export share.</summary>
public static class InsightsQueries
{
    /// <summary>Every measure for the period: the MASH's from the daily summary when it is current (refreshed first), else live.</summary>
    public static async Task<IReadOnlyList<MeasureResult>> MeasuresAsync(PortalDbContext db, ResolvedFilter filter,
        CancellationToken cancellationToken) =>
        await MeasuresAsync(db, filter, await InsightsSummary.RefreshAsync(db, cancellationToken), cancellationToken);

    /// <summary>
    /// Every measure's numerator and denominator. Live, in one pass over the period's cases (and one over the hub's work): one
    /// count per predicate (FILTER), returned as one row per measure by unnesting the two arrays. Summarised, the MASH's are
    /// the sums of the period's daily counts (<see cref="InsightsSummary"/>); the hub's are always live.
    /// </summary>
    public static async Task<IReadOnlyList<MeasureResult>> MeasuresAsync(PortalDbContext db, ResolvedFilter filter, bool summarised,
        CancellationToken cancellationToken)
    {
        var results = new Dictionary<Measure, Ratio>();
        foreach (var subject in InsightsMeasures.Each.GroupBy(m => m.Subject))
        {
            var counted = summarised && subject.Key == MeasureSubject.MashCase
                ? await SummarisedAsync(db, filter, cancellationToken)
                : await MeasuresAsync(db, filter, [.. subject], subject.Key, cancellationToken);
            foreach (var result in counted)
            {
                results[result.Measure] = result.Ratio;
            }
        }

        return [.. InsightsMeasures.Each.Select(m => new MeasureResult(m, results[m]))];
    }

    private static async Task<IReadOnlyList<MeasureResult>> SummarisedAsync(PortalDbContext db, ResolvedFilter filter,
        CancellationToken cancellationToken)
    {
        var measures = InsightsSummary.Measures;
        var numerators = string.Join(", ", measures.Select((_, i) => $"COALESCE(sum(d.\"Numerators\"[{i + 1}]), 0)::bigint"));
        var denominators = string.Join(", ", measures.Select((_, i) => $"COALESCE(sum(d.\"Denominators\"[{i + 1}]), 0)::bigint"));
        var (where, parameters) = InsightsOverview.SummaryWhere(filter);
        return await CountsAsync(db, $"""
            SELECT ARRAY[{numerators}] AS n, ARRAY[{denominators}] AS d
            FROM "InsightsDays" d LEFT JOIN "Organisations" o ON o."Id" = d."OrganisationId"
            {where}
            """, parameters, measures, cancellationToken);
    }

    private static async Task<IReadOnlyList<MeasureResult>> MeasuresAsync(PortalDbContext db, ResolvedFilter filter,
        IReadOnlyList<Measure> measures, MeasureSubject subject, CancellationToken cancellationToken)
    {
        var (numerators, denominators) = Counts(measures);
        var (where, parameters) = InsightsSql.Where(filter, subject);
        return await CountsAsync(db, $"""
            SELECT ARRAY[{numerators}] AS n, ARRAY[{denominators}] AS d
            {InsightsSql.From(subject)}
            {where}
            """, parameters, measures, cancellationToken);
    }

    /// <summary>
    /// Each measure's numerator and denominator as counts over the rows (one FILTER each), for an ARRAY: the live page and
    /// the daily summary's recount (<see cref="InsightsSummary"/>) count with this one definition.
    /// </summary>
    internal static (string Numerators, string Denominators) Counts(IReadOnlyList<Measure> measures) =>
        (string.Join(",\n", measures.Select(m => $"count(*) FILTER (WHERE ({m.Denominator}) AND ({m.Numerator}))")),
            string.Join(",\n", measures.Select(m => $"count(*) FILTER (WHERE {m.Denominator})")));

    /// <summary>Runs a query of one row, an array of numerators and one of denominators, and pairs them with the measures.</summary>
    private static async Task<IReadOnlyList<MeasureResult>> CountsAsync(PortalDbContext db, string arrays,
        List<Npgsql.NpgsqlParameter> parameters, IReadOnlyList<Measure> measures, CancellationToken cancellationToken)
    {
        var rows = await InsightsSql.Run<KeyedCount>(db, $"""
            SELECT m.ord::text AS "Key", m.n AS "Numerator", m.d AS "Denominator"
            FROM ({arrays}) a,
                 unnest(a.n, a.d) WITH ORDINALITY AS m(n, d, ord)
            """, parameters).ToListAsync(cancellationToken);
        var byIndex = rows.ToDictionary(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture) - 1);
        return [.. measures.Select((m, i) => new MeasureResult(m, new Ratio(byIndex[i].Numerator, byIndex[i].Denominator)))];
    }
}
