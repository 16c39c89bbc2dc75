using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.InformationRequests;

/// <summary>
/// Queries other features use: a case's agency checklist (is it ready for decision?) and which requests are
/// overdue. The decision work (issue 6) calls <see cref="ChecklistAsync"/> and
/// <see cref="CaseChecks.EnsureReadyForDecision"/> before accepting a decision.
/// </summary>
public static class CaseInformationChecks
{
    /// <summary>The case's checklist: the active configured agencies, and every agency already asked or reasoned about.</summary>
    public static async Task<AgencyChecklist> ChecklistAsync(PortalDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var configured = await ConfiguredAsync(db, cancellationToken);
        var requested = await db.InformationRequests.AsNoTracking()
            .Where(r => r.CaseId == caseId)
            .Select(r => new AgencyEntry(r.AgencyKey, r.AgencyName))
            .ToListAsync(cancellationToken);
        var notNeeded = await db.AgencyChecksNotNeeded.AsNoTracking()
            .Where(n => n.CaseId == caseId)
            .Select(n => new AgencyEntry(n.AgencyKey, n.AgencyName))
            .ToListAsync(cancellationToken);
        return AgencyChecklist.Evaluate(configured, requested, notNeeded);
    }

    /// <summary>The active configured agencies, each of which every case must ask or give a reason not to.</summary>
    public static async Task<IReadOnlyList<ChecklistAgency>> ConfiguredAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.PartnerAgencies.AsNoTracking()
            .Where(a => a.IsActive)
            .Select(a => new ChecklistAgency(a.Key, a.Name, a.Order))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Open requests past their due time. Composable, and served by the partial index on open requests:
    /// the queue can capture it in a variable and ask <c>overdue.Any(r =&gt; r.CaseId == c.Id)</c> in its
    /// projection to highlight cases waiting on an overdue answer.
    /// </summary>
    public static IQueryable<InformationRequest> OverdueAt(this IQueryable<InformationRequest> requests, DateTimeOffset now) =>
        requests.Where(r => (r.State == RequestState.Sent || r.State == RequestState.Viewed) && r.DueAt < now);
}
