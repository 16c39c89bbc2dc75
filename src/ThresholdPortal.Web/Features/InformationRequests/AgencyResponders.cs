using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.Web.Features.InformationRequests;

/// <summary>
/// The people who answer for an organisation: its active agency responders who can sign in. A new request,
/// and an overdue one, is e-mailed to each of them through the outbox, in the caller's transaction. The
/// e-mail says only that there is a request, with a link (docs/decisions/0020).
/// </summary>
public static class AgencyResponders
{
    public static async Task<IReadOnlyList<string>> EmailsAsync(PortalDbContext db, Guid organisationId,
        CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && u.IsActive && !u.AwaitingApproval && u.EmailConfirmed && u.Email != null
                && db.UserRoles.Any(ur =>
                    ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == PortalRole.AgencyResponder)))
            .OrderBy(u => u.Email)
            .Select(u => u.Email!)
            .ToListAsync(cancellationToken);

    /// <summary>Queues one e-mail per responder; returns how many were queued (none when the organisation has no responders).</summary>
    public static async Task<int> NotifyAsync(
        PortalDbContext db, IEmailOutbox outbox, Guid organisationId, EmailTemplate template, Guid requestId,
            CancellationToken cancellationToken)
    {
        var emails = await EmailsAsync(db, organisationId, cancellationToken);
        foreach (var email in emails)
        {
            outbox.Enqueue(email, template, InformationRequestRoutes.AgencyRequest(requestId));
        }

        return emails.Count;
    }
}
