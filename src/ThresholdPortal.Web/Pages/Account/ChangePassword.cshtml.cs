using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Features.Accounts;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.Web.Pages.Account;

/// <summary>Changing your own password. Every other session of the account ends; this one carries on.</summary>
public sealed class ChangePasswordModel(IMediator mediator, IOptions<IdentityOptions> identity) : CommandPageModel
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public string PasswordHint => PasswordRules.Hint(identity.Value.Password);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await mediator.Send(Data);
        if (result is CommandResult.Refused refused)
        {
            // Said beside the current password, where the mistake is.
            ModelState.AddModelError("Data.CurrentPassword", refused.Message);
            return Page();
        }

        return OutcomeOf(result, () =>
        {
            TempData.SetNotice("Your password has been changed. Any other sessions have been signed out.");
            return RedirectToPage("/Account/Index");
        });
    }

    public sealed class Command : ICommand<CommandResult>
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IOptions<IdentityOptions> identity)
        {
            RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your current password")
                .MaximumLength(PasswordRules.MaxLength).WithMessage($"Password must be {PasswordRules.MaxLength} characters or fewer");
            RuleFor(c => c.NewPassword).NewPassword(identity.Value.Password)
                .NotEqual(c => c.CurrentPassword).WithMessage("Your new password must be different from your current password");
        }
    }

    public sealed class Handler(
        UserManager<PortalUser> users, SignInManager<PortalUser> signIn, ICurrentUser current, IEmailOutbox outbox, IAuditTrail audit)
        : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(current.Id.ToString())
                ?? throw new InvalidOperationException("The signed-in user no longer exists.");
            if (await users.IsLockedOutAsync(user))
            {
                return new CommandResult.Refused(SignInRefusals.LockedOut);
            }

            var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                // Refused rather than thrown, so the failure counted towards lockout is committed: someone at an
                // unlocked desk cannot guess the password without limit (docs/decisions/0104).
                (await users.AccessFailedAsync(user)).EnsureSucceeded();
                return new CommandResult.Refused(await users.IsLockedOutAsync(user)
                    ? SignInRefusals.LockedOut : "Your current password is not correct");
            }

            result.ThrowIfRefused(request, nameof(Command.NewPassword));
            outbox.Enqueue(user.Email!, EmailTemplate.PasswordChanged, "/account/forgot-password");
            await audit.RecordNowAsync(AccountEvents.PasswordChanged, nameof(PortalUser), user.Id.ToString(),
                cancellationToken: cancellationToken);
            // The new security stamp ends every other session; this one gets a cookie with the new stamp.
            await signIn.RefreshSignInAsync(user);
            return CommandResult.Saved;
        }
    }
}
