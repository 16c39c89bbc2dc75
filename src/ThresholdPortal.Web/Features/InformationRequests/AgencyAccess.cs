using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Features.InformationRequests;

/// <summary>
/// An agency responder sees only the requests addressed to their own organisation. Any other request is
/// "not found", never "forbidden", so a guessed address reveals nothing.
/// </summary>
public static class AgencyAccess
{
    public static IQueryable<InformationRequest> AddressedTo(this IQueryable<InformationRequest> requests, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var organisationId = user.OrganisationId;
        return requests.Where(r => r.OrganisationId == organisationId);
    }

    /// <summary>
    /// Loads one of the organisation's requests, tracked, with its responses, holding its row lock until the
    /// command's transaction ends: a responder opening, answering or declining it and the chaser of overdue
    /// requests then act on it one at a time, each seeing what the other did.
    /// </summary>
    public static async Task<InformationRequest?> LockOwnAsync(PortalDbContext db, Guid requestId, ICurrentUser user,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Lock a request inside a command's transaction.");
        }

        var organisationId = user.OrganisationId;
        await db.Database.ExecuteSqlAsync(
            $"""
            SELECT 1 FROM "InformationRequests" WHERE "Id" = {requestId} AND "OrganisationId" = {organisationId} FOR UPDATE
            """,
            cancellationToken);
        return await db.InformationRequests.Include(r => r.Responses)
            .SingleOrDefaultAsync(r => r.Id == requestId && r.OrganisationId == organisationId, cancellationToken);
    }
}
