using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>
/// What the Annex A and CIN census exports share: the export is audited, then the period's cases are read one
/// row per child the referral names, matched to a known person or not, in the order received and then the
/// referral's order, and streamed as CSV. Each export says only its columns, any joins before the children and
/// any extra condition. <see cref="ChildId"/> is the child's id in a return, <see cref="NfaFlag"/> the child's own NFA flag.
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
    /// <summary>
    /// A child's id in a return: the known person's id once a practitioner has matched the child (the same id in every
    /// referral about them), otherwise the id of the child as the referral names them, which never changes.
    /// </summary>
    public const string ChildId = "COALESCE(l.\"PersonId\", rc.\"Id\")::text";

    /// <summary>
    /// The child's own outcome in the approved decision (docs/decisions/0092); the case's for a decision made before outcomes were
    /// recorded per child, which the migration backfilled, so only a defence.
    /// </summary>
    public const string ChildOutcome = "COALESCE(co.\"Outcome\", c.\"Outcome\")";

    /// <summary>The child's NFA flag: Y when the case closed at contact or this child's outcome is no further action.</summary>
    public static readonly string NfaFlag = InsightsMeasures.NfaFlagOf(ChildOutcome);

    /// <summary>Joins between the cases and their children, e.g. the decision.</summary>
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
            LEFT JOIN "ReferralChildren" rc ON rc."ReferralId" = c."ReferralId"
            LEFT JOIN "PersonLinks" l ON l."CaseId" = c."Id" AND l."Role" = 'Child' AND l."SubjectId" = rc."Id"
            LEFT JOIN "ChildOutcomes" co ON co."DecisionId" = c."DecisionId" AND co."ReferralChildId" = rc."Id"
            {where}{Condition}
            ORDER BY c."ReceivedAt", c."Id", rc."Order"
            """, parameters).AsAsyncEnumerable();
        return new CsvDownload(
            $"{FilePrefix}-{ExportRows.Date(filter.First)}-to-{ExportRows.Date(filter.Last)}.csv",
            Header,
            ExportRows.Map(rows, Cells, cancellationToken));
    }
}
