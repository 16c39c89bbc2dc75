using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Organisations;

/// <summary>Every organisation whose staff use the portal, active ones first.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<Row> Organisations { get; private set; } = [];

    public async Task OnGetAsync() => Organisations = await mediator.Send(new Query());

    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string Name, OrganisationKind Kind, IReadOnlyList<string> EmailDomains, bool SharedReferralVisibility,
        bool IsActive, int Users);

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.Organisations.AsNoTracking()
                .OrderByDescending(o => o.IsActive).ThenBy(o => o.Name)
                .Select(o =>
                    new Row(o.Id, o.Name, o.Kind, o.EmailDomains, o.SharedReferralVisibility, o.IsActive,
                    db.Users.Count(u => u.OrganisationId == o.Id)))
                .ToListAsync(cancellationToken);
    }
}
