using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Agency.Requests;

/// <summary>
/// The requests addressed to the responder's organisation: those waiting for an answer, most urgent (due
/// soonest) first, and those answered or declined, newest first. Each list is paged by key, never by
/// OFFSET, on its own partial index.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const string Waiting = "waiting";
    public const string Done = "done";

    /// <summary>"waiting" (the default) or "done".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public Result Requests { get; private set; } = null!;

    public bool ShowingDone => Show == Done;

    public async Task OnGetAsync() => Requests = await mediator.Send(new Query(ShowingDone, After));

    public string NextPageUrl() =>
        $"{InformationRequestRoutes.AgencyList}?show={(ShowingDone ? Done : Waiting)}&after={Uri.EscapeDataString(Requests.NextAfter!)}";

    public sealed record Query(bool Done, string? After) : IQuery<Result>;

    public sealed record Row(Guid Id, string CaseReference, IReadOnlyList<string> Children, DateTimeOffset SentAt, DateTimeOffset DueAt,
        RequestStatus Status, DateTimeOffset? RespondedAt);

    public sealed record Result(IReadOnlyList<Row> Rows, string? NextAfter, int WaitingCount, int OverdueCount, DateTimeOffset Now);

    public sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock, IOptions<InformationRequestOptions> options)
        : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var pageSize = options.Value.AgencyPageSize;
            var own = db.InformationRequests.AsNoTracking().AddressedTo(user);
            var cursor = Cursor.Decode(request.After);
            IQueryable<InformationRequest> page;
            if (request.Done)
            {
                page = own.Where(r => r.State == RequestState.Answered || r.State == RequestState.Declined);
                if (cursor is { } key)
                {
                    page = page.Where(r => EF.Functions.LessThan(ValueTuple.Create(r.SentAt, r.Id), ValueTuple.Create(key.At, key.Id)));
                }

                page = page.OrderByDescending(r => r.SentAt).ThenByDescending(r => r.Id);
            }
            else
            {
                page = own.Where(r => r.State == RequestState.Sent || r.State == RequestState.Viewed);
                if (cursor is { } key)
                {
                    page = page.Where(r => EF.Functions.GreaterThan(ValueTuple.Create(r.DueAt, r.Id), ValueTuple.Create(key.At, key.Id)));
                }

                page = page.OrderBy(r => r.DueAt).ThenBy(r => r.Id);
            }

            var rows = await page.Take(pageSize + 1)
                .Select(r => new
                {
                    r.Id, r.CaseReference, r.SentAt, r.DueAt, r.State, r.RespondedAt,
                    Children = r.Subjects.Where(s => s.Kind == SubjectKind.Child).OrderBy(s => s.Order).Select(s => s.Name).ToList(),
                })
                .ToListAsync(cancellationToken);
            var waiting = own.Where(r => r.State == RequestState.Sent || r.State == RequestState.Viewed);
            var waitingCount = await waiting.CountAsync(cancellationToken);
            var overdueCount = await waiting.OverdueAt(now).CountAsync(cancellationToken);
            var next = rows.Count > pageSize
                ? new Cursor(request.Done ? rows[pageSize - 1].SentAt : rows[pageSize - 1].DueAt, rows[pageSize - 1].Id).Encode()
                : null;
            return new Result(
                [.. rows.Take(pageSize)
                    .Select(r =>
                    new Row(r.Id, r.CaseReference, r.Children, r.SentAt, r.DueAt, InformationRequest.StatusOf(r.State, r.DueAt, now),
                    r.RespondedAt))],
                next, waitingCount, overdueCount, now);
        }
    }

    /// <summary>The sort key of the last row of a page: "ticks.id". A malformed one reads as the first page.</summary>
    public sealed record Cursor(DateTimeOffset At, Guid Id)
    {
        public string Encode() => string.Create(CultureInfo.InvariantCulture, $"{At.UtcTicks}.{Id:N}");

        public static Cursor? Decode(string? value)
        {
            var parts = value?.Split('.');
            return parts is [var ticks, var id]
                && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var at)
                    && at <= DateTimeOffset.MaxValue.UtcTicks
                && Guid.TryParseExact(id, "N", out var guid)
                ? new Cursor(new DateTimeOffset(at, TimeSpan.Zero), guid)
                : null;
        }
    }
}
