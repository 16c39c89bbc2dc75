using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Triage;

/// <summary>
/// A change to a case made from a form. The form carries the version of the case it was opened on
/// (PostgreSQL's xmin) and when it was opened, so a save over someone else's change is refused and the
/// practitioner is shown what changed, never a silent overwrite.
/// </summary>
public interface ICaseChange
{
    Guid CaseId { get; set; }
    uint Version { get; set; }

    /// <summary>UTC ticks of when the form was shown.</summary>
    long OpenedAt { get; set; }
}

public static class CaseChanges
{
    public const string ConflictMessage =
        "This case changed since you opened it. Check what changed, then make your change again if it is still right.";

    /// <summary>
    /// The one path for a version-checked change to a case: loads the case, tracked, holding the version the
    /// form was opened on; runs the step (which may refuse with its own message, or throw a
    /// <see cref="CaseRuleException"/>); saves. A save over someone else's change becomes the conflict view.
    /// </summary>
    public static async Task<CommandResult> ChangeAsync(
        PortalDbContext db, ICaseChange change, Func<MashCase, Task<CommandResult?>> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        var mashCase = await db.MashCases.SingleOrDefaultAsync(c => c.Id == change.CaseId, cancellationToken);
        return await VersionedChanges.ChangeAsync(db, mashCase, change.Version, c => c.Version, step,
            () => ConflictAsync(db, change, cancellationToken), cancellationToken);
    }

    /// <summary>A change whose step needs nothing but the case.</summary>
    public static Task<CommandResult> ChangeAsync(PortalDbContext db, ICaseChange change, Action<MashCase> step,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        return ChangeAsync(db, change, mashCase =>
        {
            step(mashCase);
            return Task.FromResult<CommandResult?>(null);
        }, cancellationToken);
    }

    /// <summary>Applies a domain step; a rule the case's state refuses becomes a message, not an error page.</summary>
    public static CommandResult? Apply(PortalDbContext db, Action step)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(step);
        try
        {
            step();
            return null;
        }
        catch (CaseRuleException refused)
        {
            db.ChangeTracker.Clear();
            return new CommandResult.Refused(refused.Message);
        }
    }

    /// <summary>
    /// Saves, or reports the conflict. EF Core rolls the failed save back to its savepoint, and the tracked
    /// changes are dropped, so nothing of the refused change (not even its audit event) is stored.
    /// </summary>
    public static Task<CommandResult> SaveAsync(PortalDbContext db, ICaseChange change, CancellationToken cancellationToken) =>
        VersionedChanges.SaveAsync(db, () => ConflictAsync(db, change, cancellationToken), cancellationToken);

    /// <summary>What others changed on the case since the form was opened: for a change whose own stale-save check failed.</summary>
    public static Task<CommandResult> ConflictAsync(PortalDbContext db, ICaseChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return VersionedChanges.ConflictAsync(db, CaseEvents.SubjectType, change.CaseId, change.OpenedAt, CaseEvents.Reads,
            CaseEvents.Describe, cancellationToken);
    }
}

/// <summary>A page that changes a case: saved goes back to the case record; the rest as every command page.</summary>
public abstract class CasePageModel : CommandPageModel
{
    /// <summary>The case in the address: what a page shown again after a validation error reloads.</summary>
    [FromRoute(Name = "id")]
    public Guid RouteCaseId { get; set; }

    protected Task<IActionResult> OutcomeAsync(CommandResult result, Guid caseId, Func<Task<bool>> reload) =>
        OutcomeAsync(result, () => Redirect(MashRoutes.Case(caseId)), reload, CaseChanges.ConflictMessage);

    /// <summary>The stamp a form carries: now, in UTC ticks.</summary>
    protected static long Now(TimeProvider clock) => (clock ?? throw new ArgumentNullException(nameof(clock))).GetUtcNow().UtcTicks;
}

/// <summary>Puts the case version and opening time into a command from what the page loaded.</summary>
public static class CaseChangeStamp
{
    public static T Stamp<T>(this T change, Guid caseId, uint version, long openedAt)
        where T : ICaseChange
    {
        change.CaseId = caseId;
        change.Version = version;
        change.OpenedAt = openedAt;
        return change;
    }
}
