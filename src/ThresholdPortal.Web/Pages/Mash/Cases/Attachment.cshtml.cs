using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Mash.Cases;

/// <summary>Downloads an attachment of the case's referral, always as a download, and logs who took it.</summary>
public sealed class AttachmentModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId)
    {
        var file = await mediator.Send(new Query(id, attachmentId));
        return file is null ? NotFound() : File(file.Bytes, file.ContentType, file.FileName);
    }

    public sealed record Query(Guid CaseId, Guid AttachmentId) : IQuery<Download?>;

    public sealed record Download(string FileName, string ContentType, byte[] Bytes);

    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Query, Download?>
    {
        public async Task<Download?> Handle(Query request, CancellationToken cancellationToken)
        {
            var attachment = await db.ReferralAttachments.AsNoTracking()
                .Where(a => a.Id == request.AttachmentId && db.MashCases.Any(c => c.Id == request.CaseId && c.ReferralId == a.ReferralId))
                .Select(a => new { a.FileName, a.ContentType })
                .SingleOrDefaultAsync(cancellationToken);
            if (attachment is null)
            {
                return null;
            }

            var bytes = await db.AttachmentContents.AsNoTracking()
                .Where(c => c.AttachmentId == request.AttachmentId).Select(c => c.Bytes).SingleAsync(cancellationToken);
            await audit.RecordNowAsync(CaseEvents.AttachmentDownloaded, CaseEvents.SubjectType, request.CaseId.ToString(),
                $"Attachment {request.AttachmentId}", cancellationToken);
            return new Download(attachment.FileName, attachment.ContentType, bytes);
        }
    }
}
