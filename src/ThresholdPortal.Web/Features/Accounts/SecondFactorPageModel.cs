using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Accounts;

/// <summary>
/// The second step of signing in, by authenticator code or by recovery code. Its command answers saved (signed
/// in), not found (no password step is remembered: the page says to start again) or refused with why, which is
/// said beside the code as GOV.UK's sign-in pattern does, not only in the summary as the adapter would put it.
/// </summary>
public abstract class SecondFactorPageModel<TCommand>(IMediator mediator) : CommandPageModel, IReloadOnInvalid
    where TCommand : class, ICommand<CommandResult>, new()
{
    [BindProperty]
    public TCommand Data { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>False when the password step was not done or has expired: the user must start again.</summary>
    public bool HasPendingSignIn { get; private set; }

    public async Task OnGetAsync() => await ReloadAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        switch (await mediator.Send(Data))
        {
            case CommandResult.SavedResult:
                return LocalRedirect(PortalHome.AfterSignIn(ReturnUrl, Url.IsLocalUrl(ReturnUrl), User));
            case CommandResult.Refused refused:
                HasPendingSignIn = true;
                ModelState.AddModelError("Data.Code", refused.Message);
                return Page();
            default:
                return Page();
        }
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        HasPendingSignIn = await mediator.Send(new PendingSignInQuery(), cancellationToken);
        return true;
    }
}

/// <summary>What signing in says when it refuses.</summary>
public static class SignInRefusals
{
    public const string LockedOut =
        "Your account is locked after too many wrong attempts. Try again in 15 minutes, or ask your administrator to unlock it";
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
