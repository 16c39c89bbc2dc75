using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Account;

/// <summary>
/// Signing out is a link in the header, so it answers GET. The worst a forged link can do is sign someone
/// out, which protects rather than exposes them (and ends their other sessions, docs/decisions/0103). The
/// timeout warning comes here when time runs out.
/// </summary>
public sealed class SignOutModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool TimedOut { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await mediator.Send(new Command());
            return RedirectToPage(new { TimedOut });
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
