using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>The children the referral is about so far, and "do you need to add another child?".</summary>
public sealed class ChildrenModel(IMediator mediator) : DraftPeoplePageModel<ChildrenModel.ChildRow, ChildrenModel.Next>(mediator)
{
    public IReadOnlyList<ChildRow> Children => People;

    protected override string AddPerson => ReferralRoutes.AddChild(DraftId);

    protected override string MoveOn => ReferralRoutes.Categories(DraftId);

    public async Task<IActionResult> OnPostRemoveAsync(Guid childId) =>
        OutcomeOf(await Mediator.Send(new RemoveChild(DraftId, childId)), () => Redirect(ReferralRoutes.Children(DraftId)));

    protected override IRequest<IReadOnlyList<ChildRow>?> PeopleQuery() => new Query(DraftId);

    protected override IActionResult FirstPerson() => Redirect(ReferralRoutes.AddChild(DraftId));

    public sealed record ChildRow(Guid Id, string Name, int IndicatorCount);

    public sealed record Query(Guid DraftId) : IQuery<IReadOnlyList<ChildRow>?>;

    /// <summary>The answer to "add another?"; asks how many children the draft has.</summary>
    public sealed class Next : AddAnotherAnswer;

    public sealed record RemoveChild(Guid DraftId, Guid ChildId) : ICommand<CommandResult>;

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

    public sealed class RemoveHandler(PortalDbContext db, ICurrentUser user, TimeProvider clock)
        : IRequestHandler<RemoveChild, CommandResult>
    {
        public async Task<CommandResult> Handle(RemoveChild request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.OwnDraft(request.DraftId, user).Include(r => r.Children)
                .SingleOrDefaultAsync(cancellationToken);
            var child = referral?.Children.SingleOrDefault(c => c.Id == request.ChildId);
            if (referral is null || child is null)
            {
                return CommandResult.NotFound;
            }

            referral.Children.Remove(child);
            db.Remove(child);
            referral.RefreshSuggestion(await db.DocumentOfAsync(referral, cancellationToken));
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
