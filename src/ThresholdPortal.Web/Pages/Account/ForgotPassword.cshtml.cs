using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Account;

/// <summary>
/// Asking for a password reset link. The answer is the same whether or not the address has an account,
/// so the page cannot be used to find out who has one.
/// </summary>
public sealed class ForgotPasswordModel(IMediator mediator) : CommandPageModel
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        return OutcomeOf(await mediator.Send(Data),
            () => RedirectToPage("/Account/CheckYourEmail", new { @for = CheckYourEmailModel.PasswordReset }));
    }

    public sealed class Command : ICommand<CommandResult>
    {
        public string? Email { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your email address")
                .MaximumLength(256).WithMessage("Email address must be 256 characters or fewer")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org");
        }
    }

    public sealed class Handler(PortalDbContext db, UserManager<PortalUser> users, AccountTokens tokens, IEmailOutbox outbox)
        : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(request.Email!.Trim());
            // Only someone who could sign in with a new password gets a link: not an invitation nobody has
            // accepted yet (they use the invitation), not a deactivated or unapproved account.
            if (user is { IsActive: true, AwaitingApproval: false, EmailConfirmed: true, PasswordHash: not null })
            {
                var token = await tokens.IssueAsync(user.Id, AccountTokenPurpose.PasswordReset, cancellationToken);
                outbox.Enqueue(user.Email!, EmailTemplate.PasswordReset, "/account/reset-password?token=" + Uri.EscapeDataString(token));
                await db.SaveChangesAsync(cancellationToken);
            }

            return CommandResult.Saved;
        }
    }
}
