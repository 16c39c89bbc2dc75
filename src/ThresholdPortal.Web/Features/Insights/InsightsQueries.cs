using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>The queries the insights page and the measures export share.</summary>
public static class InsightsQueries
{
    /// <summary>
    /// Every measure's numerator and denominator in one pass over the period's cases (and one over the hub's work): one
    /// count per predicate (FILTER), returned as one row per measure by unnesting the two arrays.
    /// </summary>
    public static async Task<IReadOnlyList<MeasureResult>> MeasuresAsync(PortalDbContext db, ResolvedFilter filter,
        CancellationToken cancellationToken)
    {
        var results = new Dictionary<Measure, Ratio>();
        foreach (var subject in InsightsMeasures.Each.GroupBy(m => m.Subject))
        {
            foreach (var result in await MeasuresAsync(db, filter, [.. subject], subject.Key, cancellationToken))
            {
                results[result.Measure] = result.Ratio;
            }
        }

        return [.. InsightsMeasures.Each.Select(m => new MeasureResult(m, results[m]))];
    }

    private static async Task<IReadOnlyList<MeasureResult>> MeasuresAsync(PortalDbContext db, ResolvedFilter filter,
        IReadOnlyList<Measure> measures, MeasureSubject subject, CancellationToken cancellationToken)
    {
        var denominators = string.Join(",\n", measures.Select(m => $"count(*) FILTER (WHERE {m.Denominator})"));
        var numerators = string.Join(",\n", measures.Select(m => $"count(*) FILTER (WHERE ({m.Denominator}) AND ({m.Numerator}))"));
        var (where, parameters) = InsightsSql.Where(filter, subject);
        var rows = await InsightsSql.Run<KeyedCount>(db, $"""
            SELECT m.ord::text AS "Key", m.n AS "Numerator", m.d AS "Denominator"
            FROM (SELECT ARRAY[{numerators}] AS n, ARRAY[{denominators}] AS d
                  {InsightsSql.From(subject)}
                  {where}) a,
                 unnest(a.n, a.d) WITH ORDINALITY AS m(n, d, ord)
            """, parameters).ToListAsync(cancellationToken);
        var byIndex = rows.ToDictionary(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture) - 1);
        return [.. measures.Select((m, i) => new MeasureResult(m, new Ratio(byIndex[i].Numerator, byIndex[i].Denominator)))];
    }
}
