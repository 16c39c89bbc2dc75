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
/// Ofsted Annex A list 3 (referrals): cases received in the period that screening progressed to MASH
/// checks, one row per child the referral names, with the source code, that child's own NFA flag and how many earlier
/// referrals the same child had in the 12 months before (blank when the child is not matched to a known person).
/// </summary>
public sealed class AnnexAReferralsModel(IMediator mediator) : PageModel
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
        public string? NfaFlag { get; init; }
        public string? EarlierReferrals { get; init; }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<Query, CsvDownload>
    {
        private static readonly ChildRowsExport<Row> Export = new(
            "annex-a-referrals",
            "annex-a-list-3-referrals",
            $"""
            c."Reference", c."Id"::text AS "CaseId", {ChildRowsExport<Row>.ChildId} AS "ChildId", {InsightsSql.ReceivedDate},
            c."SourceCode", {ChildRowsExport<Row>.NfaFlag} AS "NfaFlag",
            CASE WHEN l."PersonId" IS NULL THEN NULL ELSE (
                SELECT count(*) FROM "PersonLinks" e JOIN "MashCases" ec ON ec."Id" = e."CaseId"
                WHERE e."PersonId" = l."PersonId" AND e."Role" = 'Child' AND e."CaseId" <> c."Id"
                  AND ec."ContactOutcome" = 'ProgressToMashChecks'
                  AND ec."ReceivedAt" < c."ReceivedAt" AND ec."ReceivedAt" >= c."ReceivedAt" - interval '12 months')::text
            END AS "EarlierReferrals"
            """,
            ["CaseReference", "CaseId", "ChildId", "ReferralDate", "ReferralSource", "NfaFlag", "ReferralsInPrevious12Months"],
            r => [r.Reference, r.CaseId, r.ChildId, r.Received, r.SourceCode, r.NfaFlag, r.EarlierReferrals])
        {
            Condition = " AND c.\"ContactOutcome\" = 'ProgressToMashChecks'",
        };

        public Task<CsvDownload> Handle(Query request, CancellationToken cancellationToken) =>
            Export.RunAsync(db, audit, request.Filter.Resolve(clock.GetUtcNow()), cancellationToken);
    }
}
