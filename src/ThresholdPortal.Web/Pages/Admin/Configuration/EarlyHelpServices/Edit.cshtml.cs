using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.EarlyHelpServices;

/// <summary>
/// Changing a service, or withdrawing it: a withdrawn service is no longer offered to referrers, and stays
/// in the directory so it can be offered again.
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
            return RedirectToPage("/Admin/Configuration/EarlyHelpServices/Index");
        });
    }

    public sealed record Query(Guid Id) : IQuery<Command?>;

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, Command?>
    {
        public Task<Command?> Handle(Query request, CancellationToken cancellationToken) =>
            db.EarlyHelpServices.AsNoTracking().Where(s => s.Id == request.Id)
                .Select(s => new Command
                {
                    Id = s.Id, Name = s.Name, Offer = s.Offer, MinimumAge = s.MinimumAge, MaximumAge = s.MaximumAge,
                    Area = s.Area, HowToAccess = s.HowToAccess, IsActive = s.IsActive,
                })
                .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Saves the changes; saved with whether there were any.</summary>
    public sealed class Command : EarlyHelpServiceFields, ICommand<CommandResult<bool>>
    {
        public Guid Id { get; set; }
        public bool? IsActive { get; set; }

        public override Guid? ExistingId => Id;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db)
        {
            this.AddEarlyHelpServiceRules(db);
            RuleFor(c => c.IsActive).NotNull().WithMessage("Select whether referrers can be offered this service");
        }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Command, CommandResult<bool>>
    {
        public async Task<CommandResult<bool>> Handle(Command request, CancellationToken cancellationToken)
        {
            var service = await db.EarlyHelpServices.SingleOrDefaultAsync(s => s.Id == request.Id, cancellationToken);
            if (service is null)
            {
                return CommandResult.NotFound;
            }

            var changes = request.ChangesFrom(service);
            var availability = service.IsActive == request.IsActive!.Value ? null : request.IsActive.Value ? "offered again" : "withdrawn";
            if (changes.Count == 0 && availability is null)
            {
                return CommandResult.SavedWith(false);
            }

            request.ApplyTo(service);
            service.IsActive = request.IsActive.Value;
            if (changes.Count > 0)
            {
                audit.Record(ConfigurationEvents.EarlyHelpServiceUpdated, nameof(EarlyHelpService), service.Id.ToString(),
                    "Changed " + string.Join("; ", changes));
            }

            if (availability is not null)
            {
                audit.Record(
                    service.IsActive ? ConfigurationEvents.EarlyHelpServiceReinstated : ConfigurationEvents.EarlyHelpServiceWithdrawn,
                    nameof(EarlyHelpService),
                    service.Id.ToString(),
                    $"{service.Name} {availability}");
            }

            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(true);
        }
    }
}
