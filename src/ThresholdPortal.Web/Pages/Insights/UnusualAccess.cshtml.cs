using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.AccessOversight;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Insights;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Insights;

/// <summary>
/// "Unusual access" for MASH managers (issue 19): who opened case records out of hours, in bulk, without a MASH role, or
/// as an agency after answering, and every export, from the audit trail, each linked to the case's access log. Names
/// of staff and case references only: no child's details.
/// </summary>
public sealed class UnusualAccessModel(IMediator mediator) : PageModel
{
    public static readonly int[] Periods = [7, 30];

    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 7;

    public Result View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Periods.Contains(Days))
        {
            Days = Periods[0];
        }

        View = await mediator.Send(new Query(Days));
        return Page();
    }

    public sealed record Query(int Days) : IQuery<Result>;

    public sealed record Row(
        DateTimeOffset At, string Who, string What, Guid? CaseId, string? CaseReference, IReadOnlyList<string> Reasons);

    /// <summary>The rows, newest first; <see cref="Truncated"/> when the period held more accesses than one report reads.</summary>
    public sealed record Result(IReadOnlyList<Row> Rows, bool Truncated, int ViewsPerHour);

    public sealed class Handler(PortalDbContext db, WorkingCalendar calendar, IOptions<TriageOptions> triage, TimeProvider clock)
        : IRequestHandler<Query, Result>
    {
        /// <summary>A report reads at most this many accesses; a month of a large MASH's views is well within it.</summary>
        public const int MostAccesses = 50_000;

        private static readonly string[] Watched =
        [
            CaseEvents.Viewed, CaseEvents.AttachmentDownloaded, InformationRequestEvents.Viewed,
            InformationRequestEvents.AttachmentDownloaded, InsightsEvents.Exported,
        ];

        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var from = clock.GetUtcNow().AddDays(-request.Days);
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
                var kind = e.Action == InsightsEvents.Exported ? AccessKind.Export
                    : InformationRequestEvents.Reads.Contains(e.Action) ? AccessKind.AgencyView : AccessKind.CaseView;
                var answered = kind == AccessKind.AgencyView && e.CaseId is { } viewed && people.TryGetValue(e.UserId, out var person)
                    && AnsweredBefore(viewed, person.OrganisationId, e.At);
                return new AccessEvent(e.Id, e.At, e.UserId, kind, mashRoles.Contains(e.UserId), answered);
            }).ToList();
            var viewsPerHour = triage.Value.UnusualViewsPerHour;
            var byId = events.ToDictionary(e => e.Id);
            var rows = UnusualAccess.Find(accesses, calendar, viewsPerHour).Select(finding =>
            {
                var e = byId[finding.Access.Id];
                var name = people.TryGetValue(e.UserId, out var who) ? who.FullName : "Unknown user";
                var reference = e.CaseId is { } c ? references.GetValueOrDefault(c) : null;
                return new Row(e.At, name, What(e.Action, e.Detail), e.CaseId, reference,
                    [.. finding.Reasons.Select(reason => reason.Describe(viewsPerHour))]);
            }).ToList();
            return new Result(rows, truncated, viewsPerHour);
        }

        /// <summary>One watched audit event, with the case it is about.</summary>
        private sealed record Seen(long Id, DateTimeOffset At, Guid UserId, string Action, string? Detail, Guid? CaseId);

        private static string What(string action, string? detail) => action switch
        {
            CaseEvents.Viewed => "Opened the case",
            CaseEvents.AttachmentDownloaded => "Downloaded an attachment",
            InformationRequestEvents.Viewed => "Opened an information request",
            InformationRequestEvents.AttachmentDownloaded => "Downloaded an agency's attachment",
            _ => $"Exported {detail}",
        };
    }
}
