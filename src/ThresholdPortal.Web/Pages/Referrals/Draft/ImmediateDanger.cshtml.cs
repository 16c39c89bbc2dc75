using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>Shown when a child is in immediate danger: call 999 before anything else, then carry on.</summary>
public sealed class ImmediateDangerModel(IMediator mediator) : DraftPageModel
{
    public string ContinueTo { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        var hasChildren = await mediator.Send(new Query(DraftId));
        if (hasChildren is null)
        {
            return NotFound();
        }

        ContinueTo = hasChildren.Value ? ReferralRoutes.Children(DraftId) : ReferralRoutes.AddChild(DraftId);
        return Page();
    }

    /// <summary>Whether the draft has children yet; null when it is not the user's draft.</summary>
    public sealed record Query(Guid DraftId) : IQuery<bool?>;

    public sealed class Handler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, bool?>
    {
        public Task<bool?> Handle(Query request, CancellationToken cancellationToken) =>
            db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user)
                .Select(r => (bool?)r.Children.Any())
                .SingleOrDefaultAsync(cancellationToken);
    }
}
