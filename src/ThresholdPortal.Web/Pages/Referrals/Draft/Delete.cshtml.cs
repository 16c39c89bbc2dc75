using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>
/// A referrer deletes their own draft, after a confirmation page: the children's and adults' details, the concerns and
/// the attachments go with it. A draft is nobody's record yet, so nothing of it is kept; the audit trail records that a
/// draft was deleted and by whom, never what it said (issue 19).
/// </summary>
public sealed class DeleteModel(IMediator mediator) : DraftPageModel
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

    public async Task<IActionResult> OnPostAsync() => OutcomeOf(await mediator.Send(new Command(DraftId)), () =>
    {
        TempData.SetNotice("Your draft referral has been deleted");
        return Redirect(ReferralRoutes.Index);
    });

    public sealed record Query(Guid DraftId) : IQuery<Result?>;

    public sealed record Result(IReadOnlyList<string> Children, DateTimeOffset StartedAt, DateTimeOffset SavedAt);

    public sealed record Command(Guid DraftId) : ICommand<CommandResult>;

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var draft = await db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user)
                .Select(r => new { Children = r.Children.OrderBy(c => c.Order).ToList(), r.CreatedAt, r.UpdatedAt })
                .SingleOrDefaultAsync(cancellationToken);
            return draft is null ? null : new Result([.. draft.Children.Select(c => c.DisplayName)], draft.CreatedAt, draft.UpdatedAt);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, IAuditTrail audit) : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            // Someone else's draft, a sent referral, or one deleted already: not found, as for any draft page.
            var draft = await db.Referrals.OwnDraft(request.DraftId, user)
                .Include(r => r.Children).Include(r => r.Adults).Include(r => r.Attachments)
                .AsSplitQuery()
                .SingleOrDefaultAsync(cancellationToken);
            if (draft is null)
            {
                return CommandResult.NotFound;
            }

            db.Referrals.Remove(draft);
            audit.Record(CaseEvents.ReferralDraftDeleted, CaseEvents.ReferralSubjectType, draft.Id.ToString(),
                $"{draft.Children.Count} child(ren), {draft.Adults.Count} adult(s), {draft.Attachments.Count} attachment(s)");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
