using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Features.Insights;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Insights.Export;

/// <summary>The insights page's measures for the period, one row per measure, as CSV.</summary>
public sealed class MeasuresModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public InsightsFilter Filter { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => new CsvFileResult(await mediator.Send(new Query(Filter)));

    public sealed record Query(InsightsFilter Filter) : IQuery<CsvDownload>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Filter).SetValidator(new InsightsFilter.Validator());
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<Query, CsvDownload>
    {
        public async Task<CsvDownload> Handle(Query request, CancellationToken cancellationToken)
        {
            var filter = request.Filter.Resolve(clock.GetUtcNow());
            await audit.RecordNowAsync(InsightsEvents.Exported, InsightsEvents.SubjectType, "measures", ExportRows.Describe(filter),
                cancellationToken);
            var measures = await InsightsQueries.MeasuresAsync(db, filter, cancellationToken);
            var first = ExportRows.Date(filter.First);
            var last = ExportRows.Date(filter.Last);
            var rows = measures.Select(m => (IReadOnlyList<string?>)
            [
                first, last, m.Measure.Key, m.Measure.Title,
                m.Ratio.Numerator.ToString(CultureInfo.InvariantCulture), m.Ratio.Denominator.ToString(CultureInfo.InvariantCulture),
                m.Ratio.Denominator == 0 ? null
                    : (100m * m.Ratio.Numerator / m.Ratio.Denominator).ToString("0.0", CultureInfo.InvariantCulture),
                m.Measure.Noun,
            ]);
            return new CsvDownload(
                $"insights-measures-{first}-to-{last}.csv",
                ["PeriodFirstDay", "PeriodLastDay", "Measure", "Title", "Numerator", "Denominator", "Percent", "CountedOutOf"],
                ExportRows.Async(rows));
        }
    }
}
