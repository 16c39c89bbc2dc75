using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Audits;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Insights.Audits;

/// <summary>The case audits, newest first, each with how far its judging has got.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<Row> Audits { get; private set; } = [];

    public async Task OnGetAsync() => Audits = await mediator.Send(new Query(), HttpContext.RequestAborted);

    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string Title, DateOnly From, DateOnly To, CaseAuditStatus Status, int Cases, int Judged,
        string CreatedBy, DateTimeOffset CreatedAt);

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.CaseAudits.AsNoTracking()
                .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
                .Take(Shown)
                .Select(a => new Row(
                    a.Id, a.Title, a.PeriodFrom, a.PeriodTo, a.Status, a.Cases.Count, a.Cases.Count(c => c.JudgedAt != null),
                    db.Users.Where(u => u.Id == a.CreatedByUserId).Select(u => u.FullName).First(),
                    a.CreatedAt))
                .ToListAsync(cancellationToken);
    }
}
