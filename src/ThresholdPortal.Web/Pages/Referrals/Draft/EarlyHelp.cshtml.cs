using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>
/// The early help pathway, shown first when the level is 1 or 2: what early help is, the local services,
/// how to start an Early Help Assessment, and the choice between an early help request and the MASH.
/// </summary>
public sealed class EarlyHelpModel(IMediator mediator) : DraftPageModel, IReloadOnInvalid
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

        if (!View.Offered)
        {
            return Redirect(ReferralRoutes.Level(DraftId));
        }

        Data = new Command { Choice = View.Choice, ReasonForMashReferral = View.Reason };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Data.DraftId = DraftId;
        var result = await mediator.Send(Data);

        // Early help is no longer offered at the level chosen (changed meanwhile): back to the level question.
        return result is CommandResult.Refused
            ? Redirect(ReferralRoutes.Level(DraftId))
            : OutcomeOf(result, () => SavedThenGoTo(ReferralRoutes.TaskList(DraftId)));
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

    public sealed record Result(
        bool Offered, ThresholdLevelDescription EarlyHelpLevel, ThresholdLevel? Suggested, ThresholdLevel? Chosen,
        IReadOnlyList<EarlyHelpService> Services, EarlyHelpChoice? Choice, string? Reason);

    public sealed class Command : ICommand<CommandResult>
    {
        public Guid DraftId { get; set; }
        public EarlyHelpChoice? Choice { get; set; }
        public string? ReasonForMashReferral { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Choice).NotNull().WithMessage("Select whether to send an early help request or refer to the MASH").IsInEnum()
                .WithMessage("Select whether to send an early help request or refer to the MASH");
            RuleFor(c => c.ReasonForMashReferral).Answer("Your reason", Referral.ReasonMaxLength);
            RuleFor(c => c.ReasonForMashReferral).NotEmpty().When(c => c.Choice == EarlyHelpChoice.ReferToMashAnyway)
                .WithMessage("Explain why you are referring to the MASH rather than asking for early help");
        }
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user).SingleOrDefaultAsync(cancellationToken);
            if (referral is null)
            {
                return null;
            }

            var document = await db.DocumentOfAsync(referral, cancellationToken);
            var services = await db.EarlyHelpServices.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name)
                .ToListAsync(cancellationToken);
            return new Result(referral.EarlyHelpOffered, document.Describe(ThresholdLevel.EarlyHelp), referral.SuggestedLevel,
                referral.ChosenLevel,
                services, referral.EarlyHelpChoice, referral.ReasonForMashReferral);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.OwnDraft(request.DraftId, user).SingleOrDefaultAsync(cancellationToken);
            if (referral is null)
            {
                return CommandResult.NotFound;
            }

            if (!referral.EarlyHelpOffered)
            {
                return new CommandResult.Refused("Early help is not offered at the level chosen");
            }

            referral.ChooseEarlyHelpPathway(request.Choice!.Value, ReferralValidation.Clean(request.ReasonForMashReferral));
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
