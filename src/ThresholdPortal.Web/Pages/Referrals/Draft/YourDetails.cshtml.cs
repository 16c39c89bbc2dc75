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

/// <summary>The referrer's contact details from their account, with a phone number they can change for this referral.</summary>
public sealed class YourDetailsModel(IMediator mediator) : DraftPageModel, IReloadOnInvalid
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public Account View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var view = await mediator.Send(new Query(DraftId));
        if (view is null)
        {
            return NotFound();
        }

        (View, Data) = view.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Data.DraftId = DraftId;
        return OutcomeOf(await mediator.Send(Data), () => SavedThenGoTo(ReferralRoutes.TaskList(DraftId)));
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new Query(DraftId), cancellationToken) is not { } found)
        {
            return false;
        }

        View = found.View;
        return true;
    }

    public sealed record Account(string Name, string? JobTitle, string Organisation, string Email);

    public sealed record Query(Guid DraftId) : IQuery<(Account View, Command Answers)?>;

    public sealed class Command : ICommand<CommandResult>
    {
        public Guid DraftId { get; set; }
        public string? Phone { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Phone).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter a phone number the MASH can call you on")
                .MaximumLength(ReferrerContact.PhoneMaxLength)
                    .WithMessage($"Phone number must be {ReferrerContact.PhoneMaxLength} characters or fewer")
                .Must(ReferralValidation.IsPhoneNumber).WithMessage("Enter a phone number, like 01632 960 001 or 07700 900 982");
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, (Account View, Command Answers)?>
    {
        public async Task<(Account View, Command Answers)?> Handle(Query request, CancellationToken cancellationToken)
        {
            var savedPhone = await db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user)
                .Select(r => new { r.Referrer.Phone }).SingleOrDefaultAsync(cancellationToken);
            if (savedPhone is null)
            {
                return null;
            }

            var account = await AccountDetails.OfAsync(db, user.Id, cancellationToken);
            return (new Account(account.Name, account.JobTitle, account.Organisation, account.Email),
                new Command { Phone = savedPhone.Phone ?? account.Phone });
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

            var account = await AccountDetails.OfAsync(db, user.Id, cancellationToken);
            referral.Referrer.Name = account.Name;
            referral.Referrer.JobTitle = account.JobTitle;
            referral.Referrer.OrganisationName = account.Organisation;
            referral.Referrer.Email = account.Email;
            referral.Referrer.Phone = ReferralValidation.Clean(request.Phone);
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }

    /// <summary>The referrer's details as their account holds them now.</summary>
    private static class AccountDetails
    {
        public sealed record Details(string Name, string? JobTitle, string Organisation, string Email, string? Phone);

        public static Task<Details> OfAsync(PortalDbContext db, Guid userId, CancellationToken cancellationToken) =>
            db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new Details(u.FullName, u.JobTitle, u.Organisation.Name, u.Email!, u.PhoneNumber))
                .SingleAsync(cancellationToken);
    }
}
