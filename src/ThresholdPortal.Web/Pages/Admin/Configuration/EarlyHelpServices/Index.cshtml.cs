using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.EarlyHelpServices;

/// <summary>The early help directory: the services offered to referrers whose concerns sit at level 1 or 2.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<Row> Services { get; private set; } = [];

    public async Task OnGetAsync() => Services = await mediator.Send(new Query());

    public sealed record Row(Guid Id, string Name, string Ages, string Area, bool IsActive);

    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken) =>
            (await db.EarlyHelpServices.AsNoTracking().OrderByDescending(s => s.IsActive).ThenBy(s => s.Name)
                .ToListAsync(cancellationToken))
            .Select(s => new Row(s.Id, s.Name, s.AgeRange, s.Area, s.IsActive)).ToList();
    }
}
