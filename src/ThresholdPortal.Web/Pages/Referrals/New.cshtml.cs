using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Referrals;

/// <summary>"Before you start": what to have ready, the emergency routes, and the button that starts a draft.</summary>
public sealed class NewModel(IMediator mediator) : CommandPageModel
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public void OnGet() => Data = new Command { IdempotencyKey = Guid.CreateVersion7() };

    public async Task<IActionResult> OnPostAsync() =>
        OutcomeOf(await mediator.Send(Data), draftId => Redirect(ReferralRoutes.Screening(draftId)));

    public sealed class Command : ICommand<CommandResult<Guid>>
    {
        /// <summary>Made when the page was shown: posting this form twice starts one draft.</summary>
        public Guid IdempotencyKey { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.IdempotencyKey).NotEmpty().WithMessage("Start the referral from this page");
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, CommandResult<Guid>>
    {
        public async Task<CommandResult<Guid>> Handle(Command request, CancellationToken cancellationToken)
        {
            var existing = await ExistingAsync(request.IdempotencyKey, cancellationToken);
            if (existing is { } found)
            {
                var draftId = found.ReferrerUserId == user.Id ? found.Id : await StartAsync(Guid.CreateVersion7(), cancellationToken);
                return CommandResult.SavedWith(draftId);
            }

            try
            {
                return CommandResult.SavedWith(await StartAsync(request.IdempotencyKey, cancellationToken));
            }
            catch (DbUpdateException exception)
                when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // The same form posted twice at once: the other request started the draft. The save rolled back
                // to its savepoint, so the transaction can still read it.
                db.ChangeTracker.Clear();
                var winner = await ExistingAsync(request.IdempotencyKey, cancellationToken);
                if (winner is null || winner.Value.ReferrerUserId != user.Id)
                {
                    throw;
                }

                return CommandResult.SavedWith(winner.Value.Id);
            }
        }

        private async Task<(Guid Id, Guid ReferrerUserId)?> ExistingAsync(Guid key, CancellationToken cancellationToken)
        {
            var found = await db.Referrals.Where(r => r.IdempotencyKey == key)
                .Select(r => new { r.Id, r.ReferrerUserId }).SingleOrDefaultAsync(cancellationToken);
            return found is null ? null : (found.Id, found.ReferrerUserId);
        }

        private async Task<Guid> StartAsync(Guid key, CancellationToken cancellationToken)
        {
            var organisationKind = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Kind)
                .SingleAsync(cancellationToken);
            var documentId = await db.CurrentDocumentIdAsync(cancellationToken)
                ?? throw new InvalidOperationException("No threshold document is loaded: the reference data has not been seeded.");
            var now = clock.GetUtcNow();
            var referral = new Referral
            {
                IdempotencyKey = key,
                ReferrerUserId = user.Id,
                ReferringOrganisationId = user.OrganisationId,
                ReferralSourceCode = organisationKind.ReferralSource().Code,
                ThresholdDocumentId = documentId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Referrals.Add(referral);
            await LostRace.SaveAsync(db, cancellationToken);
            return referral.Id;
        }
    }
}
