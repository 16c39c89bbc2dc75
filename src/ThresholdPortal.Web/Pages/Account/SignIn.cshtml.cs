using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Web.Features.Accounts;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Account;

public sealed class SignInModel(IMediator mediator) : CommandPageModel
{
    [BindProperty]
    public Command Data { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await mediator.Send(Data);
        if (result.Outcome is CommandResult.Refused refused)
        {
            // Said beside the e-mail address, as GOV.UK's sign-in pattern does.
            ModelState.AddModelError("Data.Email", refused.Message);
            return Page();
        }

        return OutcomeOf(result, secondFactorOwed => secondFactorOwed
            ? RedirectToPage("/Account/SignInCode", new { ReturnUrl })
            : LocalRedirect(PortalHome.AfterSignIn(ReturnUrl, Url.IsLocalUrl(ReturnUrl), User)));
    }

    /// <summary>Signs in with the password: saved with whether a second factor is still owed, or refused with why.</summary>
    public sealed class Command : ICommand<CommandResult<bool>>
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage("Enter your email address")
                .MaximumLength(256).WithMessage("Email address must be 256 characters or fewer");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password")
                .MaximumLength(256).WithMessage("Password must be 256 characters or fewer");
        }
    }

    public sealed class Handler(SignInManager<PortalUser> signInManager) : IRequestHandler<Command, CommandResult<bool>>
    {
        public async Task<CommandResult<bool>> Handle(Command request, CancellationToken cancellationToken)
        {
            // Lockout counts every failure, so five wrong passwords lock the account whatever the caller does.
            var result = await signInManager.PasswordSignInAsync(request.Email!.Trim(), request.Password!, isPersistent: false,
                lockoutOnFailure: true);
            if (result.Succeeded || result.RequiresTwoFactor)
            {
                return CommandResult.SavedWith(result.RequiresTwoFactor);
            }

            return new CommandResult.Refused(
                result.IsLockedOut ? SignInRefusals.LockedOut : "The email address or password is not correct");
        }
    }
}
