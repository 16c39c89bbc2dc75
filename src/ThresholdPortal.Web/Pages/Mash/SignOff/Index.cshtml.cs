using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Mash.SignOff;

/// <summary>
/// The MASH managers' list of decisions awaiting sign-off, oldest proposal first, keyset paged on
/// (proposed at, id) over the partial index IX_CaseDecisions_AwaitingSignOff. A manager's own proposals
/// are listed, marked as needing another manager.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public Result View { get; private set; } = null!;

    public async Task OnGetAsync() => View = await mediator.Send(new Query(After));

    public sealed record Query(string? After) : IQuery<Result>;

    public sealed record Row(Guid CaseId, string Reference, DecisionOutcome Outcome, BragRating Rating, string ProposedBy,
        DateTimeOffset ProposedAt, int Revision, bool IsMine, DateTimeOffset? DueAt);

    public sealed record Result(IReadOnlyList<Row> Rows, string? Next, DateTimeOffset Now);

    /// <summary>"ticks.id": the last row shown; anything unreadable reads as the first page.</summary>
    public static string Cursor(DateTimeOffset proposedAt, Guid id) =>
        $"{proposedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{id:N}";

    private static (DateTimeOffset At, Guid Id)? Decode(string? cursor)
    {
        var parts = cursor?.Split('.');
        return parts is [var ticks, var id]
               && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t <= DateTimeOffset.MaxValue.UtcTicks
               && Guid.TryParseExact(id, "N", out var g)
            ? (new DateTimeOffset(t, TimeSpan.Zero), g)
            : null;
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock, IOptions<DecisionOptions> options)
        : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var size = options.Value.ListPageSize;
            var waiting = db.CaseDecisions.AsNoTracking().Where(d => d.State == DecisionState.AwaitingSignOff);
            if (Decode(request.After) is { } after)
            {
                waiting = waiting.Where(d =>
                    EF.Functions.GreaterThan(ValueTuple.Create(d.ProposedAt, d.Id), ValueTuple.Create(after.At, after.Id)));
            }

            var rows = await waiting.OrderBy(d => d.ProposedAt).ThenBy(d => d.Id).Take(size + 1)
                .Select(d => new
                {
                    d.Id, d.CaseId, d.Outcome, d.Rating, d.ProposedAt, d.Revision, d.ProposedByUserId,
                    Reference = db.MashCases.Where(c => c.Id == d.CaseId).Select(c => c.Reference).First(),
                    DueAt = db.MashCases.Where(c => c.Id == d.CaseId).Select(c => c.DecisionDueAt).First(),
                    ProposedBy = db.Users.Where(u => u.Id == d.ProposedByUserId).Select(u => u.FullName)
                        .FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            var page = rows.Take(size).ToList();
            return new Result(
                [.. page.Select(r =>
                    new Row(r.CaseId, r.Reference, r.Outcome, r.Rating, r.ProposedBy ?? "Unknown", r.ProposedAt, r.Revision,
                    r.ProposedByUserId == user.Id, r.DueAt))],
                rows.Count > size ? Cursor(page[^1].ProposedAt, page[^1].Id) : null,
                clock.GetUtcNow());
        }
    }
}
