using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.Users;

/// <summary>
/// An administrator creates an account for someone and e-mails them a single-use link, valid for 7 days,
/// to set their password. Only the hash of the link's token is stored.
/// </summary>
public sealed class InviteModel(IMediator mediator) : CommandPageModel, IReloadOnInvalid
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task OnGetAsync() => await ReloadAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        return OutcomeOf(await mediator.Send(Data), userId =>
        {
            TempData.SetNotice($"Invitation sent to {Data.Email!.Trim()}");
            return RedirectToPage("/Admin/Users/Details", new { id = userId });
        });
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        Organisations = [new SelectListItem("Choose an organisation", string.Empty),
            .. await mediator.Send(new ActiveOrganisationsQuery(), cancellationToken)];
        return true;
    }

    public sealed class Command : ICommand<CommandResult<Guid>>, IIdempotentCommand
    {
        /// <summary>The form's key: the same form sent twice creates once (docs/decisions/0105).</summary>
        public Guid? IdempotencyKey { get; set; }

        public string? Email { get; set; }
        public string? GivenName { get; set; }
        public string? FamilyName { get; set; }
        public string? JobTitle { get; set; }
        public Guid? OrganisationId { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db, ILookupNormalizer normalizer)
        {
            RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter their email address")
                .MaximumLength(256).WithMessage("Email address must be 256 characters or fewer")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org")
                .MustAsync(async (email, cancellationToken) =>
                {
                    var normalised = normalizer.NormalizeEmail(email!.Trim());
                    return !await db.Users.AnyAsync(u => u.NormalizedEmail == normalised, cancellationToken);
                })
                .WithMessage("Someone already has an account with this email address");
            RuleFor(c => c.GivenName).NotEmpty().WithMessage("Enter their first name")
                .MaximumLength(PortalUser.NameMaxLength).WithMessage($"First name must be {PortalUser.NameMaxLength} characters or fewer");
            RuleFor(c => c.FamilyName).NotEmpty().WithMessage("Enter their last name")
                .MaximumLength(PortalUser.NameMaxLength).WithMessage($"Last name must be {PortalUser.NameMaxLength} characters or fewer");
            RuleFor(c => c.JobTitle).MaximumLength(PortalUser.JobTitleMaxLength)
                .WithMessage($"Job title must be {PortalUser.JobTitleMaxLength} characters or fewer");
            RuleFor(c => c.OrganisationId).OrganisationToJoin(db);
            RuleFor(c => c.Roles).PortalRoles();
        }
    }

    public sealed class Handler(
        PortalDbContext db, UserManager<PortalUser> users, AccountTokens tokens, IEmailOutbox outbox, IAuditTrail audit)
        : IRequestHandler<Command, CommandResult<Guid>>
    {
        public async Task<CommandResult<Guid>> Handle(Command request, CancellationToken cancellationToken)
        {
            var email = request.Email!.Trim();
            var user = new PortalUser
            {
                UserName = email,
                Email = email,
                GivenName = request.GivenName!.Trim(),
                FamilyName = request.FamilyName!.Trim(),
                JobTitle = string.IsNullOrWhiteSpace(request.JobTitle) ? null : request.JobTitle.Trim(),
                OrganisationId = request.OrganisationId!.Value,
            };
            (await users.CreateAsync(user)).ThrowIfRefused(request, nameof(Command.Email));
            var roles = request.Roles.Distinct(StringComparer.Ordinal).ToList();
            (await users.AddToRolesAsync(user, roles)).EnsureSucceeded();
            var token = await tokens.IssueAsync(user.Id, AccountTokenPurpose.Invitation, cancellationToken);
            outbox.Enqueue(email, EmailTemplate.Invitation, "/account/accept-invitation?token=" + Uri.EscapeDataString(token));
            var organisation = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Name)
                .SingleAsync(cancellationToken);
            audit.Record(AccountEvents.Invited, nameof(PortalUser), user.Id.ToString(),
                $"Organisation: {organisation}; roles: {string.Join(", ", roles.Select(PortalRole.DisplayName))}");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(user.Id);
        }
    }
}
