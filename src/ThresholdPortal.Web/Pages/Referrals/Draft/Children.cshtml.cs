using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>The children the referral is about so far, and "do you need to add another child?".</summary>
public sealed class ChildrenModel(IMediator mediator) : DraftPageModel, IReloadOnInvalid
{
    [BindProperty]
    public Next Data { get; set; } = new();

    public IReadOnlyList<ChildRow> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(HttpContext.RequestAborted))
        {
            return NotFound();
        }

        return Children.Count == 0 ? Redirect(ReferralRoutes.AddChild(DraftId)) : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Data.DraftId = DraftId;
        var count = await mediator.Send(Data);
        return count switch
        {
            null => NotFound(),
            0 => Redirect(ReferralRoutes.AddChild(DraftId)),
            _ when Data.AddAnother == true => StayInChange(ReferralRoutes.AddChild(DraftId)),
            _ => SavedThenGoTo(ReferralRoutes.Level(DraftId)),
        };
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid childId) =>
        await mediator.Send(new RemoveChild(DraftId, childId)) ? Redirect(ReferralRoutes.Children(DraftId)) : NotFound();

    public async Task ReloadAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var children = await mediator.Send(new Query(DraftId), cancellationToken);
        Children = children ?? [];
        return children is not null;
    }

    public sealed record ChildRow(Guid Id, string Name, int IndicatorCount);

    public sealed record Query(Guid DraftId) : IQuery<IReadOnlyList<ChildRow>?>;

    /// <summary>The answer to "add another?"; returns how many children the draft has.</summary>
    public sealed class Next : IQuery<int?>
    {
        public Guid DraftId { get; set; }
        public bool? AddAnother { get; set; }
    }

    public sealed record RemoveChild(Guid DraftId, Guid ChildId) : ICommand<bool>;

    public sealed class Validator : AbstractValidator<Next>
    {
        public Validator() => RuleFor(n => n.AddAnother).NotNull().WithMessage("Select yes if you need to add another child");
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<ChildRow>?>,
        IRequestHandler<Next, int?>
    {
        public async Task<IReadOnlyList<ChildRow>?> Handle(Query request, CancellationToken cancellationToken)
        {
            var draft = await db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user)
                .Select(r => new { Children = r.Children.OrderBy(c => c.Order).ToList() })
                .SingleOrDefaultAsync(cancellationToken);
            return draft?.Children.Select(c => new ChildRow(c.Id, c.DisplayName, c.IndicatorCodes.Count)).ToList();
        }

        public Task<int?> Handle(Next request, CancellationToken cancellationToken) =>
            db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user).Select(r => (int?)r.Children.Count)
                .SingleOrDefaultAsync(cancellationToken);
    }

    public sealed class RemoveHandler(PortalDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RemoveChild, bool>
    {
        public async Task<bool> Handle(RemoveChild request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.OwnDraft(request.DraftId, user).Include(r => r.Children)
                .SingleOrDefaultAsync(cancellationToken);
            var child = referral?.Children.SingleOrDefault(c => c.Id == request.ChildId);
            if (referral is null || child is null)
            {
                return false;
            }

            referral.Children.Remove(child);
            db.Remove(child);
            referral.RefreshSuggestion(await db.DocumentOfAsync(referral, cancellationToken));
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
