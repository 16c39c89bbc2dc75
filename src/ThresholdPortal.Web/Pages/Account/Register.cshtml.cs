using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Web.Features.Accounts;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.Web.Pages.Account;

/// <summary>
/// A professional registers with their work e-mail address. The address's domain must belong to a known,
/// active organisation, which becomes theirs. They then confirm the address, and an administrator approves
/// them as a referrer before they can sign in.
/// </summary>
public sealed class RegisterModel(IMediator mediator, IOptions<IdentityOptions> identity) : CommandPageModel
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public string PasswordHint => PasswordRules.Hint(identity.Value.Password);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        return OutcomeOf(await mediator.Send(Data),
            () => RedirectToPage("/Account/CheckYourEmail", new { @for = CheckYourEmailModel.Registration }));
    }

    public sealed class Command : ICommand<CommandResult>
    {
        public string? Email { get; set; }
        public string? GivenName { get; set; }
        public string? FamilyName { get; set; }
        public string? JobTitle { get; set; }
        public string? Password { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db, IOptions<IdentityOptions> identity)
        {
            RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your work email address")
                .MaximumLength(256).WithMessage("Email address must be 256 characters or fewer")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@school.example.org")
                // Exactly one: a domain on two organisations could not say whose staff someone is.
                .MustAsync(async (email, cancellationToken) =>
                    await KnownDomain.OrganisationFor(db, email).CountAsync(cancellationToken) == 1)
                .WithMessage("You cannot register with this email address. Use your work email address. If you did, your organisation " +
                    "may not use this service yet: ask the MASH to invite you");
            RuleFor(c => c.GivenName).NotEmpty().WithMessage("Enter your first name")
                .MaximumLength(PortalUser.NameMaxLength).WithMessage($"First name must be {PortalUser.NameMaxLength} characters or fewer");
            RuleFor(c => c.FamilyName).NotEmpty().WithMessage("Enter your last name")
                .MaximumLength(PortalUser.NameMaxLength).WithMessage($"Last name must be {PortalUser.NameMaxLength} characters or fewer");
            RuleFor(c => c.JobTitle).NotEmpty().WithMessage("Enter your job title")
                .MaximumLength(PortalUser.JobTitleMaxLength)
                    .WithMessage($"Job title must be {PortalUser.JobTitleMaxLength} characters or fewer");
            RuleFor(c => c.Password).NewPassword(identity.Value.Password);
        }
    }

    public static class KnownDomain
    {
        /// <summary>The active organisation whose staff use the e-mail address's domain.</summary>
        public static IQueryable<Organisation> OrganisationFor(PortalDbContext db, string? email)
        {
            var domain = EmailDomain.Of(email) ?? string.Empty;
            return db.Organisations.Where(o => o.IsActive && o.EmailDomains.Contains(domain));
        }
    }

    public sealed class Handler(
        PortalDbContext db, UserManager<PortalUser> users, AccountTokens tokens, IEmailOutbox outbox, IAuditTrail audit,
        PasswordWork passwordWork)
        : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var email = request.Email!.Trim();
            if (await users.FindByEmailAsync(email) is { } existing)
            {
                // Same page as a new registration, so nobody learns which addresses have accounts; the owner
                // of the address is told instead. The hash a new account would cost is spent too, so the time
                // taken does not tell either (docs/decisions/0104).
                passwordWork.Spend(request.Password);
                outbox.Enqueue(existing.Email!, EmailTemplate.AlreadyRegistered, "/account/forgot-password");
                await db.SaveChangesAsync(cancellationToken);
                return CommandResult.Saved;
            }

            var organisation = await KnownDomain.OrganisationFor(db, email).AsNoTracking().Select(o => new { o.Id, o.Name })
                .SingleAsync(cancellationToken);
            var user = new PortalUser
            {
                UserName = email,
                Email = email,
                GivenName = request.GivenName!.Trim(),
                FamilyName = request.FamilyName!.Trim(),
                JobTitle = request.JobTitle!.Trim(),
                OrganisationId = organisation.Id,
                AwaitingApproval = true,
            };
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded)
            {
                throw new RequestValidationException(request, [.. created.Errors.Select(e => new ValidationFailure(
                    e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal)
                        ? nameof(Command.Email) : nameof(Command.Password),
                    e.Description))]);
            }

            var token = await tokens.IssueAsync(user.Id, AccountTokenPurpose.EmailConfirmation, cancellationToken);
            outbox.Enqueue(email, EmailTemplate.ConfirmEmail, "/account/confirm-email?token=" + Uri.EscapeDataString(token));
            audit.Record(AccountEvents.Registered, nameof(PortalUser), user.Id.ToString(), $"Registered themselves at {organisation.Name}");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
