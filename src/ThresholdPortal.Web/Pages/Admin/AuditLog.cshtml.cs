using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin;

/// <summary>The account and organisation part of the audit trail, newest first, paged by id (keyset).</summary>
public sealed class AuditLogModel(IMediator mediator) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Show events older than this id.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public long? OlderThan => Lines.Count == PageSize ? Lines[^1].Id : null;

    public async Task OnGetAsync() => Lines = await mediator.Send(new Query(Before));

    public sealed record Query(long? Before) : IQuery<IReadOnlyList<Line>>;

    public sealed record Line(long Id, DateTimeOffset OccurredAt, string Action, string SubjectType, string SubjectId, string? Subject,
        string? By, string? Detail);

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Query, IReadOnlyList<Line>>
    {
        public async Task<IReadOnlyList<Line>> Handle(Query request, CancellationToken cancellationToken)
        {
            // Case access and referral events belong to their own pages; this log is about people, organisations
            // and the configuration the MASH owns.
            var codes = AuditActions.OfAccountsAndConfiguration.ToList();
            var events = db.AuditEvents.AsNoTracking().Where(e => codes.Contains(e.Action));
            if (request.Before is { } before)
            {
                events = events.Where(e => e.Id < before);
            }

            return await events
                .OrderByDescending(e => e.Id)
                .Take(PageSize)
                .Select(e => new Line(
                    e.Id,
                    e.OccurredAt,
                    e.Action,
                    e.SubjectType,
                    e.SubjectId,
                    e.SubjectType == "PortalUser"
                        ? db.Users.Where(u => u.Id.ToString() == e.SubjectId).Select(u => u.FullName).FirstOrDefault()
                        : db.Organisations.Where(o => o.Id.ToString() == e.SubjectId).Select(o => o.Name).FirstOrDefault(),
                    db.Users.Where(u => u.Id == e.UserId).Select(u => u.FullName).FirstOrDefault(),
                    e.Detail))
                .ToListAsync(cancellationToken);
        }
    }
}
