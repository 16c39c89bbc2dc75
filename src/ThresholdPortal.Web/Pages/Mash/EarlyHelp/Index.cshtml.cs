using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Mash.EarlyHelp;

/// <summary>
/// The early help hub's list: requests for early help, which go to the hub rather than the MASH queue.
/// Newest first, paged by receipt time.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public DateTimeOffset? Before { get; set; }

    public Result View { get; private set; } = null!;

    public async Task OnGetAsync() => View = await mediator.Send(new Query(Before));

    public sealed record Query(DateTimeOffset? ReceivedBefore) : IQuery<Result>;

    public sealed record Row(Guid Id, string Reference, DateTimeOffset ReceivedAt, IReadOnlyList<string> Children, string From, string SourceCode, ThresholdLevel? Level);

    public sealed record Result(IReadOnlyList<Row> Rows, DateTimeOffset? OlderFrom);

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var requests = await db.Referrals.AsNoTracking()
                .Where(r => r.Status == ReferralStatus.Submitted && r.Kind == ReferralKind.EarlyHelpRequest)
                .Where(r => request.ReceivedBefore == null || r.SubmittedAt < request.ReceivedBefore)
                .OrderByDescending(r => r.SubmittedAt)
                .Take(PageSize + 1)
                .Select(r => new
                {
                    r.Id, r.Reference, r.SubmittedAt, r.ReferralSourceCode, r.ChosenLevel,
                    From = db.Organisations.Where(o => o.Id == r.ReferringOrganisationId).Select(o => o.Name).FirstOrDefault(),
                    Children = r.Children.OrderBy(c => c.Order).Select(c => new { c.GivenName, c.FamilyName, c.DateOfBirth, c.IsUnborn }).ToList(),
                })
                .ToListAsync(cancellationToken);
            var today = MashDisplay.Today(clock.GetUtcNow());
            var page = requests.Take(PageSize).ToList();
            return new Result(
                [.. page.Select(r => new Row(r.Id, r.Reference!, r.SubmittedAt!.Value,
                    [.. r.Children.Select(c => QueueChild.Describe(c.GivenName, c.FamilyName, c.DateOfBirth, c.IsUnborn, today))],
                    r.From ?? "Unknown", r.ReferralSourceCode, r.ChosenLevel))],
                requests.Count > PageSize ? page[^1].SubmittedAt : null);
        }
    }
}
