using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Features.EarlyHelp;

/// <summary>A change to the hub's work with a family, made from a form opened on one version (xmin) of it.</summary>
public interface IEarlyHelpChange
{
    Guid CaseId { get; set; }
    uint Version { get; set; }

    /// <summary>UTC ticks of when the form was shown.</summary>
    long OpenedAt { get; set; }
}

/// <summary>
/// The one path for a version-checked change to an early help case, as <see cref="Triage.CaseChanges"/> is for a
/// MASH case: a stale form or a lost race is refused with what changed meanwhile, and nothing of it is stored.
/// </summary>
public static class EarlyHelpChanges
{
    public static async Task<CommandResult> ChangeAsync(PortalDbContext db, IEarlyHelpChange change,
        Func<EarlyHelpCase, Task<CommandResult?>> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        var work = await db.EarlyHelpCases.SingleOrDefaultAsync(c => c.Id == change.CaseId, cancellationToken);
        return await VersionedChanges.ChangeAsync(db, work, change.Version, c => c.Version, step,
            () => VersionedChanges.ConflictAsync(db, EarlyHelpEvents.SubjectType, change.CaseId, change.OpenedAt, EarlyHelpEvents.Reads,
                action => EarlyHelpEvents.Describe(action) ?? action, cancellationToken),
            cancellationToken);
    }
}
