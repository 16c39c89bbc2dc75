using System.Text.RegularExpressions;
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

/// <summary>Adding an agency to the checklist; when active, every case's checklist shows it from the next view.</summary>
public sealed partial class CreateModel(IMediator mediator) : CommandPageModel
{
    [BindProperty]
    public Command Data { get; set; } = new() { IsActive = true };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        return OutcomeOf(await mediator.Send(Data), _ =>
        {
            TempData.SetNotice($"{Data.Name!.Trim()} has been added to the agency checklist");
            return RedirectToPage("/Admin/Configuration/Agencies/Index");
        });
    }

    public sealed class Command : AgencyFields, ICommand<CommandResult<Guid>>, IIdempotentCommand
    {
        /// <summary>The form's key: the same form sent twice creates once (docs/decisions/0105).</summary>
        public Guid? IdempotencyKey { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db) => this.AddAgencyRules(db);
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Command, CommandResult<Guid>>
    {
        public async Task<CommandResult<Guid>> Handle(Command request, CancellationToken cancellationToken)
        {
            var stem = NotKeyCharacters().Replace(request.Name!.Trim().ToLowerInvariant(), "-").Trim('-');
            stem = stem.Length == 0 ? "agency" : stem[..Math.Min(stem.Length, PartnerAgency.KeyMaxLength - 4)];
            var taken = await db.PartnerAgencies.Where(a => a.Key.StartsWith(stem)).Select(a => a.Key).ToListAsync(cancellationToken);
            var key = stem;
            for (var n = 2; taken.Contains(key); n++)
            {
                key = $"{stem}-{n}";
            }

            var agency = new PartnerAgency { Key = key, Name = string.Empty };
            request.ApplyTo(agency);
            db.PartnerAgencies.Add(agency);
            audit.Record(ConfigurationEvents.AgencyCreated, nameof(PartnerAgency), agency.Id.ToString(),
                $"{agency.Name} (position {agency.Order}, {(agency.IsActive ? "on the checklist" : "not on the checklist")}); answered " +
                    $"by {AgencyFields.Answerers(agency.RecipientKinds)}; {agency.StandardQuestions.Count} standard questions");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(agency.Id);
        }
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotKeyCharacters();
}
