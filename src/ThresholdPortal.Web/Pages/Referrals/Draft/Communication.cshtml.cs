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

/// <summary>Language and interpreter needs, and disability or communication needs, of the child or family.</summary>
public sealed class CommunicationModel(IMediator mediator) : DraftPageModel
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
        public bool? InterpreterNeeded { get; set; }
        public string? Language { get; set; }
        public bool? HasCommunicationNeeds { get; set; }
        public string? CommunicationNeedsDetails { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.InterpreterNeeded).NotNull().WithMessage("Select yes if anyone in the family needs an interpreter");
            RuleFor(c => c.Language).Answer("Language", CommunicationNeeds.LanguageMaxLength);
            RuleFor(c => c.Language).NotEmpty().When(c => c.InterpreterNeeded == true)
                .WithMessage("Enter the language, and who needs the interpreter");
            RuleFor(c => c.HasCommunicationNeeds).NotNull().WithMessage("Select yes if anyone has a disability or communication need");
            RuleFor(c => c.CommunicationNeedsDetails).Answer("Communication needs", CommunicationNeeds.DetailsMaxLength);
            RuleFor(c => c.CommunicationNeedsDetails).NotEmpty().When(c => c.HasCommunicationNeeds == true)
                .WithMessage("Describe the disability or communication need, and who has it");
        }
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Command?>
    {
        public Task<Command?> Handle(Query request, CancellationToken cancellationToken) =>
            db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user)
                .Select(r => new Command
                {
                    InterpreterNeeded = r.Communication.InterpreterNeeded,
                    Language = r.Communication.Language,
                    HasCommunicationNeeds = r.Communication.HasCommunicationNeeds,
                    CommunicationNeedsDetails = r.Communication.CommunicationNeedsDetails,
                })
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

            var needs = referral.Communication;
            needs.InterpreterNeeded = request.InterpreterNeeded;
            needs.Language = request.InterpreterNeeded == true ? ReferralValidation.Clean(request.Language) : null;
            needs.HasCommunicationNeeds = request.HasCommunicationNeeds;
            needs.CommunicationNeedsDetails = request.HasCommunicationNeeds == true
                ? ReferralValidation.Clean(request.CommunicationNeedsDetails) : null;
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
