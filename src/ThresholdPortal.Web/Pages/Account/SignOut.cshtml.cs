using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Features.Accounts;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Account;

/// <summary>
/// Signing out is a link in the header, so it answers GET. The worst a forged link can do is sign someone
/// out, which protects rather than exposes them (and ends their other sessions, docs/decisions/0103). The
/// timeout warning comes here when time runs out.
/// </summary>
public sealed class SignOutModel(IMediator mediator, SingleSignOnOptions singleSignOn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool TimedOut { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            // Signed in through an organisation's provider: its session ends too, at its end-session endpoint
            // (docs/decisions/0122), which sends the person back here.
            var provider = singleSignOn.ByScheme(User.FindFirstValue(ClaimTypes.AuthenticationMethod));
            await mediator.Send(new Command());
            return provider is null ? RedirectToPage(new { TimedOut })
                : SignOut(new AuthenticationProperties { RedirectUri = Url.Page("/Account/SignOut", new { TimedOut }) }, provider.Scheme);
        }

        return Page();
    }

    public sealed class Command : ICommand<CommandResult>;

    public sealed class Handler(SignInManager<PortalUser> signInManager) : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            // A new security stamp makes every cookie issued before it worthless, copied or not: SessionValidation
            // checks the stamp on each request. It ends the user's other sessions too (docs/decisions/0103).
            if (await signInManager.UserManager.GetUserAsync(signInManager.Context.User) is { } user)
            {
                (await signInManager.UserManager.UpdateSecurityStampAsync(user)).EnsureSucceeded();
            }

            await signInManager.SignOutAsync();
            return CommandResult.Saved;
        }
    }
}
