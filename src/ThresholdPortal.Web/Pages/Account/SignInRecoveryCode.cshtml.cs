using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Account;

/// <summary>The second step of signing in for someone without their authenticator app: a one-off recovery code.</summary>
public sealed class SignInRecoveryCodeModel(IMediator mediator) : PageModel, IReloadOnInvalid
{
    [BindProperty]
    public Command Data { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

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
                    : "The recovery code is not correct, or it has been used already");
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
            RuleFor(c => c.Code).NotEmpty().WithMessage("Enter one of your recovery codes")
                .MaximumLength(50).WithMessage("A recovery code is 11 characters, like ABCDE-12345");
        }
    }

    public sealed class Handler(SignInManager<PortalUser> signInManager, IAuditTrail audit) : IRequestHandler<Command, TwoFactorOutcome>
    {
        public async Task<TwoFactorOutcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
            if (user is null)
            {
                return TwoFactorOutcome.NoPendingSignIn;
            }

            // Identity stores the codes without spaces; people may copy them with some.
            var code = new string(request.Code!.Where(c => !char.IsWhiteSpace(c)).ToArray());
            var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(code);
            if (!result.Succeeded)
            {
                return result.IsLockedOut ? TwoFactorOutcome.LockedOut : TwoFactorOutcome.Failed;
            }

            await audit.RecordNowAsync("user.recovery_code_used", nameof(PortalUser), user.Id.ToString(),
                cancellationToken: cancellationToken);
            return TwoFactorOutcome.SignedIn;
        }
    }
}
