using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.LeadProfessionals;

/// <summary>The directory of lead professionals and teams the early help hub allocates families to.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<Row> Leads { get; private set; } = [];

    public async Task OnGetAsync() => Leads = await mediator.Send(new Query());

    public sealed record Row(Guid Id, string Name, LeadProfessionalKind Kind, string Contact, bool IsActive);

    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.LeadProfessionals.AsNoTracking().OrderByDescending(p => p.IsActive).ThenBy(p => p.Name)
                .Select(p => new Row(p.Id, p.Name, p.Kind, p.Contact, p.IsActive)).ToListAsync(cancellationToken);
    }
}
