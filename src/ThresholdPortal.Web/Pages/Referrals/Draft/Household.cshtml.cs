using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>The household members and significant adults added so far, and "do you need to add another?".</summary>
public sealed class HouseholdModel(IMediator mediator) : DraftPeoplePageModel<HouseholdModel.AdultRow, HouseholdModel.Next>(mediator)
{
    public IReadOnlyList<AdultRow> Adults => People;

    protected override string AddPerson => ReferralRoutes.Adult(DraftId);

    protected override string MoveOn => ReferralRoutes.TaskList(DraftId);

    public async Task<IActionResult> OnPostRemoveAsync(Guid adultId) =>
        OutcomeOf(await Mediator.Send(new RemoveAdult(DraftId, adultId)), () => Redirect(ReferralRoutes.Household(DraftId)));

    protected override IRequest<IReadOnlyList<AdultRow>?> PeopleQuery() => new Query(DraftId);

    protected override IActionResult FirstPerson() => StayInChange(ReferralRoutes.Adult(DraftId));

    public sealed record AdultRow(Guid Id, string Name, string? Relationship, bool? LivesWithChildren);

    public sealed record Query(Guid DraftId) : IQuery<IReadOnlyList<AdultRow>?>;

    /// <summary>The answer to "add another?"; asks how many adults the draft has.</summary>
    public sealed class Next : AddAnotherAnswer;

    public sealed record RemoveAdult(Guid DraftId, Guid AdultId) : ICommand<CommandResult>;

    public sealed class Validator : AbstractValidator<Next>
    {
        public Validator() => RuleFor(n => n.AddAnother).NotNull().WithMessage("Select yes if you need to add another adult");
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<AdultRow>?>,
        IRequestHandler<Next, int?>
    {
        public async Task<IReadOnlyList<AdultRow>?> Handle(Query request, CancellationToken cancellationToken)
        {
            var draft = await db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user)
                .Select(r => new { Adults = r.Adults.OrderBy(a => a.Order).ToList() })
                .SingleOrDefaultAsync(cancellationToken);
            return draft?.Adults.Select(a => new AdultRow(a.Id, a.DisplayName, a.Relationship, a.LivesWithChildren)).ToList();
        }

        public Task<int?> Handle(Next request, CancellationToken cancellationToken) =>
            db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user).Select(r => (int?)r.Adults.Count)
                .SingleOrDefaultAsync(cancellationToken);
    }

    public sealed class RemoveHandler(PortalDbContext db, ICurrentUser user, TimeProvider clock)
        : IRequestHandler<RemoveAdult, CommandResult>
    {
        public async Task<CommandResult> Handle(RemoveAdult request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.OwnDraft(request.DraftId, user).Include(r => r.Adults)
                .SingleOrDefaultAsync(cancellationToken);
            var adult = referral?.Adults.SingleOrDefault(a => a.Id == request.AdultId);
            if (referral is null || adult is null)
            {
                return CommandResult.NotFound;
            }

            referral.Adults.Remove(adult);
            db.Remove(adult);
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
