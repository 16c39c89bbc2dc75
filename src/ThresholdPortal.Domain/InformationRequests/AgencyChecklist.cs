namespace ThresholdPortal.Domain.InformationRequests;

public enum AgencyCheckStatus
{
    /// <summary>Neither asked nor recorded as not needed: the case cannot go to decision.</summary>
    Outstanding,

    /// <summary>The practitioner recorded why the agency need not be asked.</summary>
    NotNeeded,

    /// <summary>At least one request has been sent to the agency.</summary>
    Requested,
}

/// <summary>An agency on the checklist, in the order the checklist shows it.</summary>
public sealed record ChecklistAgency(string Key, string Name, int Order);

/// <summary>An agency with a request or a reason recorded against the case.</summary>
public sealed record AgencyEntry(string Key, string Name);

public sealed record AgencyCheck(string Key, string Name, AgencyCheckStatus Status);

/// <summary>
/// Were all relevant agencies considered? Every agency on the MASH's checklist needs a request or a
/// recorded reason before the case can go to decision. The checklist is the configured agencies, plus any
/// agency no longer configured that was asked or reasoned about on this case (so the record never loses a
/// line). An empty checklist is never ready: no agency considered is exactly what the audits found in a
/// quarter of cases, and a checklist emptied by mistake must not pass every case.
/// </summary>
public sealed class AgencyChecklist
{
    private AgencyChecklist(IReadOnlyList<AgencyCheck> agencies)
    {
        Agencies = agencies;
        Outstanding = [.. agencies.Where(a => a.Status == AgencyCheckStatus.Outstanding)];
    }

    public IReadOnlyList<AgencyCheck> Agencies { get; }
    public IReadOnlyList<AgencyCheck> Outstanding { get; }
    public bool IsReadyForDecision => Agencies.Count > 0 && Outstanding.Count == 0;

    public static AgencyChecklist Evaluate(
        IEnumerable<ChecklistAgency> configured, IEnumerable<AgencyEntry> requested, IEnumerable<AgencyEntry> notNeeded)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(notNeeded);
        var requestedList = requested.ToList();
        var notNeededList = notNeeded.ToList();
        var requestedKeys = requestedList.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var notNeededKeys = notNeededList.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var listed = configured
            .GroupBy(a => a.Key, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(a => a.Order).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => (a.Key, a.Name))
            .ToList();
        var listedKeys = listed.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var noLongerConfigured = requestedList.Concat(notNeededList)
            .Where(e => !listedKeys.Contains(e.Key))
            .GroupBy(e => e.Key, StringComparer.Ordinal).Select(g => (g.Key, g.First().Name))
            .OrderBy(e => e.Name, StringComparer.Ordinal);
        listed.AddRange(noLongerConfigured);

        return new AgencyChecklist([.. listed.Select(a => new AgencyCheck(a.Key, a.Name, StatusOf(a.Key)))]);

        // A request answers the question even where a reason was recorded first: the agency was asked.
        AgencyCheckStatus StatusOf(string key) =>
            requestedKeys.Contains(key) ? AgencyCheckStatus.Requested
            : notNeededKeys.Contains(key) ? AgencyCheckStatus.NotNeeded
            : AgencyCheckStatus.Outstanding;
    }
}
