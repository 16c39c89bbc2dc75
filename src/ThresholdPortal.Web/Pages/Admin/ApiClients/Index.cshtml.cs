using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.ApiClients;

/// <summary>The partner systems registered to use the API (issue 21, docs/api.md).</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<Row> Clients { get; private set; } = [];

    public async Task OnGetAsync() => Clients = await mediator.Send(new Query(), HttpContext.RequestAborted);

    public sealed record Row(Guid Id, string Name, string Organisation, List<string> Scopes, bool IsActive, int WorkingSecrets);

    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            return await db.ApiClients.AsNoTracking().OrderBy(c => c.DisabledAt != null).ThenBy(c => c.Name)
                .Select(c => new Row(c.Id, c.Name, c.Organisation.Name, c.Scopes, c.DisabledAt == null,
                    c.Secrets.Count(s => s.RevokedAt == null && s.ExpiresAt > now)))
                .ToListAsync(cancellationToken);
        }
    }
}
