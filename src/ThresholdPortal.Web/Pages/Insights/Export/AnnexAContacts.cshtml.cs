using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.Insights;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Insights.Export;

/// <summary>
/// Ofsted Annex A list 1 (contacts): every case received in the period, one row per matched child (or one
/// row with no child id when none is matched yet). References, ids and codes only, never names.
/// </summary>
public sealed class AnnexAContactsModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public InsightsFilter Filter { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => new CsvFileResult(await mediator.Send(new Query(Filter)));

    public sealed record Query(InsightsFilter Filter) : IQuery<CsvDownload>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Filter).SetValidator(new InsightsFilter.Validator());
    }

    public sealed class Row
    {
        public string Reference { get; init; } = string.Empty;
        public string CaseId { get; init; } = string.Empty;
        public string? ChildId { get; init; }
        public string Received { get; init; } = string.Empty;
        public string SourceCode { get; init; } = string.Empty;
        public string Channel { get; init; } = string.Empty;
        public string? ContactOutcome { get; init; }
        public string? NfaFlag { get; init; }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<Query, CsvDownload>
    {
        public async Task<CsvDownload> Handle(Query request, CancellationToken cancellationToken)
        {
            var filter = request.Filter.Resolve(clock.GetUtcNow());
            await audit.RecordNowAsync(InsightsEvents.Exported, InsightsEvents.SubjectType, "annex-a-contacts", ExportRows.Describe(filter),
                cancellationToken);
            var (where, parameters) = InsightsSql.Where(filter);
            var rows = InsightsSql.Run<Row>(db, $"""
                SELECT c."Reference", c."Id"::text AS "CaseId", l."PersonId"::text AS "ChildId",
                       to_char(c."ReceivedAt" AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS "Received",
                       c."SourceCode", c."Channel", c."ContactOutcome", {InsightsMeasures.NfaFlag} AS "NfaFlag"
                {InsightsSql.Cases}
                LEFT JOIN "PersonLinks" l ON l."CaseId" = c."Id" AND l."Role" = 'Child'
                {where}
                ORDER BY c."ReceivedAt", c."Id", l."Id"
                """, parameters).AsAsyncEnumerable();
            return new CsvDownload(
                $"annex-a-list-1-contacts-{ExportRows.Date(filter.First)}-to-{ExportRows.Date(filter.Last)}.csv",
                ["CaseReference", "CaseId", "ChildId", "ContactDate", "ReferralSource", "Channel", "ContactOutcome", "NfaFlag"],
                ExportRows.Map(rows,
                    r => [r.Reference, r.CaseId, r.ChildId, r.Received, r.SourceCode, r.Channel, r.ContactOutcome, r.NfaFlag],
                    cancellationToken));
        }
    }
}
