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
        public string? NfaFlag { get; init; }
        public string? EarlierReferrals { get; init; }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<Query, CsvDownload>
    {
        /// <summary>The matched child's referrals in the 12 months before this one; blank for a child not matched.</summary>
        private const string EarlierReferrals = """
            CASE WHEN l."PersonId" IS NULL THEN NULL ELSE (
                SELECT count(*) FROM "PersonLinks" e JOIN "MashCases" ec ON ec."Id" = e."CaseId"
                WHERE e."PersonId" = l."PersonId" AND e."Role" = 'Child' AND e."CaseId" <> c."Id"
                  AND ec."ContactOutcome" = 'ProgressToMashChecks'
                  AND ec."ReceivedAt" < c."ReceivedAt" AND ec."ReceivedAt" >= c."ReceivedAt" - interval '12 months')::text
            END
            """;

        private static readonly ChildRowsExport<Row> Export = new(
            "annex-a-referrals",
            "annex-a-list-3-referrals",
            $"""
            c."Reference", c."Id"::text AS "CaseId", {ChildRowsExport<Row>.ChildId} AS "ChildId", {InsightsSql.ReceivedDate},
            c."SourceCode", {ChildRowsExport<Row>.NfaFlag} AS "NfaFlag", {EarlierReferrals} AS "EarlierReferrals"
            """,
            ["CaseReference", "CaseId", "ChildId", "ReferralDate", "ReferralSource", "NfaFlag", "ReferralsInPrevious12Months"],
            r => [r.Reference, r.CaseId, r.ChildId, r.Received, r.SourceCode, r.NfaFlag, r.EarlierReferrals])
        {
            Condition = " AND c.\"ContactOutcome\" = 'ProgressToMashChecks'",
        };

        // The team the decision handed the child to; the worker there is allocated in the council's case system, not here.
        private static readonly ChildRowsExport<AnnexA.Row> Ofsted = new(
            "annex-a-referrals",
            "annex-a-list-3-ofsted",
            $"""
            {AnnexA.ChildColumns}, {ChildRowsExport<Row>.NfaFlag} AS "NfaFlag", {EarlierReferrals} AS "EarlierReferrals",
            d."HandoverTo" AS "Team", NULL::text AS "Worker"
            """,
            [.. AnnexA.CommonHeader, "Date of Referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months",
                "Allocated Team", "Allocated Worker"],
            r => [.. r.Common, r.EventDate, r.Source, AnnexA.NfaLabel(r.NfaFlag), r.EarlierReferrals, r.Team, r.Worker])
        {
            Joins = "LEFT JOIN \"CaseDecisions\" d ON d.\"Id\" = c.\"DecisionId\"",
            Condition = " AND c.\"ContactOutcome\" = 'ProgressToMashChecks'",
        };

        public Task<CsvDownload> Handle(Query request, CancellationToken cancellationToken)
        {
            var filter = request.Filter.Resolve(clock.GetUtcNow());
            return request.Ofsted
                ? Ofsted.RunAsync(db, audit, filter, cancellationToken)
                : Export.RunAsync(db, audit, filter, cancellationToken);
        }
    }
}
