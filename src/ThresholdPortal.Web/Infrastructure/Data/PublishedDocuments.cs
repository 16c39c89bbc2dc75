using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>
/// Threshold document versions as the app has read them, one per id. A published or retired version never changes
/// (docs/decisions/0050), so it is read from the database once per app (four statements: the document and its levels,
/// sub-domains and indicators) and shared, read-only, by every request after; a draft is read every time, as an
/// administrator is editing it. The status held is the one read first: a version retired since still says Published
/// here, and nothing that reads it through this cache asks.
/// </summary>
public sealed class PublishedDocuments
{
    private readonly ConcurrentDictionary<Guid, ThresholdDocument> versions = new();

    public async Task<ThresholdDocument> GetAsync(PortalDbContext db, Guid documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (versions.TryGetValue(documentId, out var known))
        {
            return known;
        }

        // One query per owned collection: joined, the levels, sub-domains and indicators would multiply into thousands of rows.
        var document = await db.ThresholdDocuments.AsNoTracking().AsSplitQuery().SingleAsync(d => d.Id == documentId, cancellationToken);
        return document.Status == ThresholdDocumentStatus.Draft ? document : versions.GetOrAdd(documentId, document);
    }
}
