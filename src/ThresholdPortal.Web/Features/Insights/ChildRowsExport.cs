using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>
/// What the Annex A and CIN census exports share: the export is audited, then the period's cases are read one
/// row per linked child (one row with no child id when none is matched yet), in the order received, and
/// streamed as CSV. Each export says only its columns, any joins before the child links and any extra condition.
/// </summary>
/// <param name="Subject">The export's name in the audit trail, e.g. "annex-a-contacts".</param>
/// <param name="FilePrefix">The file name before the period, e.g. "annex-a-list-1-contacts".</param>
/// <param name="Columns">The SELECT list: constants of this feature only, never text from the user.</param>
/// <param name="Header">The CSV's column names.</param>
/// <param name="Cells">A row's values, in the header's order.</param>
public sealed record ChildRowsExport<TRow>(
    string Subject,
    string FilePrefix,
    string Columns,
    IReadOnlyList<string> Header,
    Func<TRow, IReadOnlyList<string?>> Cells)
{
    /// <summary>Joins between the cases and their child links, e.g. the decision.</summary>
    public string Joins { get; init; } = string.Empty;

    /// <summary>Added to the period's WHERE clause, starting " AND ".</summary>
    public string Condition { get; init; } = string.Empty;

    public async Task<CsvDownload> RunAsync(
        PortalDbContext db, IAuditTrail audit, ResolvedFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(filter);
        await audit.RecordNowAsync(
            InsightsEvents.Exported, InsightsEvents.SubjectType, Subject, ExportRows.Describe(filter), cancellationToken);
        var (where, parameters) = InsightsSql.Where(filter);
        parameters.Add(InsightsSql.Zone());
        var rows = InsightsSql.Run<TRow>(db, $"""
            SELECT {Columns}
            {InsightsSql.Cases}
            {Joins}
            LEFT JOIN "PersonLinks" l ON l."CaseId" = c."Id" AND l."Role" = 'Child'
            {where}{Condition}
            ORDER BY c."ReceivedAt", c."Id", l."Id"
            """, parameters).AsAsyncEnumerable();
        return new CsvDownload(
            $"{FilePrefix}-{ExportRows.Date(filter.First)}-to-{ExportRows.Date(filter.Last)}.csv",
            Header,
            ExportRows.Map(rows, Cells, cancellationToken));
    }
}
