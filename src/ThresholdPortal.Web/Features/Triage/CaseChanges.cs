using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Data;

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

/// <summary>What became of a change to a case.</summary>
public abstract record CaseChangeResult
{
    public static readonly CaseChangeResult Saved = new SavedResult();
    public static readonly CaseChangeResult NotFound = new NotFoundResult();

    public sealed record SavedResult : CaseChangeResult;

    public sealed record NotFoundResult : CaseChangeResult;

    /// <summary>Someone else changed the case after the form was opened.</summary>
    public sealed record Conflict(IReadOnlyList<ChangeSinceOpened> Changes) : CaseChangeResult;

    /// <summary>The case's state does not allow the step (for example, it was closed meanwhile).</summary>
    public sealed record Refused(string Message) : CaseChangeResult;
}

/// <summary>One thing someone else did to the case while the form was open.</summary>
public sealed record ChangeSinceOpened(string What, string? Detail, string By, DateTimeOffset At);

public static class CaseChanges
{
    public const string ConflictMessage = "This case changed since you opened it. Check what changed, then make your change again if it is still right.";

    /// <summary>
    /// Loads the case to change, tracked, holding the version the form was opened on: SaveChanges then
    /// fails with a concurrency error if anyone saved the case since.
    /// </summary>
    public static async Task<(MashCase? Case, CaseChangeResult? Stop)> LoadAsync(PortalDbContext db, ICaseChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        var mashCase = await db.MashCases.SingleOrDefaultAsync(c => c.Id == change.CaseId, cancellationToken);
        if (mashCase is null)
        {
            return (null, CaseChangeResult.NotFound);
        }

        if (mashCase.Version != change.Version)
        {
            return (null, await ConflictAsync(db, change, cancellationToken));
        }

        return (mashCase, null);
    }

    /// <summary>Applies a domain step; a rule the case's state refuses becomes a message, not an error page.</summary>
    public static CaseChangeResult? Apply(PortalDbContext db, Action step)
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
            return new CaseChangeResult.Refused(refused.Message);
        }
    }

    /// <summary>
    /// Saves, or reports the conflict. EF Core rolls the failed save back to its savepoint, and the tracked
    /// changes are dropped, so nothing of the refused change (not even its audit event) is stored.
    /// </summary>
    public static async Task<CaseChangeResult> SaveAsync(PortalDbContext db, ICaseChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CaseChangeResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(db, change, cancellationToken);
        }
    }

    /// <summary>What others changed on the case since the form was opened: for a change whose own stale-save check failed.</summary>
    public static async Task<CaseChangeResult> ConflictAsync(PortalDbContext db, ICaseChange change, CancellationToken cancellationToken)
    {
        var since = new DateTimeOffset(Math.Clamp(change.OpenedAt, DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero);
        var subject = change.CaseId.ToString();
        var changes = await db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == CaseEvents.SubjectType && e.SubjectId == subject && e.OccurredAt >= since && !CaseEvents.Reads.Contains(e.Action))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Action,
                e.Detail,
                e.OccurredAt,
                By = db.Users.Where(u => u.Id == e.UserId).Select(u => u.GivenName + " " + u.FamilyName).FirstOrDefault(),
            })
            .Take(50)
            .ToListAsync(cancellationToken);
        return new CaseChangeResult.Conflict([.. changes.Select(c => new ChangeSinceOpened(CaseEvents.Describe(c.Action), c.Detail, c.By ?? "The system", c.OccurredAt))]);
    }
}

/// <summary>A page that changes a case: turns each result into a redirect, a 404 or the page again with the reason.</summary>
public abstract class CasePageModel : PageModel
{
    public IReadOnlyList<ChangeSinceOpened>? ChangesSinceOpened { get; private set; }

    protected async Task<IActionResult> OutcomeAsync(CaseChangeResult result, Guid caseId, Func<Task<bool>> reload)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(reload);
        switch (result)
        {
            case CaseChangeResult.SavedResult:
                return Redirect(MashRoutes.Case(caseId));
            case CaseChangeResult.Conflict conflict:
                ModelState.AddModelError(string.Empty, CaseChanges.ConflictMessage);
                ChangesSinceOpened = conflict.Changes;
                break;
            case CaseChangeResult.Refused refused:
                ModelState.AddModelError(string.Empty, refused.Message);
                break;
            default:
                return NotFound();
        }

        return await reload() ? Page() : NotFound();
    }

    /// <summary>The case in the address: what a page shown again after a validation error reloads.</summary>
    protected Guid RouteCaseId => Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id) ? id : Guid.Empty;

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
