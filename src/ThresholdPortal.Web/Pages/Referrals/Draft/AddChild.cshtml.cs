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

/// <summary>Adds a child by name so indicators can be picked for them; their full details come later.</summary>
public sealed class AddChildModel(IMediator mediator) : DraftPageModel
{
    public const int MaxChildren = 15;

    [BindProperty]
    public Command Data { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() =>
        await mediator.Send(new Query(DraftId)) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        Data.DraftId = DraftId;
        return OutcomeOf(await mediator.Send(Data), childId => StayInChange(ReferralRoutes.ChildIndicators(DraftId, childId)));
    }

    public sealed record Query(Guid DraftId) : IQuery<bool>;

    public sealed class Command : ICommand<CommandResult<Guid>>, IIdempotentCommand
    {
        /// <summary>The form's key: the same form sent twice creates once (docs/decisions/0105).</summary>
        public Guid? IdempotencyKey { get; set; }

        public Guid DraftId { get; set; }
        public string? GivenName { get; set; }
        public string? FamilyName { get; set; }
        public bool IsUnborn { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db)
        {
            RuleFor(c => c.GivenName).Answer("First name", ReferralChild.NameMaxLength);
            RuleFor(c => c.FamilyName).Answer("Last name", ReferralChild.NameMaxLength);
            RuleFor(c => c.GivenName).NotEmpty().When(c => !c.IsUnborn).WithMessage("Enter the child's first name");
            RuleFor(c => c.FamilyName).NotEmpty().When(c => !c.IsUnborn).WithMessage("Enter the child's last name");
            RuleFor(c => c.DraftId)
                .MustAsync(async (id, cancellationToken) =>
                    await db.ReferralChildren.CountAsync(c => c.ReferralId == id, cancellationToken) < MaxChildren)
                .OverridePropertyName(nameof(Command.GivenName))
                .WithMessage($"A referral can be about up to {MaxChildren} children. Send a second referral for the others");
        }
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, bool>
    {
        public Task<bool> Handle(Query request, CancellationToken cancellationToken) =>
            db.Referrals.OwnDraft(request.DraftId, user).AnyAsync(cancellationToken);
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, CommandResult<Guid>>
    {
        public async Task<CommandResult<Guid>> Handle(Command request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.OwnDraft(request.DraftId, user).Include(r => r.Children)
                .SingleOrDefaultAsync(cancellationToken);
            if (referral is null)
            {
                return CommandResult.NotFound;
            }

            var child = new ReferralChild
            {
                ReferralId = referral.Id,
                Order = referral.Children.Count == 0 ? 0 : referral.Children.Max(c => c.Order) + 1,
                GivenName = ReferralValidation.Clean(request.GivenName),
                FamilyName = ReferralValidation.Clean(request.FamilyName),
                IsUnborn = request.IsUnborn,
            };
            // Added explicitly: a child found only through the navigation, with its id already set, would be taken for an existing row.
            db.ReferralChildren.Add(child);
            referral.Children.Add(child);
            referral.RefreshSuggestion(await db.DocumentOfAsync(referral, cancellationToken));
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(child.Id);
        }
    }
}
