using MediatR;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.ThresholdDocuments;

/// <summary>
/// Asks before throwing away an unpublished draft. No referral is ever judged against a draft, so discarding one
/// loses nothing a referral needs; published and retired versions cannot be discarded.
/// </summary>
public sealed class DiscardModel(IMediator mediator) : CommandPageModel, IReloadOnInvalid
{
    [FromRoute]
    public Guid Id { get; set; }

    public ThresholdDocument Document { get; private set; } = null!;

    [BindProperty]
    public DiscardDraft Data { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await ReloadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        Data.Id = Id;
        return OutcomeOf(await mediator.Send(Data), version =>
        {
            TempData.SetNotice($"The draft of version {version} has been discarded");
            return RedirectToPage("/Admin/Configuration/ThresholdDocuments/Index");
        });
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new VersionModel.Query(Id), cancellationToken) is not { Status: ThresholdDocumentStatus.Draft } draft)
        {
            return false;
        }

        Document = draft;
        return true;
    }

    /// <summary>Deletes the draft with its levels and indicators, audited; refused for a version that is not a draft.</summary>
    public sealed class DiscardDraft : ICommand<CommandResult<int>>
    {
        public Guid Id { get; set; }
    }

    public sealed class DiscardDraftHandler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<DiscardDraft, CommandResult<int>>
    {
        public async Task<CommandResult<int>> Handle(DiscardDraft request, CancellationToken cancellationToken)
        {
            var draft = await db.DraftForEditAsync(request.Id, request, string.Empty, cancellationToken);
            if (draft is null)
            {
                return CommandResult.NotFound;
            }

            db.ThresholdDocuments.Remove(draft);
            audit.Record(ConfigurationEvents.ThresholdDraftDiscarded, nameof(ThresholdDocument), draft.Id.ToString(),
                $"{draft.Name} version {draft.Version} draft discarded");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(draft.Version);
        }
    }
}
