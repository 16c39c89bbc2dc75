using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.ThresholdDocuments;

/// <summary>
/// How referrers answered the indicators one version's lexicon suggested from their words (docs/decisions/0121): per
/// indicator, how often it was ticked or turned down, lowest acceptance first, so the phrases that mislead are found and
/// changed in the next version. Counts only: no referral or referrer is named.
/// </summary>
public sealed class SuggestionsModel(IMediator mediator) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public Result View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var view = await mediator.Send(new Query(Id));
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    /// <summary>One indicator's answers. <see cref="AcceptanceRate"/> is null until anyone has answered it.</summary>
    public sealed record Row(ThresholdIndicator Indicator, string LevelTitle, int Phrases, int Accepted, int Rejected)
    {
        public int Answered => Accepted + Rejected;

        public double? AcceptanceRate => Answered == 0 ? null : (double)Accepted / Answered;
    }

    public sealed record Result(Guid DocumentId, string Name, int Version, IReadOnlyList<Row> Rows)
    {
        public int Answered => Rows.Sum(r => r.Answered);

        public int Accepted => Rows.Sum(r => r.Accepted);
    }

    public sealed record Query(Guid DocumentId) : IQuery<Result?>;

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var document = await db.ThresholdDocuments.AsNoTracking().AsSplitQuery()
                .SingleOrDefaultAsync(d => d.Id == request.DocumentId, cancellationToken);
            if (document is null)
            {
                return null;
            }

            var counts = await db.IndicatorSuggestionResponses.AsNoTracking().Where(r => r.ThresholdDocumentId == document.Id)
                .GroupBy(r => r.IndicatorCode)
                .Select(g => new { Code = g.Key, Accepted = g.Count(r => r.Accepted), Rejected = g.Count(r => !r.Accepted) })
                .ToDictionaryAsync(c => c.Code, cancellationToken);
            var rows = document.Indicators
                .Where(i => i.Phrases.Count > 0 || counts.ContainsKey(i.Code))
                .Select(i => counts.TryGetValue(i.Code, out var c)
                    ? new Row(i, document.TitleOf(i.Level), i.Phrases.Count, c.Accepted, c.Rejected)
                    : new Row(i, document.TitleOf(i.Level), i.Phrases.Count, 0, 0))
                .OrderBy(r => r.AcceptanceRate ?? double.MaxValue).ThenByDescending(r => r.Answered).ThenBy(r => r.Indicator.Order)
                .ToList();
            return new Result(document.Id, document.Name, document.Version, rows);
        }
    }
}
