using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.ThresholdDocuments;

/// <summary>Every version of the threshold document, and the start of a new one: a draft copied from the current version.</summary>
public sealed class IndexModel(IMediator mediator) : CommandPageModel, IReloadOnInvalid
{
    public IReadOnlyList<Row> Versions { get; private set; } = [];

    [BindProperty]
    public CreateDraft Data { get; set; } = new();

    public async Task OnGetAsync() => Versions = await mediator.Send(new Query());

    public async Task<IActionResult> OnPostAsync()
    {
        return OutcomeOf(await mediator.Send(Data), draftId =>
        {
            TempData.SetNotice("A new draft version has been created from the current one");
            return RedirectToPage("/Admin/Configuration/ThresholdDocuments/Version", new { id = draftId });
        });
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        Versions = await mediator.Send(new Query(), cancellationToken);
        return true;
    }

    public sealed record Row(Guid Id, string Name, int Version, ThresholdDocumentStatus Status, DateOnly PublishedOn, int Indicators,
        int Referrals);

    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.ThresholdDocuments.AsNoTracking()
                .IgnoreAutoIncludes()
                .OrderByDescending(d => d.Version)
                .Select(d => new Row(d.Id, d.Name, d.Version, d.Status, d.PublishedOn, d.Indicators.Count,
                    db.Referrals.Count(r => r.ThresholdDocumentId == d.Id)))
                .ToListAsync(cancellationToken);
    }

    /// <summary>Copies the published version into a new draft; refused while a draft already exists.</summary>
    public sealed class CreateDraft : ICommand<CommandResult<Guid>>, IIdempotentCommand
    {
        /// <summary>The form's key: the same form sent twice creates once (docs/decisions/0105).</summary>
        public Guid? IdempotencyKey { get; set; }
    }

    public sealed class CreateDraftHandler(PortalDbContext db, IAuditTrail audit, TimeProvider clock)
        : IRequestHandler<CreateDraft, CommandResult<Guid>>
    {
        public async Task<CommandResult<Guid>> Handle(CreateDraft request, CancellationToken cancellationToken)
        {
            var currentId = await db.CurrentDocumentIdAsync(cancellationToken)
                ?? throw new InvalidOperationException("There is no published threshold document to copy.");
            var current = await db.DocumentAsync(currentId, cancellationToken);
            if (await db.ThresholdDocuments.AnyAsync(d => d.Key == current.Key && d.Status == ThresholdDocumentStatus.Draft,
                cancellationToken))
            {
                throw new RequestValidationException(request, [new ValidationFailure(string.Empty,
                    "There is already a draft version. Change or publish that draft before you start another")]);
            }

            var next = await db.ThresholdDocuments.Where(d => d.Key == current.Key).MaxAsync(d => d.Version, cancellationToken) + 1;
            var draft = current.NewDraft(next, clock.GetUtcNow());
            db.ThresholdDocuments.Add(draft);
            audit.Record(ConfigurationEvents.ThresholdDraftCreated, nameof(ThresholdDocument), draft.Id.ToString(),
                $"{draft.Name} version {draft.Version}, copied from version {current.Version}");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(draft.Id);
        }
    }
}
