using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Account;

/// <summary>The second step of signing in: the code from the user's authenticator app.</summary>
public sealed class SignInCodeModel(IMediator mediator) : PageModel, IReloadOnInvalid
{
    [BindProperty]
    public Command Data { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>False when the password step was not done or has expired: the user must start again.</summary>
    public bool HasPendingSignIn { get; private set; }

    public async Task OnGetAsync() => await ReloadAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await mediator.Send(Data);
        switch (outcome)
        {
            case TwoFactorOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case TwoFactorOutcome.NoPendingSignIn:
                return Page();
            default:
                HasPendingSignIn = true;
                ModelState.AddModelError("Data.Code", outcome == TwoFactorOutcome.LockedOut
                    ? "Your account is locked after too many wrong attempts. Try again in 15 minutes, or ask your administrator to " +
                        "unlock it"
                    : "The code is not correct. Enter the 6 digit code your authenticator app shows now");
                return Page();
        }
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        HasPendingSignIn = await mediator.Send(new PendingSignInQuery(), cancellationToken);

    public sealed class Command : ICommand<TwoFactorOutcome>
    {
        public string? Code { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the 6 digit code from your authenticator app")
                .Must(code => AuthenticatorCode.Normalise(code) is { Length: 6 } digits && digits.All(char.IsAsciiDigit))
                .WithMessage("The code must be 6 digits");
        }
    }

    public sealed class Handler(SignInManager<PortalUser> signInManager) : IRequestHandler<Command, TwoFactorOutcome>
    {
        public async Task<TwoFactorOutcome> Handle(Command request, CancellationToken cancellationToken)
        {
            if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
            {
                return TwoFactorOutcome.NoPendingSignIn;
            }

            var result = await signInManager.TwoFactorAuthenticatorSignInAsync(AuthenticatorCode.Normalise(request.Code),
                isPersistent: false, rememberClient: false);
            return result.Succeeded ? TwoFactorOutcome.SignedIn
                : result.IsLockedOut ? TwoFactorOutcome.LockedOut
                : TwoFactorOutcome.Failed;
        }
    }
}

public enum TwoFactorOutcome
{
    SignedIn,
    Failed,
    LockedOut,
    NoPendingSignIn,
}

/// <summary>Whether the password step remembered a user who now owes a second factor.</summary>
public sealed record PendingSignInQuery : IQuery<bool>
{
    public sealed class Handler(SignInManager<PortalUser> signInManager) : IRequestHandler<PendingSignInQuery, bool>
    {
        public async Task<bool> Handle(PendingSignInQuery request, CancellationToken cancellationToken) =>
            await signInManager.GetTwoFactorAuthenticationUserAsync() is not null;
    }
}

public static class AuthenticatorCode
{
    /// <summary>People type "123 456" or "123-456" as the app shows it: keep only what matters.</summary>
    public static string Normalise(string? code) =>
        new((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}
