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

/// <summary>The household members and significant adults added so far, and "do you need to add another?".</summary>
public sealed class HouseholdModel(IMediator mediator) : DraftPageModel, IReloadOnInvalid
{
    [BindProperty]
    public Next Data { get; set; } = new();

    public IReadOnlyList<AdultRow> Adults { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(HttpContext.RequestAborted))
        {
            return NotFound();
        }

        return Adults.Count == 0 ? StayInChange(ReferralRoutes.Adult(DraftId)) : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Data.DraftId = DraftId;
        var count = await mediator.Send(Data);
        return count switch
        {
            null => NotFound(),
            0 => Redirect(ReferralRoutes.Adult(DraftId)),
            _ when Data.AddAnother == true => StayInChange(ReferralRoutes.Adult(DraftId)),
            _ => SavedThenGoTo(ReferralRoutes.TaskList(DraftId)),
        };
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid adultId) =>
        await mediator.Send(new RemoveAdult(DraftId, adultId)) ? Redirect(ReferralRoutes.Household(DraftId)) : NotFound();

    public async Task ReloadAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var adults = await mediator.Send(new Query(DraftId), cancellationToken);
        Adults = adults ?? [];
        return adults is not null;
    }

    public sealed record AdultRow(Guid Id, string Name, string? Relationship, bool? LivesWithChildren);

    public sealed record Query(Guid DraftId) : IQuery<IReadOnlyList<AdultRow>?>;

    /// <summary>The answer to "add another?"; returns how many adults the draft has.</summary>
    public sealed class Next : IQuery<int?>
    {
        public Guid DraftId { get; set; }
        public bool? AddAnother { get; set; }
    }

    public sealed record RemoveAdult(Guid DraftId, Guid AdultId) : ICommand<bool>;

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

    public sealed class RemoveHandler(PortalDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RemoveAdult, bool>
    {
        public async Task<bool> Handle(RemoveAdult request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.OwnDraft(request.DraftId, user).Include(r => r.Adults)
                .SingleOrDefaultAsync(cancellationToken);
            var adult = referral?.Adults.SingleOrDefault(a => a.Id == request.AdultId);
            if (referral is null || adult is null)
            {
                return false;
            }

            referral.Adults.Remove(adult);
            db.Remove(adult);
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
