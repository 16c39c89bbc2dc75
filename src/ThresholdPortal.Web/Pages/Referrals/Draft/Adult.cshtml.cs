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

/// <summary>Adds or changes one household member or significant adult.</summary>
public sealed class AdultModel(IMediator mediator) : DraftPageModel
{
    public const int MaxAdults = 20;

    [BindProperty]
    public Command Data { get; set; } = new();

    [FromRoute]
    public Guid? AdultId { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var answers = await mediator.Send(new Query(DraftId, AdultId));
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
        Data.AdultId = AdultId;
        return OutcomeOf(await mediator.Send(Data), () => StayInChange(ReferralRoutes.Household(DraftId)));
    }

    public sealed record Query(Guid DraftId, Guid? AdultId) : IQuery<Command?>;

    public sealed class Command : ICommand<CommandResult>, IIdempotentCommand
    {
        /// <summary>The form's key: the same form sent twice creates once (docs/decisions/0105).</summary>
        public Guid? IdempotencyKey { get; set; }

        public Guid DraftId { get; set; }
        public Guid? AdultId { get; set; }
        public string? GivenName { get; set; }
        public string? FamilyName { get; set; }
        public string? Relationship { get; set; }
        public bool? LivesWithChildren { get; set; }
        public DateParts DateOfBirth { get; set; } = new();
        public bool? KnowsAboutReferral { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db, TimeProvider clock)
        {
            var today = UkCalendar.Today(clock);
            RuleFor(c => c.GivenName).RequiredAnswer("Enter their first name", "First name", SignificantAdult.NameMaxLength);
            RuleFor(c => c.FamilyName).RequiredAnswer("Enter their last name, or 'not known'", "Last name", SignificantAdult.NameMaxLength);
            RuleFor(c => c.Relationship)
                .RequiredAnswer("Enter how they are related to the children", "Relationship", SignificantAdult.RelationshipMaxLength);
            RuleFor(c => c.LivesWithChildren).NotNull().WithMessage("Select yes if they live with the children");
            RuleFor(c => c.KnowsAboutReferral).NotNull().WithMessage("Select yes if they know about this referral");
            RuleFor(c => c.DateOfBirth).Custom((date, context) =>
            {
                var problem = date.IsEmpty ? null
                    : !date.IsComplete ? "Date of birth must include a day, month and year"
                    : date.ToDate() is not { } born ? "Date of birth must be a real date"
                    : born > today ? "Date of birth must be in the past"
                    : null;
                if (problem is not null)
                {
                    context.AddFailure(nameof(Command.DateOfBirth), problem);
                }
            });
            RuleFor(c => c.DraftId)
                .MustAsync(async (id, cancellationToken) =>
                    await db.ReferralAdults.CountAsync(a => a.ReferralId == id, cancellationToken) < MaxAdults)
                .When(c => c.AdultId is null)
                .OverridePropertyName(nameof(Command.GivenName))
                .WithMessage($"A referral can name up to {MaxAdults} adults. Describe any others in the concerns");
        }
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Command?>
    {
        public async Task<Command?> Handle(Query request, CancellationToken cancellationToken)
        {
            // A left join to the one adult (none when adding one): picking it inside the projection would number every
            // adult stored (ADR 0137).
            var draft = await (
                from r in db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user)
                join a in db.Set<SignificantAdult>().Where(a => a.Id == request.AdultId) on r.Id equals a.ReferralId into adults
                from a in adults.DefaultIfEmpty()
                select new { Adult = a })
                .SingleOrDefaultAsync(cancellationToken);
            if (draft is null || (request.AdultId is not null && draft.Adult is null))
            {
                return null;
            }

            var adult = draft.Adult;
            return adult is null
                ? new Command()
                : new Command
                {
                    GivenName = adult.GivenName,
                    FamilyName = adult.FamilyName,
                    Relationship = adult.Relationship,
                    LivesWithChildren = adult.LivesWithChildren,
                    DateOfBirth = DateParts.From(adult.DateOfBirth),
                    KnowsAboutReferral = adult.KnowsAboutReferral,
                };
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.OwnDraft(request.DraftId, user).Include(r => r.Adults)
                .SingleOrDefaultAsync(cancellationToken);
            if (referral is null)
            {
                return CommandResult.NotFound;
            }

            var adult = request.AdultId is null ? null : referral.Adults.SingleOrDefault(a => a.Id == request.AdultId);
            if (request.AdultId is not null && adult is null)
            {
                return CommandResult.NotFound;
            }

            if (adult is null)
            {
                adult = new SignificantAdult { ReferralId = referral.Id,
                    Order = referral.Adults.Count == 0 ? 0 : referral.Adults.Max(a => a.Order) + 1 };
                db.ReferralAdults.Add(adult);
                referral.Adults.Add(adult);
            }

            adult.GivenName = ReferralValidation.Clean(request.GivenName);
            adult.FamilyName = ReferralValidation.Clean(request.FamilyName);
            adult.Relationship = ReferralValidation.Clean(request.Relationship);
            adult.LivesWithChildren = request.LivesWithChildren;
            adult.DateOfBirth = request.DateOfBirth.ToDate();
            adult.KnowsAboutReferral = request.KnowsAboutReferral;
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
