using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Audits;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.CaseAudits;

/// <summary>
/// Judging and completing both lock the audit's row first (inside the command's transaction), so a
/// judgement can never slip in after the audit was completed.
/// </summary>
public static class AuditLocks
{
    public static Task<CaseAudit?> LockAsync(PortalDbContext db, Guid auditId, CancellationToken cancellationToken) =>
        db.CaseAudits.FromSql($"""SELECT *, xmin FROM "CaseAudits" WHERE "Id" = {auditId} FOR UPDATE""")
            .SingleOrDefaultAsync(cancellationToken);
}
