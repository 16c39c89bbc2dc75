using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Features.Accounts;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.Web.Pages.Account;

/// <summary>Choosing a new password from the link in a reset e-mail. The link works once, for an hour.</summary>
public sealed class ResetPasswordModel(IMediator mediator, IOptions<IdentityOptions> identity) : PageModel
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public bool LinkIsValid { get; private set; } = true;

    public string PasswordHint => PasswordRules.Hint(identity.Value.Password);

    public async Task OnGetAsync(string? token)
    {
        Data.Token = token;
        LinkIsValid = await mediator.Send(new LinkQuery(token, AccountTokenPurpose.PasswordReset));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A link that cannot be used is a page that says so, not a 404.
        if (!(await mediator.Send(Data)).IsSaved)
        {
            LinkIsValid = false;
            return Page();
        }

        TempData.SetNotice("Your password has been changed. Sign in with your new password.");
        return RedirectToPage("/Account/SignIn");
    }

    public sealed class Command : ICommand<CommandResult>
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

    /// <summary>Sets the new password; not found when the link is unknown, expired or used.</summary>
    public sealed class Handler(UserManager<PortalUser> users, AccountTokens tokens, IEmailOutbox outbox, IAuditTrail audit)
        : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var userId = await tokens.RedeemAsync(request.Token, AccountTokenPurpose.PasswordReset, cancellationToken);
            var user = userId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
            if (user is not { IsActive: true })
            {
                return CommandResult.NotFound;
            }

            // Identity's own reset token, made and used at once: the single-use link above is the real proof.
            var identityToken = await users.GeneratePasswordResetTokenAsync(user);
            (await users.ResetPasswordAsync(user, identityToken, request.Password!)).ThrowIfRefused(request, nameof(Command.Password));
            // Whoever forgot their password may have locked themselves out trying to remember it.
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            outbox.Enqueue(user.Email!, EmailTemplate.PasswordChanged, "/account/forgot-password");
            await audit.RecordNowAsync(AccountEvents.PasswordReset, nameof(PortalUser), user.Id.ToString(),
                cancellationToken: cancellationToken);
            return CommandResult.Saved;
        }
    }
}

/// <summary>Whether a single-use link can still be used, to show its form or say at once that it has expired.</summary>
public sealed record LinkQuery(string? Token, AccountTokenPurpose Purpose) : IQuery<bool>
{
    public sealed class Handler(AccountTokens tokens) : IRequestHandler<LinkQuery, bool>
    {
        public async Task<bool> Handle(LinkQuery request, CancellationToken cancellationToken) =>
            await tokens.FindUserAsync(request.Token, request.Purpose, cancellationToken) is not null;
    }
}
