using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Domain.Referrals.Quality;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.Glossary;

/// <summary>Adding a term; the quality checks use it from the next check.</summary>
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
            TempData.SetNotice($"{Data.Term!.Trim()} has been added to the glossary");
            return RedirectToPage("/Admin/Configuration/Glossary/Index");
        });
    }

    public sealed class Command : GlossaryTermFields, ICommand<CommandResult<Guid>>, IIdempotentCommand
    {
        /// <summary>The form's key: the same form sent twice creates once (docs/decisions/0105).</summary>
        public Guid? IdempotencyKey { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db) => this.AddGlossaryTermRules(db);
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Command, CommandResult<Guid>>
    {
        public async Task<CommandResult<Guid>> Handle(Command request, CancellationToken cancellationToken)
        {
            var entry = new GlossaryEntry { Term = request.Term!.Trim(), Meaning = request.Meaning!.Trim(),
                WidelyUnderstood = request.WidelyUnderstood!.Value };
            db.GlossaryTerms.Add(entry);
            audit.Record(ConfigurationEvents.GlossaryTermAdded, nameof(GlossaryEntry), entry.Id.ToString(),
                $"{entry.Term}: {entry.Meaning}" + (entry.WidelyUnderstood ? " (widely understood)" : string.Empty));
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(entry.Id);
        }
    }
}
