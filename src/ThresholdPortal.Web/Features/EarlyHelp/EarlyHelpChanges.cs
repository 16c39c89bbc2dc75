using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Triage;
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
        ArgumentNullException.ThrowIfNull(step);
        var work = await db.EarlyHelpCases.SingleOrDefaultAsync(c => c.Id == change.CaseId, cancellationToken);
        if (work is null)
        {
            return CommandResult.NotFound;
        }

        if (work.Version != change.Version)
        {
            return await ConflictAsync(db, change, cancellationToken);
        }

        try
        {
            if (await step(work) is { } stop)
            {
                return stop;
            }
        }
        catch (CaseRuleException refused)
        {
            db.ChangeTracker.Clear();
            return new CommandResult.Refused(refused.Message);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
        catch (DbUpdateException lost) when (LostRace.Is(lost))
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(db, change, cancellationToken);
        }
    }

    private static async Task<CommandResult> ConflictAsync(PortalDbContext db, IEarlyHelpChange change, CancellationToken cancellationToken)
    {
        var since = new DateTimeOffset(Math.Clamp(change.OpenedAt, DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks),
            TimeSpan.Zero);
        var subject = change.CaseId.ToString();
        var changes = await db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == EarlyHelpEvents.SubjectType && e.SubjectId == subject && e.OccurredAt >= since
                && !EarlyHelpEvents.Reads.Contains(e.Action))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Action, e.Detail, e.OccurredAt,
                By = db.Users.Where(u => u.Id == e.UserId).Select(u => u.FullName).FirstOrDefault(),
            })
            .Take(50)
            .ToListAsync(cancellationToken);
        return new CommandResult.Conflict([.. changes.Select(c =>
            new ChangeSinceOpened(EarlyHelpEvents.Describe(c.Action) ?? c.Action, c.Detail, c.By ?? "The system", c.OccurredAt))]);
    }
}
