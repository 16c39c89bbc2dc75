using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.EarlyHelp;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.EarlyHelp.Cases;

/// <summary>
/// The hub's record of its work with a family: where it stands, what can be done next, the referral as it was sent
/// and the timeline. Each view and download is recorded before anything is shown.
/// </summary>
public sealed class DetailsModel(IMediator mediator) : PageModel
{
    public Result View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var view = await mediator.Send(new Query(id));
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, Guid attachmentId)
    {
        var file = await mediator.Send(new Download(id, attachmentId));
        return file is null ? NotFound() : File(file.Bytes, file.ContentType, file.FileName);
    }

    public sealed record Query(Guid Id) : IQuery<Result?>;

    public sealed record Download(Guid Id, Guid AttachmentId) : IQuery<Mash.Cases.AttachmentModel.Download?>;

    public sealed record Entry(DateTimeOffset At, string What, string? Detail, string By);

    public sealed record Result(EarlyHelpCaseView Case, ReferralSummary Referral, IReadOnlyList<Entry> Timeline, DateTimeOffset Now);

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var work = await EarlyHelpCaseView.LoadAsync(db, request.Id, now, cancellationToken);
            if (work is null)
            {
                return null;
            }

            await audit.RecordNowAsync(EarlyHelpEvents.Viewed, EarlyHelpEvents.SubjectType, work.Id.ToString(),
                cancellationToken: cancellationToken);
            var referral = await ReferralSummary.LoadAsync(db, db.Referrals.Where(r => r.Id == work.ReferralId), editable: false,
                cancellationToken);
            var subject = work.Id.ToString();
            var events = await db.AuditEvents.AsNoTracking()
                .Where(e => e.SubjectType == EarlyHelpEvents.SubjectType && e.SubjectId == subject)
                .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
                .Select(e => new
                {
                    e.OccurredAt, e.Action, e.Detail,
                    By = db.Users.Where(u => u.Id == e.UserId).Select(u => u.FullName).FirstOrDefault(),
                })
                .Take(200)
                .ToListAsync(cancellationToken);
            var timeline = events.Select(e =>
                new Entry(e.OccurredAt, EarlyHelpEvents.Describe(e.Action) ?? e.Action, e.Detail, e.By ?? "The system")).ToList();
            return new Result(work,
                referral! with { AttachmentLink = a => $"{EarlyHelpRoutes.Case(work.Id)}?handler=attachment&attachmentId={a}" },
                timeline, now);
        }
    }

    public sealed class DownloadHandler(PortalDbContext db, IAuditTrail audit)
        : IRequestHandler<Download, Mash.Cases.AttachmentModel.Download?>
    {
        public async Task<Mash.Cases.AttachmentModel.Download?> Handle(Download request, CancellationToken cancellationToken)
        {
            var attachment = await db.ReferralAttachments.AsNoTracking()
                .Where(a => a.Id == request.AttachmentId
                    && db.EarlyHelpCases.Any(c => c.Id == request.Id && c.ReferralId == a.ReferralId))
                .Select(a => new { a.FileName, a.ContentType })
                .SingleOrDefaultAsync(cancellationToken);
            if (attachment is null)
            {
                return null;
            }

            var bytes = await db.AttachmentContents.AsNoTracking()
                .Where(c => c.AttachmentId == request.AttachmentId).Select(c => c.Bytes).SingleAsync(cancellationToken);
            await audit.RecordNowAsync(EarlyHelpEvents.AttachmentDownloaded, EarlyHelpEvents.SubjectType, request.Id.ToString(),
                $"Attachment {request.AttachmentId}", cancellationToken);
            return new Mash.Cases.AttachmentModel.Download(attachment.FileName, attachment.ContentType, bytes);
        }
    }
}
