using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>
/// The one path for a change made from a form opened on one version (xmin) of a record, shared by MASH cases
/// (<c>CaseChanges</c>) and the hub's early help work (<c>EarlyHelpChanges</c>): a stale form, or a save that loses the
/// race inside PostgreSQL, becomes the list of what others changed meanwhile, and nothing of it is stored.
/// </summary>
public static class VersionedChanges
{
    /// <summary>
    /// Refuses a missing record or a stale form; runs the step (which may stop with its own result, or throw a
    /// <see cref="CaseRuleException"/> that becomes a message); saves.
    /// </summary>
    public static async Task<CommandResult> ChangeAsync<TRecord>(
        PortalDbContext db, TRecord? record, uint openedOn, Func<TRecord, uint> version, Func<TRecord, Task<CommandResult?>> step,
        Func<Task<CommandResult>> conflict, CancellationToken cancellationToken)
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(conflict);
        if (record is null)
        {
            return CommandResult.NotFound;
        }

        if (version(record) != openedOn)
        {
            return await conflict();
        }

        try
        {
            if (await step(record) is { } stop)
            {
                return stop;
            }
        }
        catch (CaseRuleException refused)
        {
            db.ChangeTracker.Clear();
            return new CommandResult.Refused(refused.Message);
        }

        return await SaveAsync(db, conflict, cancellationToken);
    }

    /// <summary>Saves; a version check or a unique key lost to someone else's change becomes the conflict view.</summary>
    public static async Task<CommandResult> SaveAsync(PortalDbContext db, Func<Task<CommandResult>> conflict,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(conflict);
        try
        {
            await LostRace.SaveAsync(db, cancellationToken);
            return CommandResult.Saved;
        }
        catch (DbUpdateException lost) when (LostRace.Is(lost))
        {
            db.ChangeTracker.Clear();
            return await conflict();
        }
    }

    /// <summary>
    /// What others changed on the subject since the form was opened (UTC ticks), from the audit trail, reads left out,
    /// each in the feature's own words.
    /// </summary>
    public static async Task<CommandResult> ConflictAsync(PortalDbContext db, string subjectType, Guid subjectId, long openedAt,
        IReadOnlyList<string> reads, Func<string, string> describe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(describe);
        var since = new DateTimeOffset(Math.Clamp(openedAt, DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks),
            TimeSpan.Zero);
        var subject = subjectId.ToString();
        var changes = await db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == subjectType && e.SubjectId == subject && e.OccurredAt >= since && !reads.Contains(e.Action))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Action,
                e.Detail,
                e.OccurredAt,
                By = db.Users.Where(u => u.Id == e.UserId).Select(u => u.FullName).FirstOrDefault(),
            })
            .Take(50)
            .ToListAsync(cancellationToken);
        return new CommandResult.Conflict([.. changes.Select(c =>
            new ChangeSinceOpened(describe(c.Action), c.Detail, c.By ?? "The system", c.OccurredAt))]);
    }
}
