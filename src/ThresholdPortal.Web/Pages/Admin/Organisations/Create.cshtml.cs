using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.Organisations;

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
            return RedirectToPage("/Admin/Organisations/Index");
        });
    }

    public sealed class Command : OrganisationFields, ICommand<CommandResult<Guid>>, IIdempotentCommand
    {
        /// <summary>The form's key: the same form sent twice creates once (docs/decisions/0105).</summary>
        public Guid? IdempotencyKey { get; set; }

        public override Guid? ExistingId => null;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db) => this.AddOrganisationRules(db);
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Command, CommandResult<Guid>>
    {
        public async Task<CommandResult<Guid>> Handle(Command request, CancellationToken cancellationToken)
        {
            var organisation = new Organisation
            {
                Name = request.Name!.Trim(),
                Kind = request.Kind!.Value,
                EmailDomains = [.. request.ParsedDomains()],
                SharedReferralVisibility = request.SharedReferralVisibility!.Value,
            };
            db.Organisations.Add(organisation);
            audit.Record(ConfigurationEvents.OrganisationCreated, nameof(Organisation), organisation.Id.ToString(),
                OrganisationChanges.Describe(organisation));
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(organisation.Id);
        }
    }
}
