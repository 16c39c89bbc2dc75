using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Referrals;

/// <summary>A read-only view of a sent referral, for its referrer (and colleagues where the organisation shares referrals).</summary>
public sealed class SentModel(IMediator mediator) : PageModel
{
    public ReferralSummary View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string reference)
    {
        var view = await mediator.Send(new Query(reference));
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public sealed record Query(string Reference) : IQuery<ReferralSummary?>;

    public sealed class Handler(PortalDbContext db, ICurrentUser user, IAuditTrail audit) : IRequestHandler<Query, ReferralSummary?>
    {
        public async Task<ReferralSummary?> Handle(Query request, CancellationToken cancellationToken)
        {
            var summary = await ReferralSummary.LoadAsync(db, db.Referrals.SentVisibleTo(db, user).Where(r => r.Reference == request.Reference),
                editable: false, cancellationToken);
            if (summary is not null)
            {
                await audit.RecordNowAsync("referral.viewed", "Referral", summary.Referral.Id.ToString(), "Referrer's read-only view", cancellationToken);
            }

            return summary;
        }
    }
}
