using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.ThresholdDocuments;

/// <summary>One version's levels and indicators; for a draft, the links to change it and the publish button.</summary>
public sealed class VersionModel(IMediator mediator) : CommandPageModel, IReloadOnInvalid
{
    [FromRoute]
    public Guid Id { get; set; }

    public ThresholdDocument Document { get; private set; } = null!;

    [BindProperty]
    public Publish Data { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var document = await mediator.Send(new Query(Id));
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Data.Id = Id;
        return OutcomeOf(await mediator.Send(Data), version =>
        {
            TempData.SetNotice($"Version {version} has been published. New referrals will use it");
            return RedirectToPage("/Admin/Configuration/ThresholdDocuments/Index");
        });
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new Query(Id), cancellationToken) is not { } document)
        {
            return false;
        }

        Document = document;
        return true;
    }

    public sealed record Query(Guid Id) : IQuery<ThresholdDocument?>;

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, ThresholdDocument?>
    {
        public Task<ThresholdDocument?> Handle(Query request, CancellationToken cancellationToken) =>
            db.ThresholdDocuments.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(d => d.Id == request.Id, cancellationToken);
    }

    /// <summary>Publishes the draft, retiring the version it replaces; refused, with every problem listed, while the draft is not
    /// usable.</summary>
    public sealed class Publish : ICommand<CommandResult<int>>
    {
        public Guid Id { get; set; }
    }

    public sealed class PublishHandler(PortalDbContext db, IAuditTrail audit, TimeProvider clock)
        : IRequestHandler<Publish, CommandResult<int>>
    {
        public async Task<CommandResult<int>> Handle(Publish request, CancellationToken cancellationToken)
        {
            var draft = await db.DraftForEditAsync(request.Id, request, string.Empty, cancellationToken);
            if (draft is null)
            {
                return CommandResult.NotFound;
            }

            var problems = ThresholdDocumentPublication.Problems(draft);
            if (problems.Count > 0)
            {
                throw new RequestValidationException(request, [.. problems.Select(p => new ValidationFailure(string.Empty,
                    $"This version cannot be published: {p}"))]);
            }

            var currentId = await db.CurrentDocumentIdAsync(cancellationToken);
            var current = currentId is null ? null
                : await db.ThresholdDocuments.AsSplitQuery().SingleAsync(d => d.Id == currentId, cancellationToken);
            var today = UkTime.Today(clock);
            ThresholdDocumentPublication.Publish(draft, current, today);
            audit.Record(ConfigurationEvents.ThresholdPublished, nameof(ThresholdDocument), draft.Id.ToString(),
                $"{draft.Name} version {draft.Version} published"
                    + (current is null ? string.Empty : $"; version {current.Version} retired"));
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(draft.Version);
        }
    }
}
