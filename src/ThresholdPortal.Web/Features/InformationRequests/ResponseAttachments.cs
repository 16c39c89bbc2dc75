using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.InformationRequests;

/// <summary>
/// Loads a response attachment, only from the requests the caller may see (a case's for the MASH, an
/// organisation's for its responders). Always downloaded with the type its content was checked to be.
/// </summary>
public static class ResponseAttachments
{
    public sealed record Download(Guid RequestId, string AgencyName, Guid CaseId, string FileName, string ContentType, byte[] Bytes);

    public static async Task<Download?> LoadAsync(PortalDbContext db, IQueryable<InformationRequest> visible, Guid attachmentId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await (
                from attachment in db.InformationResponseAttachments.AsNoTracking()
                join response in db.InformationResponses on attachment.ResponseId equals response.Id
                join request in visible on response.RequestId equals request.Id
                where attachment.Id == attachmentId
                select new { request.Id, request.AgencyName, request.CaseId, attachment.FileName, attachment.ContentType })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var bytes = await db.InformationResponseAttachmentContents.AsNoTracking()
            .Where(c => c.AttachmentId == attachmentId).Select(c => c.Bytes).SingleAsync(cancellationToken);
        return new Download(found.Id, found.AgencyName, found.CaseId, found.FileName, found.ContentType, bytes);
    }
}
