using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.ThresholdDocuments;

/// <summary>
/// The guidance a referrer would get from this version for a sample set of indicators: the same
/// <see cref="ThresholdGuidance"/> the referral journey uses, so a draft can be tried before it is published.
/// </summary>
public sealed class PreviewModel(IMediator mediator) : PageModel
{
    public const string SampleChild = "The sample child";

    [FromRoute]
    public Guid Id { get; set; }

    [FromQuery(Name = "indicator")]
    public List<string> Selected { get; set; } = [];

    public Result View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await mediator.Send(new Query(Id, Selected));
        if (result is null)
        {
            return NotFound();
        }

        View = result;
        return Page();
    }

    /// <summary>The version, and the suggestion when any indicator was chosen.</summary>
    public sealed record Result(ThresholdDocument Document, ThresholdSuggestion? Suggestion);

    public sealed record Query(Guid DocumentId, IReadOnlyList<string> IndicatorCodes) : IQuery<Result?>;

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var document = await db.ThresholdDocuments.AsNoTracking().AsSplitQuery()
                .SingleOrDefaultAsync(d => d.Id == request.DocumentId, cancellationToken);
            if (document is null)
            {
                return null;
            }

            var codes = request.IndicatorCodes.Where(c => document.FindIndicator(c) is not null).Distinct().ToList();
            var suggestion = codes.Count == 0 ? null : ThresholdGuidance.Suggest(document,
                [new ChildIndicators(Guid.Empty, SampleChild, codes)], new ScreeningAnswers(false));
            return new Result(document, suggestion);
        }
    }
}
