using MediatR;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>The organisations a user can be put in, for the invite and change pages' select.</summary>
public sealed record ActiveOrganisationsQuery : IQuery<IReadOnlyList<SelectListItem>>
{
    public sealed class Handler(PortalDbContext db) : IRequestHandler<ActiveOrganisationsQuery, IReadOnlyList<SelectListItem>>
    {
        public async Task<IReadOnlyList<SelectListItem>> Handle(ActiveOrganisationsQuery request, CancellationToken cancellationToken) =>
            await db.Organisations.AsNoTracking()
                .Where(o => o.IsActive)
                .OrderBy(o => o.Name)
                .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
                .ToListAsync(cancellationToken);
    }
}
