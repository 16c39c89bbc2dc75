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
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.Users;

/// <summary>
/// Moving a user to another organisation or changing their roles. Their sessions end (the security stamp
/// changes), so they sign in again with the new organisation and roles in their cookie.
/// </summary>
public sealed class EditModel(IMediator mediator) : CommandPageModel, IReloadOnInvalid
{
    [BindProperty]
    public Command Data { get; set; } = new();

    [FromRoute]
    public Guid Id { get; set; }

    public UserHeading Heading { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var current = await mediator.Send(new Query(id));
        if (current is null)
        {
            return NotFound();
        }

        Data = current.Values;
        (Heading, Organisations) = (current.Heading, current.Organisations);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Data.Id = id;
        return OutcomeOf(await mediator.Send(Data), changed =>
        {
            TempData.SetNotice(changed ? "Organisation and roles saved. The user has been signed out so the change applies at once"
                : "Nothing was changed");
            return RedirectToPage("/Admin/Users/Details", new { id });
        });
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new Query(Id), cancellationToken) is not { } current)
        {
            return false;
        }

        (Heading, Organisations) = (current.Heading, current.Organisations);
        return true;
    }

    public sealed record Query(Guid Id) : IQuery<Form?>;

    public sealed record Form(UserHeading Heading, Command Values, IReadOnlyList<SelectListItem> Organisations);

    public sealed class QueryHandler(IMediator mediator, PortalDbContext db) : IRequestHandler<Query, Form?>
    {
        public async Task<Form?> Handle(Query request, CancellationToken cancellationToken)
        {
            var heading = await mediator.Send(new UserHeading.Query(request.Id), cancellationToken);
            if (heading is null)
            {
                return null;
            }

            var organisationId = await db.Users.Where(u => u.Id == request.Id).Select(u => u.OrganisationId).SingleAsync(cancellationToken);
            var roles = await db.UserRoles.AsNoTracking()
                .Where(ur => ur.UserId == request.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                .ToListAsync(cancellationToken);
            // Active organisations, and the user's own even if it has since been made inactive.
            var organisations = await db.Organisations.AsNoTracking()
                .Where(o => o.IsActive || o.Id == organisationId)
                .OrderBy(o => o.Name)
                .Select(o => new SelectListItem(o.Name, o.Id.ToString()))
                .ToListAsync(cancellationToken);
            return new Form(heading, new Command { Id = request.Id, OrganisationId = organisationId, Roles = roles }, organisations);
        }
    }

    /// <summary>Saves the organisation and roles; saved with whether they changed.</summary>
    public sealed class Command : ICommand<CommandResult<bool>>
    {
        public Guid Id { get; set; }
        public Guid? OrganisationId { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db, ICurrentUser current)
        {
            RuleFor(c => c.OrganisationId).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Choose their organisation")
                .MustAsync(async (command, organisationId, cancellationToken) => await db.Organisations.AnyAsync(
                    o => o.Id == organisationId && (o.IsActive || db.Users.Any(u => u.Id == command.Id && u.OrganisationId == o.Id)),
                        cancellationToken))
                .WithMessage("Choose an active organisation from the list");
            RuleFor(c => c.Roles).PortalRoles()
                .Must((command, roles) => command.Id != current.Id || roles.Contains(PortalRole.Administrator))
                .WithMessage("You cannot remove your own administrator role. Ask another administrator to do it");
        }
    }

    public sealed class Handler(PortalDbContext db, UserManager<PortalUser> users, IAuditTrail audit)
        : IRequestHandler<Command, CommandResult<bool>>
    {
        public async Task<CommandResult<bool>> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.Id.ToString()) ?? throw new InvalidOperationException("No such user.");
            var oldRoles = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
            var newRoles = request.Roles.ToHashSet(StringComparer.Ordinal);
            var changes = new List<string>();
            if (user.OrganisationId != request.OrganisationId)
            {
                var names = await db.Organisations.Where(o => o.Id == user.OrganisationId || o.Id == request.OrganisationId)
                    .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
                changes.Add($"organisation {names[user.OrganisationId]} to {names[request.OrganisationId!.Value]}");
                user.OrganisationId = request.OrganisationId!.Value;
            }

            if (!oldRoles.SetEquals(newRoles))
            {
                (await users.RemoveFromRolesAsync(user, oldRoles.Except(newRoles))).EnsureSucceeded();
                (await users.AddToRolesAsync(user, newRoles.Except(oldRoles))).EnsureSucceeded();
                changes.Add($"roles {Describe(oldRoles)} to {Describe(newRoles)}");
            }

            if (changes.Count == 0)
            {
                return CommandResult.SavedWith(false);
            }

            // The cookie carries organisation and roles: end the user's sessions so none keeps the old ones.
            (await users.UpdateSecurityStampAsync(user)).EnsureSucceeded();
            await audit.RecordNowAsync(AccountEvents.Updated, nameof(PortalUser), user.Id.ToString(), "Changed " + string.Join("; ",
                changes),
                cancellationToken);
            return CommandResult.SavedWith(true);
        }

        private static string Describe(IEnumerable<string> roles) =>
            roles.Any() ? string.Join(", ", roles.Order(StringComparer.Ordinal).Select(PortalRole.DisplayName)) : "none";
    }
}
