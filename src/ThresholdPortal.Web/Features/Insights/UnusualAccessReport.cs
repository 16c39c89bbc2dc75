using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.AccessOversight;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>One unusual access, as the report lists it: the audit event's id, when, who, what, the case and why.</summary>
public sealed record UnusualAccessRow(
    long AccessId, DateTimeOffset At, string Who, string What, Guid? CaseId, string? CaseReference, IReadOnlyList<string> Reasons);

/// <summary>The rows, newest first; <see cref="Truncated"/> when the period held more accesses than one report reads.</summary>
public sealed record UnusualAccessResult(IReadOnlyList<UnusualAccessRow> Rows, bool Truncated, int ViewsPerHour);

/// <summary>
/// The unusual-access report (issue 19) read from the audit trail since a moment, through the pure rules of
/// <see cref="UnusualAccess"/>: the managers' page and the alert e-mail (<see cref="UnusualAccessAlerter"/>) share it.
/// Names of staff and case references only: no child's details.
/// </summary>
public static class UnusualAccessReport
{
    /// <summary>A report reads at most this many accesses; a month of a large MASH's views is well within it.</summary>
    public const int MostAccesses = 50_000;

    private static readonly string[] Watched =
    [
        CaseEvents.Viewed, CaseEvents.AttachmentDownloaded, InformationRequestEvents.Viewed,
        InformationRequestEvents.AttachmentDownloaded, InsightsEvents.Exported, SubjectAccessEvents.Exported,
    ];

    public static async Task<UnusualAccessResult> FindAsync(PortalDbContext db, WorkingCalendar calendar, int viewsPerHour,
        DateTimeOffset from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var read = await db.AuditEvents.AsNoTracking()
            .Where(e => e.OccurredAt >= from && e.UserId != null && Watched.Contains(e.Action))
            .OrderByDescending(e => e.OccurredAt).Take(MostAccesses + 1)
            .Select(e => new { e.Id, e.OccurredAt, UserId = e.UserId!.Value, e.Action, e.SubjectType, e.SubjectId, e.Detail })
            .ToListAsync(cancellationToken);
        var truncated = read.Count > MostAccesses;
        // Each event's case, read from its subject once: exports are about no one case.
        var events = read.Take(MostAccesses).Select(e => new Seen(e.Id, e.OccurredAt, e.UserId, e.Action, e.Detail,
            e.SubjectType == CaseEvents.SubjectType && Guid.TryParse(e.SubjectId, out var id) ? id : null)).ToList();

        var userIds = events.Select(e => e.UserId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.FullName, u.OrganisationId }).ToDictionaryAsync(u => u.Id, cancellationToken);
        var mashRoles = (await db.UserRoles.Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => x.Name == PortalRole.MashPractitioner || x.Name == PortalRole.MashManager)
            .Select(x => x.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var caseIds = events.Select(e => e.CaseId).OfType<Guid>().Distinct().ToList();
        var references = await db.MashCases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Reference, cancellationToken);
        var requests = (await db.InformationRequests.AsNoTracking().Where(r => caseIds.Contains(r.CaseId))
            .Select(r => new { r.CaseId, r.OrganisationId, r.SentAt, r.RespondedAt }).ToListAsync(cancellationToken))
            .ToLookup(r => (r.CaseId, r.OrganisationId));

        bool AnsweredBefore(Guid caseId, Guid organisationId, DateTimeOffset at)
        {
            var theirs = requests[(caseId, organisationId)].Where(r => r.SentAt <= at).ToList();
            return theirs.Count > 0 && theirs.All(r => r.RespondedAt is { } responded && responded <= at);
        }

        var accesses = events.Select(e =>
        {
            var kind = e.Action is InsightsEvents.Exported or SubjectAccessEvents.Exported ? AccessKind.Export
                : InformationRequestEvents.Reads.Contains(e.Action) ? AccessKind.AgencyView : AccessKind.CaseView;
            var answered = kind == AccessKind.AgencyView && e.CaseId is { } viewed && people.TryGetValue(e.UserId, out var person)
                && AnsweredBefore(viewed, person.OrganisationId, e.At);
            return new AccessEvent(e.Id, e.At, e.UserId, kind, mashRoles.Contains(e.UserId), answered);
        }).ToList();
        var byId = events.ToDictionary(e => e.Id);
        var rows = UnusualAccess.Find(accesses, calendar, viewsPerHour).Select(finding =>
        {
            var e = byId[finding.Access.Id];
            var name = people.TryGetValue(e.UserId, out var who) ? who.FullName : "Unknown user";
            var reference = e.CaseId is { } c ? references.GetValueOrDefault(c) : null;
            return new UnusualAccessRow(e.Id, e.At, name, What(e.Action, e.Detail), e.CaseId, reference,
                [.. finding.Reasons.Select(reason => reason.Describe(viewsPerHour))]);
        }).ToList();
        return new UnusualAccessResult(rows, truncated, viewsPerHour);
    }

    /// <summary>One watched audit event, with the case it is about.</summary>
    private sealed record Seen(long Id, DateTimeOffset At, Guid UserId, string Action, string? Detail, Guid? CaseId);

    private static string What(string action, string? detail) => action switch
    {
        CaseEvents.Viewed => "Opened the case",
        CaseEvents.AttachmentDownloaded => "Downloaded an attachment",
        InformationRequestEvents.Viewed => "Opened an information request",
        InformationRequestEvents.AttachmentDownloaded => "Downloaded an agency's attachment",
        SubjectAccessEvents.Exported => $"Exported a subject access bundle ({detail})",
        _ => $"Exported {detail}",
    };
}
