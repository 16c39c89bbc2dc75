using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>Whether the parents or carers agreed, why not if they did not, and the information-sharing basis.</summary>
public sealed class ConsentModel(IMediator mediator) : DraftPageModel, IReloadOnInvalid
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public ReferralKind Kind { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var view = await mediator.Send(new Query(DraftId));
        if (view is null)
        {
            return NotFound();
        }

        (Data, Kind) = view.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Data.DraftId = DraftId;
        return OutcomeOf(await mediator.Send(Data), () => SavedThenGoTo(ReferralRoutes.Communication(DraftId)));
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new Query(DraftId), cancellationToken) is not { } found)
        {
            return false;
        }

        Kind = found.Kind;
        return true;
    }

    public sealed record Query(Guid DraftId) : IQuery<(Command Answers, ReferralKind Kind)?>;

    public sealed class Command : ICommand<CommandResult>
    {
        public Guid DraftId { get; set; }
        public ConsentDecision? Decision { get; set; }

        /// <summary>What was said when consent was refused (revealed under "refused").</summary>
        public string? RefusedReason { get; set; }

        /// <summary>Why consent was not sought (revealed under "not sought").</summary>
        public string? NotSoughtReason { get; set; }

        public string? Reason => Decision switch
        {
            ConsentDecision.Refused => RefusedReason,
            ConsentDecision.NotSought => NotSoughtReason,
            _ => null,
        };
        public InformationSharingBasis? SharingBasis { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db)
        {
            RuleFor(c => c.Decision).NotNull().WithMessage("Select whether the parents or carers agreed to the referral").IsInEnum()
                .WithMessage("Select whether the parents or carers agreed to the referral");
            RuleFor(c => c.RefusedReason).Answer("Your reason", ConsentRecord.ReasonMaxLength);
            RuleFor(c => c.NotSoughtReason).Answer("Your reason", ConsentRecord.ReasonMaxLength);
            RuleFor(c => c.RefusedReason).NotEmpty().When(c => c.Decision == ConsentDecision.Refused)
                .WithMessage("Say what the parents or carers said, and why you are referring without their agreement");
            RuleFor(c => c.NotSoughtReason).NotEmpty().When(c => c.Decision == ConsentDecision.NotSought)
                .WithMessage("Explain why you did not seek consent");
            RuleFor(c => c.SharingBasis).NotNull().WithMessage("Select the basis on which you are sharing this information").IsInEnum()
                .WithMessage("Select the basis on which you are sharing this information");
            RuleFor(c => c.Decision)
                .MustAsync(async (command, decision, cancellationToken) => decision == ConsentDecision.Obtained
                    || !await db.Referrals.AnyAsync(r => r.Id == command.DraftId && r.Kind == ReferralKind.EarlyHelpRequest,
                        cancellationToken))
                .When(c => c.Decision is not null)
                .WithMessage("Early help needs the family's agreement. Ask them first, or go back to the level and refer to the MASH " +
                    "instead");
        }
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, (Command Answers, ReferralKind Kind)?>
    {
        public async Task<(Command Answers, ReferralKind Kind)?> Handle(Query request, CancellationToken cancellationToken)
        {
            var draft = await db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user)
                .Select(r => new { r.Consent, r.Kind }).SingleOrDefaultAsync(cancellationToken);
            return draft is null
                ? null
                : (new Command
                {
                    Decision = draft.Consent.Decision,
                    RefusedReason = draft.Consent.Decision == ConsentDecision.Refused ? draft.Consent.Reason : null,
                    NotSoughtReason = draft.Consent.Decision == ConsentDecision.NotSought ? draft.Consent.Reason : null,
                    SharingBasis = draft.Consent.SharingBasis,
                }, draft.Kind);
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

            referral.Consent.Decision = request.Decision;
            referral.Consent.Reason = ReferralValidation.Clean(request.Reason);
            referral.Consent.SharingBasis = request.SharingBasis;
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
