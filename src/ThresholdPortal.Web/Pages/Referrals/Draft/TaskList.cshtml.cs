using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>The draft's task list: where a referrer resumes, with each section's status.</summary>
public sealed class TaskListModel(IMediator mediator) : DraftPageModel
{
    public Result View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var view = await mediator.Send(new Query(DraftId));
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public sealed record Query(Guid DraftId) : IQuery<Result?>;

    public sealed record Result(ReferralProgress Progress, IReadOnlyDictionary<Guid, string> ChildNames, ReferralKind Kind,
        DateTimeOffset SavedAt);

    public sealed class Handler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user)
                .Include(r => r.Children).Include(r => r.Adults).Include(r => r.Attachments)
                .AsSplitQuery()
                .SingleOrDefaultAsync(cancellationToken);
            return referral is null
                ? null
                : new Result(ReferralProgress.Of(referral), referral.Children.ToDictionary(c => c.Id, c => c.DisplayName), referral.Kind,
                    referral.UpdatedAt);
        }
    }
}
