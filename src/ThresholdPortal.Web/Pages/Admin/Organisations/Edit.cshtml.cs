using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.Organisations;

/// <summary>
/// Changing an organisation. Saved only if nobody changed it since the form was shown (PostgreSQL's xmin).
/// An inactive organisation cannot be chosen for new users or registrations; its existing users are unchanged.
/// </summary>
public sealed class EditModel(IMediator mediator) : CommandPageModel
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var current = await mediator.Send(new Query(id));
        if (current is null)
        {
            return NotFound();
        }

        Data = current;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Data.Id = id;
        return OutcomeOf(await mediator.Send(Data), changed =>
        {
            TempData.SetNotice(changed ? $"{Data.Name!.Trim()} has been changed" : "Nothing was changed");
            return RedirectToPage("/Admin/Organisations/Index");
        });
    }

    public sealed record Query(Guid Id) : IQuery<Command?>;

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, Command?>
    {
        public async Task<Command?> Handle(Query request, CancellationToken cancellationToken)
        {
            return await db.Organisations.AsNoTracking()
                .Where(o => o.Id == request.Id)
                .Select(o => new Command
                {
                    Id = o.Id,
                    Name = o.Name,
                    Kind = o.Kind,
                    EmailDomains = string.Join("\n", o.EmailDomains),
                    SharedReferralVisibility = o.SharedReferralVisibility,
                    IsActive = o.IsActive,
                    Version = EF.Property<uint>(o, OrganisationConfiguration.Version),
                })
                .SingleOrDefaultAsync(cancellationToken);
        }
    }

    /// <summary>Saves the changes; saved with whether there were any.</summary>
    public sealed class Command : OrganisationFields, ICommand<CommandResult<bool>>
    {
        public Guid Id { get; set; }
        public bool? IsActive { get; set; }

        /// <summary>The row version the form was filled in from.</summary>
        public uint Version { get; set; }

        public override Guid? ExistingId => Id;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db)
        {
            this.AddOrganisationRules(db);
            RuleFor(c => c.IsActive).NotNull().WithMessage("Select whether the organisation is active");
        }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Command, CommandResult<bool>>
    {
        public async Task<CommandResult<bool>> Handle(Command request, CancellationToken cancellationToken)
        {
            var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.Id, cancellationToken);
            if (organisation is null)
            {
                return CommandResult.NotFound;
            }

            var (name, kind, domains, shared, active) = (request.Name!.Trim(), request.Kind!.Value, request.ParsedDomains(),
                request.SharedReferralVisibility!.Value, request.IsActive!.Value);
            var changes = OrganisationChanges.Between(organisation, name, kind, domains, shared, active);
            if (changes.Count == 0)
            {
                return CommandResult.SavedWith(false);
            }

            db.Entry(organisation).Property<uint>(OrganisationConfiguration.Version).OriginalValue = request.Version;
            (organisation.Name, organisation.Kind, organisation.EmailDomains, organisation.SharedReferralVisibility,
                organisation.IsActive) =
                (name, kind, [.. domains], shared, active);
            audit.Record(ConfigurationEvents.OrganisationUpdated, nameof(Organisation), organisation.Id.ToString(),
                "Changed " + string.Join("; ", changes));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new RequestValidationException(request, [new ValidationFailure(nameof(Command.Name),
                    "Someone else changed this organisation while you were editing it. Go back to the list, open it again and make your " +
                        "changes")]);
            }

            return CommandResult.SavedWith(true);
        }
    }
}
