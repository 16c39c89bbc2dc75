using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Triage;

/// <summary>
/// When the MASH's settings change, every open case's decision deadline is counted again on the new
/// settings, and each one that moves says so on its timeline with the old and the new deadline
/// (docs/decisions/0088). Decided cases keep the deadline they were measured against.
/// </summary>
public static class OpenCaseDeadlines
{
    /// <summary>Recounts in the caller's unit of work; the changes are saved with the new settings version.</summary>
    public static async Task<int> RecountAsync(
        PortalDbContext db, IAuditTrail audit, DecisionClock clock, int settingsVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(clock);
        var open = await db.MashCases.Where(c => c.Status != MashCaseStatus.Decided).ToListAsync(cancellationToken);
        var moved = 0;
        foreach (var mashCase in open)
        {
            if (mashCase.RecountDeadline(clock) is not { } change)
            {
                continue;
            }

            moved++;
            audit.Record(CaseEvents.DeadlineRecounted, CaseEvents.SubjectType, mashCase.Id.ToString(),
                string.Create(CultureInfo.InvariantCulture,
                    $"Settings version {settingsVersion}: due {Describe(change.Now)}, was {Describe(change.Was)}"));
        }

        return moved;
    }

    private static string Describe(DateTimeOffset? due) => due is { } at ? MashDisplay.Long(at) : "no target";
}
