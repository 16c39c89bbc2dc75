using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public Summary Counts { get; private set; } = null!;

    public async Task OnGetAsync() => Counts = await mediator.Send(new Query());

    public sealed record Summary(int ActiveUsers, int AwaitingApproval, int Organisations);

    public sealed record Query : IQuery<Summary>;

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Query, Summary>
    {
        public async Task<Summary> Handle(Query request, CancellationToken cancellationToken) => new(
            await db.Users.WithStatus(UserStatus.Active).CountAsync(cancellationToken),
            await db.Users.WithStatus(UserStatus.AwaitingApproval).CountAsync(cancellationToken),
            await db.Organisations.CountAsync(cancellationToken));
    }
}
