using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>Context: the family's history, how well previous help worked, and other professionals' views.</summary>
public sealed class BackgroundModel(IMediator mediator) : DraftPageModel
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
        return OutcomeOf(await mediator.Send(Data), () => SavedThenGoTo(ReferralRoutes.TaskList(DraftId)));
    }

    public sealed record Query(Guid DraftId) : IQuery<Command?>;

    public sealed class Command : ICommand<CommandResult>
    {
        public Guid DraftId { get; set; }
        public string? History { get; set; }
        public string? PreviousHelp { get; set; }
        public string? OtherProfessionals { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            const int max = ReferralConcerns.LongAnswerMaxLength;
            RuleFor(c => c.History).RequiredAnswer("Describe the family's history, or write 'none known'", "History", max);
            RuleFor(c => c.PreviousHelp).Answer("Previous help", max);
            RuleFor(c => c.OtherProfessionals)
                .RequiredAnswer("Name the other professionals involved and their views, or write 'none'", "Other professionals", max);
        }
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Command?>
    {
        public Task<Command?> Handle(Query request, CancellationToken cancellationToken) =>
            db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user)
                .Select(r =>
                    new Command { History = r.Concerns.History, PreviousHelp = r.Concerns.PreviousHelp,
                    OtherProfessionals = r.Concerns.OtherProfessionals })
                .SingleOrDefaultAsync(cancellationToken);
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

            referral.Concerns.History = ReferralValidation.Clean(request.History);
            referral.Concerns.PreviousHelp = ReferralValidation.Clean(request.PreviousHelp);
            referral.Concerns.OtherProfessionals = ReferralValidation.Clean(request.OtherProfessionals);
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
