using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Web.Features.Accounts;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Account;

public sealed class SignInModel(IMediator mediator, SingleSignOnOptions singleSignOn) : CommandPageModel
{
    /// <summary>The organisations' identity providers, one button each; none unless configured.</summary>
    public IReadOnlyList<IdentityProviderOptions> Providers => singleSignOn.Providers;

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

    /// <summary>
    /// Known and unknown addresses answer alike, in words and in time: each costs one password hash, and wrong
    /// passwords lock the address typed for the address they come from, account or not (docs/decisions/0104).
    /// </summary>
    public sealed class Handler(
        SignInManager<PortalUser> signInManager, SignInLockout lockout, PasswordWork passwordWork, IHttpContextAccessor http)
        : IRequestHandler<Command, CommandResult<bool>>
    {
        private const string NotCorrect = "The email address or password is not correct";

        public async Task<CommandResult<bool>> Handle(Command request, CancellationToken cancellationToken)
        {
            var email = request.Email!.Trim();
            var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (lockout.IsLockedOut(email, address))
            {
                passwordWork.Spend(request.Password);
                return new CommandResult.Refused(SignInRefusals.LockedOut);
            }

            var user = await signInManager.UserManager.FindByEmailAsync(email);
            var result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
            if (user is null)
            {
                passwordWork.Spend(request.Password);
            }
            else
            {
                // The account-wide lockout is left to the second factor and change of password, which a stranger cannot reach.
                result = await signInManager.PasswordSignInAsync(user, request.Password!, isPersistent: false, lockoutOnFailure: false);
                if (result.IsLockedOut || result.IsNotAllowed)
                {
                    // Identity refused before it hashed anything.
                    passwordWork.Spend(request.Password);
                }
            }

            if (result.Succeeded || result.RequiresTwoFactor)
            {
                lockout.RecordSuccess(email, address);
                return CommandResult.SavedWith(result.RequiresTwoFactor);
            }

            var lockedNow = lockout.RecordFailure(email, address);
            return new CommandResult.Refused(lockedNow || result.IsLockedOut ? SignInRefusals.LockedOut : NotCorrect);
        }
    }
}
