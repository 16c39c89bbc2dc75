using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Referrals;

/// <summary>
/// Downloads an attachment, only for someone who may see its referral. Always as a download with the type
/// its content was checked to be, never shown inline.
/// </summary>
public sealed class AttachmentModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid attachmentId)
    {
        var file = await mediator.Send(new Query(attachmentId));
        return file is null ? NotFound() : File(file.Bytes, file.ContentType, file.FileName);
    }

    public sealed record Query(Guid AttachmentId) : IQuery<Download?>;

    public sealed record Download(string FileName, string ContentType, byte[] Bytes);

    public sealed class Handler(PortalDbContext db, ICurrentUser user, IAuditTrail audit) : IRequestHandler<Query, Download?>
    {
        public async Task<Download?> Handle(Query request, CancellationToken cancellationToken)
        {
            var attachment = await db.ReferralAttachments.AsNoTracking()
                .Where(a => a.Id == request.AttachmentId && db.Referrals.VisibleTo(db, user).Any(r => r.Id == a.ReferralId))
                .Select(a => new { a.FileName, a.ContentType, a.ReferralId })
                .SingleOrDefaultAsync(cancellationToken);
            if (attachment is null)
            {
                return null;
            }

            var bytes = await db.AttachmentContents.AsNoTracking()
                .Where(c => c.AttachmentId == request.AttachmentId).Select(c => c.Bytes).SingleAsync(cancellationToken);
            await audit.RecordNowAsync(CaseEvents.ReferralAttachmentDownloaded, CaseEvents.ReferralSubjectType,
                attachment.ReferralId.ToString(),
                $"Attachment {request.AttachmentId}", cancellationToken);
            return new Download(attachment.FileName, attachment.ContentType, bytes);
        }
    }
}
