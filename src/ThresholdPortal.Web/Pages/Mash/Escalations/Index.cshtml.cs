using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Mash.Escalations;

/// <summary>
/// The MASH managers' list of referrers' escalations: open ones due soonest first (overdue marked in
/// words), and those already answered, newest first. Keyset paged on the due time (open, read through
/// IX_Escalations_Open) or the answer time (answered), never by OFFSET.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public Result View { get; private set; } = null!;

    public bool ShowsAnswered => Tab == "answered";

    public async Task OnGetAsync() => View = await mediator.Send(new Query(ShowsAnswered, EscalationCursor.Decode(After)));

    public sealed record Query(bool Answered, EscalationCursor? After) : IQuery<Result>;

    public sealed record Row(Guid Id, string Reference, string ReferrerOrganisation, DateTimeOffset RaisedAt, DateTimeOffset DueAt,
        DateTimeOffset? AnsweredAt, Domain.Decisions.EscalationResult? Result)
    {
        public bool IsOverdue(DateTimeOffset now) => AnsweredAt is null && DueAt < now;
    }

    public sealed record Result(IReadOnlyList<Row> Rows, int OpenCount, string? Next, DateTimeOffset Now);

    public sealed class Handler(PortalDbContext db, IOptions<DecisionOptions> options, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var size = options.Value.ListPageSize;
            var escalations = db.Escalations.AsNoTracking();
            if (request.Answered)
            {
                escalations = escalations.Where(e => e.AnsweredAt != null);
                if (request.After is { } after)
                {
                    escalations = escalations.Where(e =>
                        EF.Functions.LessThan(ValueTuple.Create(e.AnsweredAt, e.Id),
                        ValueTuple.Create((DateTimeOffset?)after.At, after.Id)));
                }

                escalations = escalations.OrderByDescending(e => e.AnsweredAt).ThenByDescending(e => e.Id);
            }
            else
            {
                escalations = escalations.Where(e => e.AnsweredAt == null);
                if (request.After is { } after)
                {
                    escalations = escalations.Where(e =>
                        EF.Functions.GreaterThan(ValueTuple.Create(e.DueAt, e.Id), ValueTuple.Create(after.At, after.Id)));
                }

                escalations = escalations.OrderBy(e => e.DueAt).ThenBy(e => e.Id);
            }

            var rows = await escalations.Take(size + 1)
                .Select(e => new Row(
                    e.Id,
                    db.MashCases.Where(c => c.Id == e.CaseId).Select(c => c.Reference).First(),
                    db.MashCases.Where(c => c.Id == e.CaseId)
                        .SelectMany(c => db.Organisations.Where(o => o.Id == c.ReferringOrganisationId).Select(o => o.Name))
                            .FirstOrDefault() ?? "Not recorded",
                    e.RaisedAt, e.DueAt, e.AnsweredAt, e.Result))
                .ToListAsync(cancellationToken);
            var open = await db.Escalations.CountAsync(e => e.AnsweredAt == null, cancellationToken);
            var page = rows.Take(size).ToList();
            var next = rows.Count > size
                ? new EscalationCursor(request.Answered ? page[^1].AnsweredAt!.Value : page[^1].DueAt, page[^1].Id).Encode()
                : null;
            return new Result(page, open, next, clock.GetUtcNow());
        }
    }
}

/// <summary>Where the next page of escalations starts: the sort time and id of the last row shown.</summary>
public sealed record EscalationCursor(DateTimeOffset At, Guid Id)
{
    public string Encode() => $"{At.UtcTicks.ToString(CultureInfo.InvariantCulture)}-{Id:N}";

    /// <summary>A tampered cursor reads as the first page.</summary>
    public static EscalationCursor? Decode(string? value)
    {
        var parts = value?.Split('-');
        return parts is [var ticks, var id]
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var at) && at <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(id, "N", out var guid)
            ? new EscalationCursor(new DateTimeOffset(at, TimeSpan.Zero), guid)
            : null;
    }
}
