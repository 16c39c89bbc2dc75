using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Features.Insights;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Insights.Export;

/// <summary>
/// Ofsted Annex A list 1 (contacts): every case received in the period, one row per child the referral names, matched to a known
/// person or not, with that child's own NFA flag. References, ids and codes only, never names.
/// </summary>
public sealed class AnnexAContactsModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public InsightsFilter Filter { get; set; } = new();

    /// <summary><c>ofsted</c> for Ofsted's own columns and labels; otherwise the working extract with references.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        new CsvFileResult(await mediator.Send(new Query(Filter, Format == AnnexA.OfstedFormat)));

    public sealed record Query(InsightsFilter Filter, bool Ofsted = false) : IQuery<CsvDownload>;

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
        private static readonly ChildRowsExport<Row> Export = new(
            "annex-a-contacts",
            "annex-a-list-1-contacts",
            $"""
            c."Reference", c."Id"::text AS "CaseId", {ChildRowsExport<Row>.ChildId} AS "ChildId", {InsightsSql.ReceivedDate},
            c."SourceCode", c."Channel", c."ContactOutcome", {ChildRowsExport<Row>.NfaFlag} AS "NfaFlag"
            """,
            ["CaseReference", "CaseId", "ChildId", "ContactDate", "ReferralSource", "Channel", "ContactOutcome", "NfaFlag"],
            r => [r.Reference, r.CaseId, r.ChildId, r.Received, r.SourceCode, r.Channel, r.ContactOutcome, r.NfaFlag]);

        private static readonly ChildRowsExport<AnnexA.Row> Ofsted = new(
            "annex-a-contacts",
            "annex-a-list-1-ofsted",
            $"""
            {AnnexA.ChildColumns},
            NULL::text AS "NfaFlag", NULL::text AS "EarlierReferrals", NULL::text AS "Team", NULL::text AS "Worker"
            """,
            [.. AnnexA.CommonHeader, "Date of Contact", "Contact Source"],
            r => [.. r.Common, r.EventDate, r.Source]);

        public Task<CsvDownload> Handle(Query request, CancellationToken cancellationToken)
        {
            var filter = request.Filter.Resolve(clock.GetUtcNow());
            return request.Ofsted
                ? Ofsted.RunAsync(db, audit, filter, cancellationToken)
                : Export.RunAsync(db, audit, filter, cancellationToken);
        }
    }
}
