using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Account;

public sealed class SignInModel(IMediator mediator) : PageModel
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
        switch (result)
        {
            case Outcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case Outcome.RequiresTwoFactor:
                return RedirectToPage("/Account/SignInCode", new { ReturnUrl });
            default:
                ModelState.AddModelError("Data.Email", result == Outcome.LockedOut
                    ? "Your account is locked after too many wrong attempts. Try again in 15 minutes, or ask your administrator to " +
                        "unlock it"
                    : "The email address or password is not correct");
                return Page();
        }
    }

    public enum Outcome
    {
        SignedIn,
        RequiresTwoFactor,
        Failed,
        LockedOut,
    }

    public sealed class Command : ICommand<Outcome>
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

    public sealed class Handler(SignInManager<PortalUser> signInManager) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            // Lockout counts every failure, so five wrong passwords lock the account whatever the caller does.
            var result = await signInManager.PasswordSignInAsync(request.Email!.Trim(), request.Password!, isPersistent: false,
                lockoutOnFailure: true);
            return result.Succeeded ? Outcome.SignedIn
                : result.RequiresTwoFactor ? Outcome.RequiresTwoFactor
                : result.IsLockedOut ? Outcome.LockedOut
                : Outcome.Failed;
        }
    }
}
