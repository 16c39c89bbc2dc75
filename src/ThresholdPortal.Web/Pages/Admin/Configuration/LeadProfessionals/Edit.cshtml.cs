using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.LeadProfessionals;

/// <summary>Adds a lead professional to the directory (no id), or changes or withdraws one.</summary>
public sealed class EditModel(IMediator mediator) : CommandPageModel
{
    [BindProperty]
    public Command Data { get; set; } = new() { IsActive = true };

    public bool Adding => Data.Id is null;

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (id is null)
        {
            return Page();
        }

        var current = await mediator.Send(new Query(id.Value));
        if (current is null)
        {
            return NotFound();
        }

        Data = current;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        Data.Id = id;
        return OutcomeOf(await mediator.Send(Data), name =>
        {
            TempData.SetNotice(id is null ? $"{name} has been added" : $"{name} has been saved");
            return RedirectToPage("/Admin/Configuration/LeadProfessionals/Index");
        });
    }

    public sealed record Query(Guid Id) : IQuery<Command?>;

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, Command?>
    {
        public Task<Command?> Handle(Query request, CancellationToken cancellationToken) =>
            db.LeadProfessionals.AsNoTracking().Where(p => p.Id == request.Id)
                .Select(p => new Command { Id = p.Id, Name = p.Name, Kind = p.Kind, Contact = p.Contact, IsActive = p.IsActive })
                .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Saves the entry; saved with its name.</summary>
    public sealed class Command : ICommand<CommandResult<string>>, IIdempotentCommand
    {
        public Guid? IdempotencyKey { get; set; }
        public Guid? Id { get; set; }
        public string? Name { get; set; }
        public LeadProfessionalKind? Kind { get; set; }
        public string? Contact { get; set; }
        public bool? IsActive { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db)
        {
            RuleFor(c => c.Name).RequiredAnswer("Enter the name", "The name", LeadProfessional.NameMaxLength)
                .MustAsync(async (c, name, ct) => !await db.LeadProfessionals.AnyAsync(p => p.Name == name!.Trim() && p.Id != c.Id, ct))
                .When(c => !string.IsNullOrWhiteSpace(c.Name)).WithMessage("There is already a lead professional with this name");
            RuleFor(c => c.Kind).NotNull().WithMessage("Select the kind of service").IsInEnum().WithMessage("Select the kind of service");
            RuleFor(c => c.Contact).RequiredAnswer("Enter how the hub reaches them", "The contact", LeadProfessional.ContactMaxLength);
            RuleFor(c => c.IsActive).NotNull().WithMessage("Select whether the hub can allocate families to them");
        }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Command, CommandResult<string>>
    {
        public async Task<CommandResult<string>> Handle(Command request, CancellationToken cancellationToken)
        {
            var lead = request.Id is { } id ? await db.LeadProfessionals.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
            if (request.Id is not null && lead is null)
            {
                return CommandResult.NotFound;
            }

            var name = ReferralValidation.Clean(request.Name)!;
            var contact = ReferralValidation.Clean(request.Contact)!;
            if (lead is null)
            {
                lead = new LeadProfessional
                {
                    Name = name, Kind = request.Kind!.Value, Contact = contact, IsActive = request.IsActive!.Value,
                };
                db.LeadProfessionals.Add(lead);
                audit.Record(ConfigurationEvents.LeadProfessionalCreated, nameof(LeadProfessional), lead.Id.ToString(), name);
            }
            else
            {
                (lead.Name, lead.Kind, lead.Contact, lead.IsActive) = (name, request.Kind!.Value, contact, request.IsActive!.Value);
                audit.Record(ConfigurationEvents.LeadProfessionalUpdated, nameof(LeadProfessional), lead.Id.ToString(),
                    name + (lead.IsActive ? "" : " (withdrawn)"));
            }

            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(name);
        }
    }
}
