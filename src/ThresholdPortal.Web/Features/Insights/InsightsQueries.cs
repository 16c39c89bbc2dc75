using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>The queries the insights page and the measures export share.</summary>
public static class InsightsQueries
{
    /// <summary>
    /// Every measure's numerator and denominator in one pass over the period's cases: one count per
    /// predicate (FILTER), returned as one row per measure by unnesting the two arrays.
    /// </summary>
    public static async Task<IReadOnlyList<MeasureResult>> MeasuresAsync(PortalDbContext db, ResolvedFilter filter,
        CancellationToken cancellationToken)
    {
        var measures = InsightsMeasures.Each;
        var denominators = string.Join(",\n", measures.Select(m => $"count(*) FILTER (WHERE {m.Denominator})"));
        var numerators = string.Join(",\n", measures.Select(m => $"count(*) FILTER (WHERE ({m.Denominator}) AND ({m.Numerator}))"));
        var (where, parameters) = InsightsSql.Where(filter);
        var rows = await InsightsSql.Run<KeyedCount>(db, $"""
            SELECT m.ord::text AS "Key", m.n AS "Numerator", m.d AS "Denominator"
            FROM (SELECT ARRAY[{numerators}] AS n, ARRAY[{denominators}] AS d
                  {InsightsSql.CasesInPeriod}
                  {where}) a,
                 unnest(a.n, a.d) WITH ORDINALITY AS m(n, d, ord)
            """, parameters).ToListAsync(cancellationToken);
        var byIndex = rows.ToDictionary(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture) - 1);
        return [.. measures.Select((m, i) => new MeasureResult(m, new Ratio(byIndex[i].Numerator, byIndex[i].Denominator)))];
    }
}
