using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>The guidance's suggested level with its reasons and the local description; the referrer chooses.</summary>
public sealed class LevelModel(IMediator mediator) : DraftPageModel, IReloadOnInvalid
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public Result View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(HttpContext.RequestAborted))
        {
            return NotFound();
        }

        if (View.Suggestion.Children.Count == 0)
        {
            return Redirect(ReferralRoutes.AddChild(DraftId));
        }

        Data = new Command { ChosenLevel = View.ChosenLevel ?? View.Suggestion.Level };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Data.DraftId = DraftId;
        return OutcomeOf(await mediator.Send(Data), earlyHelpOffered => earlyHelpOffered
            ? StayInChange(ReferralRoutes.EarlyHelp(DraftId))
            : SavedThenGoTo(ReferralRoutes.TaskList(DraftId)));
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new Query(DraftId), cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }

    public sealed record Query(Guid DraftId) : IQuery<Result?>;

    /// <summary>The page's answers; FgmDutyRole is "a teacher" where the FGM reporting duty is the referrer's, else null.</summary>
    public sealed record Result(ThresholdDocument Document, ThresholdSuggestion Suggestion, ThresholdLevel? ChosenLevel,
        string? FgmDutyRole = null);

    /// <summary>Saves the chosen level; answers whether the early help pathway is offered next.</summary>
    public sealed class Command : ICommand<CommandResult<bool>>
    {
        public Guid DraftId { get; set; }
        public ThresholdLevel? ChosenLevel { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.ChosenLevel).NotNull().WithMessage("Select the level you are referring at").IsInEnum()
            .WithMessage("Select the level you are referring at");
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user).Include(r => r.Children)
                .SingleOrDefaultAsync(cancellationToken);
            if (referral is null)
            {
                return null;
            }

            var document = await db.DocumentOfAsync(referral, cancellationToken);
            var suggestion = ThresholdGuidance.Suggest(document, referral.IndicatorsByChild, referral.Screening,
                referral.ChildProtectionCategories);
            var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId)
                .Select(o => (OrganisationKind?)o.Kind).SingleOrDefaultAsync(cancellationToken);
            return new Result(document, suggestion, referral.ChosenLevel,
                FgmReportingDuty.RoleOf(referral.ReferrerProfession, organisation));
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, CommandResult<bool>>
    {
        public async Task<CommandResult<bool>> Handle(Command request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.OwnDraft(request.DraftId, user).Include(r => r.Children)
                .SingleOrDefaultAsync(cancellationToken);
            if (referral is null)
            {
                return CommandResult.NotFound;
            }

            referral.RefreshSuggestion(await db.DocumentOfAsync(referral, cancellationToken));
            referral.ChooseLevel(request.ChosenLevel!.Value);
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(referral.EarlyHelpOffered);
        }
    }
}
