using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Features.Accounts;

namespace ThresholdPortal.Web.Pages.Account.TwoFactor;

/// <summary>Turning two-factor sign-in off, for a user whose role does not require it.</summary>
public sealed class TurnOffModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public Status Current { get; private set; } = null!;

    public async Task OnGetAsync() => Current = await mediator.Send(new Query());

    public async Task<IActionResult> OnPostAsync()
    {
        if (!(await mediator.Send(Data)).IsSaved)
        {
            // Refused, as the user's role requires it: the page says so.
            return RedirectToPage();
        }

        TempData.SetNotice("Two-factor sign-in is turned off");
        return RedirectToPage("/Account/Index");
    }

    public sealed record Status(bool Enabled, bool RequiredByRole);

    public sealed record Query : IQuery<Status>;

    public sealed class QueryHandler(UserManager<PortalUser> users, ICurrentUser current, AccountsOptions accounts)
        : IRequestHandler<Query, Status>
    {
        public async Task<Status> Handle(Query request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(current.Id.ToString())
                ?? throw new InvalidOperationException("The signed-in user no longer exists.");
            return new Status(user.TwoFactorEnabled, accounts.RequiresTwoFactor(await users.GetRolesAsync(user)));
        }
    }

    /// <summary>Turns two-factor off; refused, changing nothing, when the user's role requires it.</summary>
    public sealed class Command : ICommand<CommandResult>;

    public sealed class Handler(
        UserManager<PortalUser> users, SignInManager<PortalUser> signIn, ICurrentUser current, IAuditTrail audit, AccountsOptions accounts)
        : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(current.Id.ToString())
                ?? throw new InvalidOperationException("The signed-in user no longer exists.");
            if (accounts.RequiresTwoFactor(await users.GetRolesAsync(user)))
            {
                return new CommandResult.Refused("Your role requires two-factor sign-in");
            }

            (await users.SetTwoFactorEnabledAsync(user, false)).EnsureSucceeded();
            // A fresh key, so the entry left in the old app is useless if two-factor is turned on again.
            (await users.ResetAuthenticatorKeyAsync(user)).EnsureSucceeded();
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            await audit.RecordNowAsync(AccountEvents.TwoFactorDisabled, nameof(PortalUser), user.Id.ToString(),
                cancellationToken: cancellationToken);
            await signIn.RefreshSignInAsync(user);
            return CommandResult.Saved;
        }
    }
}
