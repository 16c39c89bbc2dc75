using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals.Quality;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.Glossary;

/// <summary>Changing a term or removing it. Flags already recorded on sent referrals are unchanged.</summary>
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
            TempData.SetNotice(changed ? $"{Data.Term!.Trim()} has been changed" : "Nothing was changed");
            return RedirectToPage("/Admin/Configuration/Glossary/Index");
        });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        return OutcomeOf(await mediator.Send(new Remove(id)), term =>
        {
            TempData.SetNotice($"{term} has been removed from the glossary");
            return RedirectToPage("/Admin/Configuration/Glossary/Index");
        });
    }

    public sealed record Query(Guid Id) : IQuery<Command?>;

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, Command?>
    {
        public Task<Command?> Handle(Query request, CancellationToken cancellationToken) =>
            db.GlossaryTerms.AsNoTracking().Where(g => g.Id == request.Id)
                .Select(g => new Command { Id = g.Id, Term = g.Term, Meaning = g.Meaning, WidelyUnderstood = g.WidelyUnderstood })
                .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Saves the changes; saved with whether there were any.</summary>
    public sealed class Command : GlossaryTermFields, ICommand<CommandResult<bool>>
    {
        public Guid Id { get; set; }

        public override Guid? ExistingId => Id;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db) => this.AddGlossaryTermRules(db);
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Command, CommandResult<bool>>
    {
        public async Task<CommandResult<bool>> Handle(Command request, CancellationToken cancellationToken)
        {
            var entry = await db.GlossaryTerms.SingleOrDefaultAsync(g => g.Id == request.Id, cancellationToken);
            if (entry is null)
            {
                return CommandResult.NotFound;
            }

            var (term, meaning, widely) = (request.Term!.Trim(), request.Meaning!.Trim(), request.WidelyUnderstood!.Value);
            var changes = new List<string>();
            if (entry.Term != term)
            {
                changes.Add($"term {entry.Term} to {term}");
            }

            if (entry.Meaning != meaning)
            {
                changes.Add($"meaning “{entry.Meaning}” to “{meaning}”");
            }

            if (entry.WidelyUnderstood != widely)
            {
                changes.Add(widely ? "now widely understood" : "no longer widely understood");
            }

            if (changes.Count == 0)
            {
                return CommandResult.SavedWith(false);
            }

            (entry.Term, entry.Meaning, entry.WidelyUnderstood) = (term, meaning, widely);
            audit.Record(ConfigurationEvents.GlossaryTermChanged, nameof(GlossaryEntry), entry.Id.ToString(),
                "Changed " + string.Join("; ", changes));
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(true);
        }
    }

    /// <summary>Removes the term; returns it, for the notice.</summary>
    public sealed record Remove(Guid Id) : ICommand<CommandResult<string>>;

    public sealed class RemoveHandler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Remove, CommandResult<string>>
    {
        public async Task<CommandResult<string>> Handle(Remove request, CancellationToken cancellationToken)
        {
            var entry = await db.GlossaryTerms.SingleOrDefaultAsync(g => g.Id == request.Id, cancellationToken);
            if (entry is null)
            {
                return CommandResult.NotFound;
            }

            db.GlossaryTerms.Remove(entry);
            audit.Record(ConfigurationEvents.GlossaryTermRemoved, nameof(GlossaryEntry), entry.Id.ToString(),
                $"{entry.Term}: {entry.Meaning}");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(entry.Term);
        }
    }
}
