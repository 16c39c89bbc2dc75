using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Referrals;

/// <summary>The GOV.UK confirmation panel with the reference, and what happens next.</summary>
public sealed class ConfirmationModel(IMediator mediator) : PageModel
{
    public Result View { get; private set; } = null!;

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

    public sealed record Query(string Reference) : IQuery<Result?>;

    public sealed record Result(string Reference, ReferralKind Kind, DateTimeOffset ReceivedAt, string? Email);

    public sealed class Handler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Result?>
    {
        public Task<Result?> Handle(Query request, CancellationToken cancellationToken) =>
            db.Referrals.AsNoTracking().SentVisibleTo(db, user)
                .Where(r => r.Reference == request.Reference)
                .Select(r => new Result(r.Reference!, r.Kind, r.SubmittedAt!.Value, r.Referrer.Email))
                .SingleOrDefaultAsync(cancellationToken);
    }
}
