using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Mash.Cases.InformationRequests;

/// <summary>Downloads a document an agency sent with its answer to one of the case's requests, and logs who took it.</summary>
public sealed class AttachmentModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId)
    {
        var file = await mediator.Send(new Query(id, attachmentId));
        return file is null ? NotFound() : File(file.Bytes, file.ContentType, file.FileName);
    }

    public sealed record Query(Guid CaseId, Guid AttachmentId) : IQuery<ResponseAttachments.Download?>;

    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Query, ResponseAttachments.Download?>
    {
        public async Task<ResponseAttachments.Download?> Handle(Query request, CancellationToken cancellationToken)
        {
            var file = await ResponseAttachments.LoadAsync(db, db.InformationRequests.Where(r => r.CaseId == request.CaseId),
                request.AttachmentId, cancellationToken);
            if (file is null)
            {
                return null;
            }

            await audit.RecordNowAsync(InformationRequestEvents.AttachmentDownloaded, CaseEvents.SubjectType, request.CaseId.ToString(),
                InformationRequestEvents.Detail(file.AgencyName, file.RequestId) + $"; attachment {request.AttachmentId}",
                    cancellationToken);
            return file;
        }
    }
}
