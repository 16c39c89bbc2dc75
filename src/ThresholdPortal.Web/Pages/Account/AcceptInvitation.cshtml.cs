using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Features.Accounts;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.Web.Pages.Account;

/// <summary>
/// Someone an administrator invited sets their first password from the link in the invitation e-mail. The
/// link works once and for 7 days. They are then signed in (and, for MASH roles, sent to set up two-factor).
/// </summary>
public sealed class AcceptInvitationModel(IMediator mediator, IOptions<IdentityOptions> identity) : PageModel, IReloadOnInvalid
{
    [BindProperty]
    public Command Data { get; set; } = new();

    /// <summary>The invited address, or null when the link cannot be used.</summary>
    public string? InvitedEmail { get; private set; }

    public string PasswordHint => PasswordRules.Hint(identity.Value.Password);

    public async Task OnGetAsync(string? token)
    {
        Data.Token = token;
        await ReloadAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await mediator.Send(Data);

        // A link that cannot be used is a page that says so, not a 404.
        return result.Outcome.IsSaved ? LocalRedirect(result.Value!) : Page();
    }

    /// <summary>Always shown again: a link that is no longer valid has its own message on the page.</summary>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        InvitedEmail = await mediator.Send(new Query(Data.Token), cancellationToken);
        return true;
    }

    public sealed record Query(string? Token) : IQuery<string?>;

    public sealed class QueryHandler(PortalDbContext db, AccountTokens tokens) : IRequestHandler<Query, string?>
    {
        public async Task<string?> Handle(Query request, CancellationToken cancellationToken)
        {
            var userId = await tokens.FindUserAsync(request.Token, AccountTokenPurpose.Invitation, cancellationToken);
            return userId is null ? null : await db.Users.AsNoTracking()
                .Where(u => u.Id == userId && u.IsActive && u.PasswordHash == null)
                .Select(u => u.Email)
                .SingleOrDefaultAsync(cancellationToken);
        }
    }

    public sealed class Command : ICommand<CommandResult<string>>
    {
        public string? Token { get; set; }
        public string? Password { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IOptions<IdentityOptions> identity)
        {
            RuleFor(c => c.Password).NewPassword(identity.Value.Password);
        }
    }

    /// <summary>Sets the password and signs the user in; saved with where to go next, or not found for a bad link.</summary>
    public sealed class Handler(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AccountTokens tokens, IAuditTrail audit)
        : IRequestHandler<Command, CommandResult<string>>
    {
        public async Task<CommandResult<string>> Handle(Command request, CancellationToken cancellationToken)
        {
            var userId = await tokens.RedeemAsync(request.Token, AccountTokenPurpose.Invitation, cancellationToken);
            var user = userId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
            if (user is not { IsActive: true, PasswordHash: null })
            {
                return CommandResult.NotFound;
            }

            (await users.AddPasswordAsync(user, request.Password!)).ThrowIfRefused(request, nameof(Command.Password));
            // The invitation reached this address, which proves it is theirs.
            user.EmailConfirmed = true;
            (await users.UpdateAsync(user)).EnsureSucceeded();
            await audit.RecordNowAsync(AccountEvents.InvitationAccepted, nameof(PortalUser), user.Id.ToString(),
                cancellationToken: cancellationToken);
            await signIn.SignInAsync(user, isPersistent: false);
            return CommandResult.SavedWith(PortalHome.For([.. await users.GetRolesAsync(user)]));
        }
    }
}
