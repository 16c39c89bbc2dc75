using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Mash.EarlyHelp;

/// <summary>One early help request as it was sent; viewing it and downloading its attachments are logged.</summary>
public sealed class RequestModel(IMediator mediator) : PageModel
{
    public const string Viewed = "early-help.viewed";
    public const string AttachmentDownloaded = "early-help.attachment.downloaded";

    public ReferralSummary View { get; private set; } = null!;

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

    public sealed record Query(Guid ReferralId) : IQuery<ReferralSummary?>;

    public sealed record Download(Guid ReferralId, Guid AttachmentId) : IQuery<Cases.AttachmentModel.Download?>;

    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Query, ReferralSummary?>
    {
        public async Task<ReferralSummary?> Handle(Query request, CancellationToken cancellationToken)
        {
            var summary = await ReferralSummary.LoadAsync(db, EarlyHelpRequests.Find(db, request.ReferralId), editable: false,
                cancellationToken);
            if (summary is null)
            {
                return null;
            }

            await audit.RecordNowAsync(Viewed, CaseEvents.ReferralSubjectType, request.ReferralId.ToString(),
                cancellationToken: cancellationToken);
            return summary with { AttachmentLink = attachmentId => MashRoutes.EarlyHelpAttachment(request.ReferralId, attachmentId) };
        }
    }

    public sealed class DownloadHandler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Download, Cases.AttachmentModel.Download?>
    {
        public async Task<Cases.AttachmentModel.Download?> Handle(Download request, CancellationToken cancellationToken)
        {
            var attachment = await db.ReferralAttachments.AsNoTracking()
                .Where(a =>
                    a.Id == request.AttachmentId && a.ReferralId == request.ReferralId
                    && EarlyHelpRequests.Find(db, request.ReferralId).Any())
                .Select(a => new { a.FileName, a.ContentType })
                .SingleOrDefaultAsync(cancellationToken);
            if (attachment is null)
            {
                return null;
            }

            var bytes = await db.AttachmentContents.AsNoTracking()
                .Where(c => c.AttachmentId == request.AttachmentId).Select(c => c.Bytes).SingleAsync(cancellationToken);
            await audit.RecordNowAsync(AttachmentDownloaded, CaseEvents.ReferralSubjectType, request.ReferralId.ToString(),
                $"Attachment {request.AttachmentId}", cancellationToken);
            return new Cases.AttachmentModel.Download(attachment.FileName, attachment.ContentType, bytes);
        }
    }
}

public static class EarlyHelpRequests
{
    /// <summary>The received early help request with this id, if it is one.</summary>
    public static IQueryable<Referral> Find(PortalDbContext db, Guid id) =>
        db.Referrals.Where(r => r.Id == id && r.Status == ReferralStatus.Submitted && r.Kind == ReferralKind.EarlyHelpRequest);
}
