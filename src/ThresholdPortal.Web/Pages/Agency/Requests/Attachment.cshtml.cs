using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Agency.Requests;

/// <summary>Downloads a document the responder's organisation sent with an answer; only its own organisation's.</summary>
public sealed class AttachmentModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid requestId, Guid attachmentId)
    {
        var file = await mediator.Send(new Query(requestId, attachmentId));
        return file is null ? NotFound() : File(file.Bytes, file.ContentType, file.FileName);
    }

    public sealed record Query(Guid RequestId, Guid AttachmentId) : IQuery<ResponseAttachments.Download?>;

    public sealed class Handler(PortalDbContext db, ICurrentUser user, IAuditTrail audit) : IRequestHandler<Query,
        ResponseAttachments.Download?>
    {
        public async Task<ResponseAttachments.Download?> Handle(Query request, CancellationToken cancellationToken)
        {
            var file = await ResponseAttachments.LoadAsync(db,
                db.InformationRequests.AddressedTo(user).Where(r => r.Id == request.RequestId), request.AttachmentId, cancellationToken);
            if (file is null)
            {
                return null;
            }

            await audit.RecordNowAsync(InformationRequestEvents.AttachmentDownloaded, CaseEvents.SubjectType, file.CaseId.ToString(),
                InformationRequestEvents.Detail(file.AgencyName, file.RequestId) + $"; attachment {request.AttachmentId}",
                    cancellationToken);
            return file;
        }
    }
}
