using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>
/// The two questions asked before any indicator: immediate danger (999 first) and FGM, known (the police duty, so the
/// referrer's profession is asked) or a girl at risk.
/// </summary>
public sealed class ScreeningModel(IMediator mediator) : DraftPageModel
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var answers = await mediator.Send(new Query(DraftId));
        if (answers is null)
        {
            return NotFound();
        }

        Data = answers;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Data.DraftId = DraftId;
        return OutcomeOf(await mediator.Send(Data), saved => saved switch
        {
            _ when Data.ChildInImmediateDanger == true => Redirect(ReferralRoutes.ImmediateDanger(DraftId)),
            { HasChildren: false } => Redirect(ReferralRoutes.AddChild(DraftId)),
            _ => SavedThenGoTo(ReferralRoutes.Children(DraftId)),
        });
    }

    public sealed record Query(Guid DraftId) : IQuery<Command?>;

    public sealed record Saved(bool HasChildren);

    public sealed class Command : ICommand<CommandResult<Saved>>
    {
        public Guid DraftId { get; set; }
        public bool? ChildInImmediateDanger { get; set; }
        public FgmConcern? Fgm { get; set; }

        /// <summary>Asked only when FGM is known; kept only then.</summary>
        public ReferrerProfession? Profession { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ChildInImmediateDanger).NotNull().WithMessage("Select yes if a child is in immediate danger");
            RuleFor(c => c.Fgm).NotNull().WithMessage("Select whether FGM is a concern for any girl")
                .IsInEnum().WithMessage("Select whether FGM is a concern for any girl");
            When(c => c.Fgm == FgmConcern.Known, () => RuleFor(c => c.Profession).NotNull()
                .WithMessage("Select your profession").IsInEnum().WithMessage("Select your profession"));
        }
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Command?>
    {
        public Task<Command?> Handle(Query request, CancellationToken cancellationToken) =>
            db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user)
                .Select(r =>
                    new Command { DraftId = r.Id, ChildInImmediateDanger = r.ChildInImmediateDanger,
                    Fgm = r.Fgm, Profession = r.ReferrerProfession })
                .SingleOrDefaultAsync(cancellationToken);
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, CommandResult<Saved>>
    {
        public async Task<CommandResult<Saved>> Handle(Command request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.OwnDraft(request.DraftId, user).Include(r => r.Children)
                .SingleOrDefaultAsync(cancellationToken);
            if (referral is null)
            {
                return CommandResult.NotFound;
            }

            referral.ChildInImmediateDanger = request.ChildInImmediateDanger;
            referral.Fgm = request.Fgm;
            referral.ReferrerProfession = request.Fgm == FgmConcern.Known ? request.Profession : null;
            referral.RefreshSuggestion(await db.DocumentOfAsync(referral, cancellationToken));
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(new Saved(referral.Children.Count > 0));
        }
    }
}
