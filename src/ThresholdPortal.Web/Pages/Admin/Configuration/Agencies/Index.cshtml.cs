using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.Agencies;

/// <summary>The agency checklist every case is checked against before a decision (docs/decisions/0043).</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<Row> Agencies { get; private set; } = [];

    public async Task OnGetAsync() => Agencies = await mediator.Send(new Query());

    public sealed record Row(Guid Id, string Name, int Order, bool IsActive, List<OrganisationKind> RecipientKinds, int Questions);

    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.PartnerAgencies.AsNoTracking().OrderByDescending(a => a.IsActive).ThenBy(a => a.Order).ThenBy(a => a.Name)
                .Select(a => new Row(a.Id, a.Name, a.Order, a.IsActive, a.RecipientKinds, a.StandardQuestions.Count))
                    .ToListAsync(cancellationToken);
    }
}
