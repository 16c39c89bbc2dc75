using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Triage;

/// <summary>
/// The case's history, read from the append-only audit trail: every event recorded against the case or its
/// referral, with who and when (docs/decisions/0033). The timeline folds a run of views by one person into
/// one line; the manager's access log shows every event as it was recorded.
/// </summary>
public static class CaseTimeline
{
    public sealed record Entry(
        long Id, DateTimeOffset At, string Action, string What, string? Detail, string By, string? ByOrganisation, string? ByEmail,
            int Times = 1);

    public static async Task<IReadOnlyList<Entry>> AccessLogAsync(PortalDbContext db, Guid caseId, Guid referralId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var caseSubject = caseId.ToString();
        var referralSubject = referralId.ToString();
        // The person behind each event by a left join (none for the system's own events): a FirstOrDefault of several
        // columns would number every user (ADR 0137).
        var events = await (
            from e in db.AuditEvents.AsNoTracking()
                .Where(e => (e.SubjectType == CaseEvents.SubjectType && e.SubjectId == caseSubject)
                    || (e.SubjectType == CaseEvents.ReferralSubjectType && e.SubjectId == referralSubject))
            join u in db.Users on e.UserId equals (Guid?)u.Id into users
            from u in users.DefaultIfEmpty()
            orderby e.OccurredAt descending, e.Id descending
            select new { e.Id, e.OccurredAt, e.Action, e.Detail, Name = u!.FullName, u.Email, Organisation = u.Organisation.Name })
            .ToListAsync(cancellationToken);
        return [.. events.Select(e => new Entry(
            e.Id, e.OccurredAt, e.Action, CaseEvents.Describe(e.Action), e.Detail, e.Name ?? "The system", e.Organisation, e.Email))];
    }

    public static async Task<IReadOnlyList<Entry>> LoadAsync(PortalDbContext db, Guid caseId, Guid referralId,
        CancellationToken cancellationToken)
    {
        var folded = new List<Entry>();
        foreach (var entry in await AccessLogAsync(db, caseId, referralId, cancellationToken))
        {
            if (folded.Count > 0 && entry.Action == CaseEvents.Viewed && folded[^1] is { Action: CaseEvents.Viewed } previous
                && previous.By == entry.By)
            {
                // Newest first: keep the latest view's time and count the earlier ones.
                folded[^1] = previous with { Times = previous.Times + 1 };
                continue;
            }

            folded.Add(entry);
        }

        return folded;
    }
}
