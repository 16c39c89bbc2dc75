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
/// Ofsted Annex A list 2 (early help, docs/decisions/0126): one row per child of the early help hub's work whose Early Help
/// Assessment started in the period, and of every family the hub is working with now, in Ofsted's columns: the child's id,
/// gender, ethnicity, date of birth and age (on the assessment's start, or the day the hub received the family), then the
/// assessment's start and completion and the lead professional completing it. A stepped-down family's children are those
/// the decision stepped down. Ids, codes and dates only, never names.
/// </summary>
public sealed class AnnexAEarlyHelpModel(IMediator mediator) : PageModel
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
        public string? ChildId { get; init; }
        public string Gender { get; init; } = string.Empty;
        public string? Ethnicity { get; init; }
        public string? BirthDate { get; init; }
        public string? Age { get; init; }
        public string? Started { get; init; }
        public string? Completed { get; init; }
        public string? Organisation { get; init; }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<Query, CsvDownload>
    {
        private const string Subject = "annex-a-early-help";

        public async Task<CsvDownload> Handle(Query request, CancellationToken cancellationToken)
        {
            var filter = request.Filter.Resolve(clock.GetUtcNow());
            await audit.RecordNowAsync(InsightsEvents.Exported, InsightsEvents.SubjectType, Subject, ExportRows.Describe(filter),
                cancellationToken);
            var rows = InsightsSql.Run<Row>(db, $"""
                SELECT {AnnexA.Child("COALESCE(w.\"AssessmentStartedOn\", (w.\"ReceivedAt\" AT TIME ZONE @zone)::date)")},
                       to_char(w."AssessmentStartedOn", 'DD/MM/YYYY') AS "Started",
                       to_char(w."AssessmentCompletedOn", 'DD/MM/YYYY') AS "Completed", lp."Name" AS "Organisation"
                FROM "EarlyHelpCases" w
                JOIN "ReferralChildren" rc ON rc."ReferralId" = w."ReferralId"
                LEFT JOIN "PersonLinks" l ON l."SubjectId" = rc."Id" AND l."Role" = 'Child'
                LEFT JOIN "LeadProfessionals" lp ON lp."Id" = w."LeadProfessionalId"
                LEFT JOIN "EarlyHelpStepDowns" s ON s."Id" = w."StepDownId"
                WHERE s."WithdrawnAt" IS NULL
                  AND ((w."AssessmentStartedOn" >= (@start AT TIME ZONE @zone)::date
                        AND w."AssessmentStartedOn" < (@end AT TIME ZONE @zone)::date)
                       OR w."Status" NOT IN ('Closed', 'SteppedUp'))
                  AND NOT EXISTS (SELECT 1 FROM "ChildOutcomes" co WHERE co."DecisionId" = s."DecisionId"
                                  AND co."ReferralChildId" = rc."Id" AND co."Outcome" <> 'StepDownToEarlyHelp')
                ORDER BY w."ReceivedAt", w."Id", rc."Order"
                """, [new("start", filter.Start.UtcDateTime), new("end", filter.End.UtcDateTime), InsightsSql.Zone()])
                .AsAsyncEnumerable();
            return new CsvDownload(
                $"annex-a-list-2-early-help-{ExportRows.Date(filter.First)}-to-{ExportRows.Date(filter.Last)}.csv",
                [.. AnnexA.CommonHeader, "Assessment start date", "Assessment completion date", "Organisation completing assessment"],
                ExportRows.Map(rows, r => [r.ChildId, r.Gender, r.Ethnicity, r.BirthDate, r.Age, r.Started, r.Completed, r.Organisation],
                    cancellationToken));
        }
    }
}
