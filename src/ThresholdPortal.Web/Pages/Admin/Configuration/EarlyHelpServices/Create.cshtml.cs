using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.EarlyHelpServices;

/// <summary>Adding a service to the early help directory; it is offered to referrers at once.</summary>
public sealed class CreateModel(IMediator mediator) : CommandPageModel
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        return OutcomeOf(await mediator.Send(Data), _ =>
        {
            TempData.SetNotice($"{Data.Name!.Trim()} has been added");
            return RedirectToPage("/Admin/Configuration/EarlyHelpServices/Index");
        });
    }

    public sealed class Command : EarlyHelpServiceFields, ICommand<CommandResult<Guid>>, IIdempotentCommand
    {
        /// <summary>The form's key: the same form sent twice creates once (docs/decisions/0105).</summary>
        public Guid? IdempotencyKey { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db) => this.AddEarlyHelpServiceRules(db);
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Command, CommandResult<Guid>>
    {
        public async Task<CommandResult<Guid>> Handle(Command request, CancellationToken cancellationToken)
        {
            var service = new EarlyHelpService { Name = string.Empty, Offer = string.Empty, Area = string.Empty,
                HowToAccess = string.Empty };
            request.ApplyTo(service);
            db.EarlyHelpServices.Add(service);
            audit.Record(ConfigurationEvents.EarlyHelpServiceCreated, nameof(EarlyHelpService), service.Id.ToString(),
                $"{service.Name}; ages {service.AgeRange}; {service.Area}");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(service.Id);
        }
    }
}
