using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Domain.AccessOversight;

/// <summary>What kind of access an audit event records, for the unusual-access report.</summary>
public enum AccessKind
{
    /// <summary>A MASH case or one of its attachments opened.</summary>
    CaseView,

    /// <summary>An agency responder opened an information request about a case.</summary>
    AgencyView,

    /// <summary>A CSV export of cases by child.</summary>
    Export,
}

/// <summary>Why an access is on the report; an access can have several reasons.</summary>
public enum UnusualReason
{
    OutOfHours,
    BulkViewing,
    NoMashRole,
    AgencyAfterAnswer,
    Export,
}

/// <summary>
/// One access from the audit trail, with the facts the rules need: whether the person holds a MASH team role, and for an
/// agency's view whether every request to their agency about the case had been answered by then.
/// </summary>
public sealed record AccessEvent(
    long Id, DateTimeOffset At, Guid UserId, AccessKind Kind, bool ViewerHasMashRole, bool AgencyAlreadyAnswered = false);

public sealed record UnusualAccessFinding(AccessEvent Access, IReadOnlyList<UnusualReason> Reasons);

/// <summary>
/// The rules of the unusual-access report for MASH managers (issue 19): views out of office hours, more than a set
/// number of cases viewed by one person within an hour, case views by someone without a MASH team role, agency views
/// after their agency had answered, and every export. Pure: the page feeds it the audit trail.
/// </summary>
public static class UnusualAccess
{
    public static IReadOnlyList<UnusualAccessFinding> Find(IEnumerable<AccessEvent> accesses, WorkingCalendar calendar, int viewsPerHour)
    {
        ArgumentNullException.ThrowIfNull(accesses);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(viewsPerHour, 1);
        var all = accesses.ToList();
        var bulk = InBulk(all.Where(a => a.Kind == AccessKind.CaseView), viewsPerHour);
        var findings = new List<UnusualAccessFinding>();
        foreach (var access in all.OrderByDescending(a => a.At).ThenByDescending(a => a.Id))
        {
            var reasons = new List<UnusualReason>();
            if (access.Kind != AccessKind.Export && !calendar.IsWorkingTime(access.At))
            {
                reasons.Add(UnusualReason.OutOfHours);
            }

            if (bulk.Contains(access.Id))
            {
                reasons.Add(UnusualReason.BulkViewing);
            }

            if (access.Kind == AccessKind.CaseView && !access.ViewerHasMashRole)
            {
                reasons.Add(UnusualReason.NoMashRole);
            }

            if (access.Kind == AccessKind.AgencyView && access.AgencyAlreadyAnswered)
            {
                reasons.Add(UnusualReason.AgencyAfterAnswer);
            }

            if (access.Kind == AccessKind.Export)
            {
                reasons.Add(UnusualReason.Export);
            }

            if (reasons.Count > 0)
            {
                findings.Add(new UnusualAccessFinding(access, reasons));
            }
        }

        return findings;
    }

    public static string Describe(this UnusualReason reason, int viewsPerHour) => reason switch
    {
        UnusualReason.OutOfHours => "Out of office hours",
        UnusualReason.BulkViewing => $"More than {viewsPerHour} cases viewed within an hour",
        UnusualReason.NoMashRole => "Viewed by someone without a MASH role",
        UnusualReason.AgencyAfterAnswer => "Opened by the agency after it had answered",
        UnusualReason.Export => "Export of cases by child",
        _ => reason.ToString(),
    };

    /// <summary>The views that fall in any 60-minute span in which one person viewed more than the limit.</summary>
    private static HashSet<long> InBulk(IEnumerable<AccessEvent> views, int viewsPerHour)
    {
        var flagged = new HashSet<long>();
        foreach (var person in views.GroupBy(v => v.UserId))
        {
            var ordered = person.OrderBy(v => v.At).ToList();
            var start = 0;
            for (var end = 0; end < ordered.Count; end++)
            {
                while (ordered[end].At - ordered[start].At >= TimeSpan.FromHours(1))
                {
                    start++;
                }

                if (end - start + 1 > viewsPerHour)
                {
                    for (var i = start; i <= end; i++)
                    {
                        flagged.Add(ordered[i].Id);
                    }
                }
            }
        }

        return flagged;
    }
}
