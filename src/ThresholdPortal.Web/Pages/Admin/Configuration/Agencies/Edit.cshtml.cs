using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.Agencies;

/// <summary>
/// Changing an agency on the checklist: its name, position, whether it is on the checklist for new cases,
/// who answers for it and its standard questions. Sent requests keep their own copies.
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
            return RedirectToPage("/Admin/Configuration/Agencies/Index");
        });
    }

    public sealed record Query(Guid Id) : IQuery<Command?>;

    /// <summary>Saves the changes: saved with whether there were any, or not found when there is no such agency.</summary>
    public sealed class Command : AgencyFields, ICommand<CommandResult<bool>>
    {
        public Guid Id { get; set; }

        public override Guid? ExistingId => Id;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db) => this.AddAgencyRules(db);
    }

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, Command?>
    {
        public async Task<Command?> Handle(Query request, CancellationToken cancellationToken)
        {
            var agency = await db.PartnerAgencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.Id, cancellationToken);
            if (agency is null)
            {
                return null;
            }

            var command = new Command { Id = agency.Id };
            AgencyFields.Fill(command, agency);
            return command;
        }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Command, CommandResult<bool>>
    {
        public async Task<CommandResult<bool>> Handle(Command request, CancellationToken cancellationToken)
        {
            var agency = await db.PartnerAgencies.SingleOrDefaultAsync(a => a.Id == request.Id, cancellationToken);
            if (agency is null)
            {
                return CommandResult.NotFound;
            }

            var before = new PartnerAgency
            {
                Key = agency.Key, Name = agency.Name, Description = agency.Description, Order = agency.Order, IsActive = agency.IsActive,
                RecipientKinds = [.. agency.RecipientKinds], StandardQuestions = [.. agency.StandardQuestions],
            };
            request.ApplyTo(agency);
            var changes = AgencyFields.Describe(before, agency);
            if (changes.Length == 0)
            {
                return CommandResult.SavedWith(false);
            }

            audit.Record(ConfigurationEvents.AgencyUpdated, nameof(PartnerAgency), agency.Id.ToString(), $"{agency.Name}: {changes}");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(true);
        }
    }
}
