using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.ThresholdDocuments;

/// <summary>Changing a level's local name, summary and description in a draft.</summary>
public sealed class LevelModel(IMediator mediator) : CommandPageModel
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string level)
    {
        if (Parse(level) is not { } parsed)
        {
            return NotFound();
        }

        var current = await mediator.Send(new Query(id, parsed));
        if (current is null)
        {
            return NotFound();
        }

        Data = current;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string level)
    {
        if (Parse(level) is not { } parsed)
        {
            return NotFound();
        }

        (Data.DocumentId, Data.Level) = (id, parsed);
        return OutcomeOf(await mediator.Send(Data), () =>
        {
            TempData.SetNotice($"{Data.Level.Number()} has been changed");
            return RedirectToPage("/Admin/Configuration/ThresholdDocuments/Version", new { id });
        });
    }

    /// <summary>The level from its number in the address (/level/{id}/3); a plain segment, so any address reaches authorization
    /// first.</summary>
    private static ThresholdLevel? Parse(string level) =>
        int.TryParse(level, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
        && Enum.IsDefined((ThresholdLevel)number) ? (ThresholdLevel)number : null;

    public sealed record Query(Guid DocumentId, ThresholdLevel Level) : IQuery<Command?>;

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, Command?>
    {
        public async Task<Command?> Handle(Query request, CancellationToken cancellationToken)
        {
            var document = await db.ThresholdDocuments.AsNoTracking().AsSplitQuery()
                .SingleOrDefaultAsync(d => d.Id == request.DocumentId && d.Status == ThresholdDocumentStatus.Draft, cancellationToken);
            var level = document?.Levels.SingleOrDefault(l => l.Level == request.Level);
            return level is null ? null : new Command
            {
                DocumentId = request.DocumentId, Level = level.Level, Name = level.Name, Summary = level.Summary,
                    Description = level.Description,
            };
        }
    }

    public sealed class Command : ICommand<CommandResult>
    {
        public Guid DocumentId { get; set; }
        public ThresholdLevel Level { get; set; }
        public string? Name { get; set; }
        public string? Summary { get; set; }
        public string? Description { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Level).IsInEnum();
            RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the level's name")
                .MaximumLength(ThresholdLevelDescription.NameMaxLength)
                    .WithMessage($"The name must be {ThresholdLevelDescription.NameMaxLength} characters or fewer");
            RuleFor(c => c.Summary).NotEmpty().WithMessage("Enter a one-sentence summary")
                .MaximumLength(ThresholdLevelDescription.SummaryMaxLength)
                    .WithMessage($"The summary must be {ThresholdLevelDescription.SummaryMaxLength} characters or fewer");
            RuleFor(c => c.Description).NotEmpty().WithMessage("Enter a description")
                .MaximumLength(ThresholdLevelDescription.DescriptionMaxLength)
                    .WithMessage($"The description must be {ThresholdLevelDescription.DescriptionMaxLength} characters or fewer");
        }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var draft = await db.DraftForEditAsync(request.DocumentId, request, nameof(Command.Name), cancellationToken);
            if (draft is null)
            {
                return CommandResult.NotFound;
            }

            var level = draft.Describe(request.Level);
            (level.Name, level.Summary, level.Description) = (request.Name!.Trim(), request.Summary!.Trim(), request.Description!.Trim());
            audit.Record(ConfigurationEvents.ThresholdLevelChanged, nameof(ThresholdDocument), draft.Id.ToString(),
                $"Version {draft.Version}: {request.Level.Number()} is now {level.Name}");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
