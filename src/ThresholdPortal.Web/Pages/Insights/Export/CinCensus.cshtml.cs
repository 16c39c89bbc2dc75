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
/// A Children in Need census-style extract: referrals received in the period with an approved decision,
/// one row per child the referral names, with the source code, that child's own NFA flag, the primary need code (N0-N9) and
/// the factor codes identified (separated by semicolons). Ids and codes only, never names.
/// </summary>
public sealed class CinCensusModel(IMediator mediator) : PageModel
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
        public string ReferralId { get; init; } = string.Empty;
        public string? ChildId { get; init; }
        public string Received { get; init; } = string.Empty;
        public string SourceCode { get; init; } = string.Empty;
        public string? NfaFlag { get; init; }
        public string PrimaryNeed { get; init; } = string.Empty;
        public string? Factors { get; init; }
        public string? PersonBirthDate { get; init; }
        public string? ExpectedPersonBirthDate { get; init; }
        public string? Sex { get; init; }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<Query, CsvDownload>
    {
        // The census codes an unborn child by the expected date alone, never a date of birth, and always as sex U (rule 8750);
        // a child not matched to a person is described as the referral gives them.
        private const string BirthColumns = """
            CASE WHEN rc."IsUnborn" THEN NULL ELSE to_char(rc."DateOfBirth", 'YYYY-MM-DD') END AS "PersonBirthDate",
            CASE WHEN rc."IsUnborn" THEN to_char(rc."ExpectedDate", 'YYYY-MM-DD') END AS "ExpectedPersonBirthDate",
            CASE WHEN rc."IsUnborn" THEN 'U' ELSE rc."Sex" END AS "Sex"
            """;

        // PrimaryNeed is stored by enum name ("N1AbuseOrNeglect"): its first two characters are the census code.
        private static readonly ChildRowsExport<Row> Export = new(
            "cin-census",
            "cin-census-referrals",
            $"""
            c."ReferralId"::text AS "ReferralId", {ChildRowsExport<Row>.ChildId} AS "ChildId", {InsightsSql.ReceivedDate},
            c."SourceCode", {ChildRowsExport<Row>.NfaFlag} AS "NfaFlag",
            left(d."PrimaryNeed", 2) AS "PrimaryNeed", array_to_string(d."Factors", ';') AS "Factors",
            {BirthColumns}
            """,
            ["ReferralId", "ChildId", "ReferralDate", "ReferralSource", "NfaFlag", "PrimaryNeedCode", "Factors", "PersonBirthDate",
                "ExpectedPersonBirthDate", "Sex"],
            r => [r.ReferralId, r.ChildId, r.Received, r.SourceCode, r.NfaFlag, r.PrimaryNeed, r.Factors, r.PersonBirthDate,
                r.ExpectedPersonBirthDate, r.Sex])
        {
            Joins = "JOIN \"CaseDecisions\" d ON d.\"Id\" = c.\"DecisionId\"",
        };

        public Task<CsvDownload> Handle(Query request, CancellationToken cancellationToken) =>
            Export.RunAsync(db, audit, request.Filter.Resolve(clock.GetUtcNow()), cancellationToken);
    }
}
