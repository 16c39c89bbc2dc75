using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Account;

/// <summary>
/// A self-registered professional confirms their work e-mail address. Opening the link only shows a button:
/// mail scanners open links by themselves, and must not use up a single-use link.
/// </summary>
public sealed class ConfirmEmailModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }

    public bool LinkIsValid { get; private set; }

    public async Task OnGetAsync()
    {
        if (!Done)
        {
            LinkIsValid = await mediator.Send(new LinkQuery(Token, AccountTokenPurpose.EmailConfirmation));
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A link that cannot be used is a page that says so, not a 404.
        if (!(await mediator.Send(new Command(Token))).IsSaved)
        {
            return Page();
        }

        return RedirectToPage(new { Done = true, Token = (string?)null });
    }

    /// <summary>Confirms the address and tells administrators a registration waits; not found for a bad link.</summary>
    public sealed record Command(string? Token) : ICommand<CommandResult>;

    public sealed class Handler(PortalDbContext db, UserManager<PortalUser> users, AccountTokens tokens, IEmailOutbox outbox,
        IAuditTrail audit)
        : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var userId = await tokens.RedeemAsync(request.Token, AccountTokenPurpose.EmailConfirmation, cancellationToken);
            var user = userId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
            if (user is not { IsActive: true })
            {
                return CommandResult.NotFound;
            }

            user.EmailConfirmed = true;
            (await users.UpdateAsync(user)).EnsureSucceeded();
            var administrators = await users.GetUsersInRoleAsync(PortalRole.Administrator);
            foreach (var administrator in administrators.Where(a => a.IsActive && a.Email is not null))
            {
                outbox.Enqueue(administrator.Email!, EmailTemplate.RegistrationWaiting,
                    "/admin/users?status=" + UserStatus.AwaitingApproval.Slug());
            }

            audit.Record(AccountEvents.EmailConfirmed, nameof(PortalUser), user.Id.ToString());
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
