using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Mash;

/// <summary>
/// The MASH queue: every open case, most urgent first, with filters, counts per status and paging by key
/// (docs/decisions/0031). Children appear as initials and ages only.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public MashCaseStatus? Status { get; set; }

    /// <summary>Red, Amber, Green, Blue or Unrated.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Brag { get; set; }

    /// <summary>"mine" or "unassigned"; anything else means everyone's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Assigned { get; set; }

    [BindProperty(SupportsGet = true)]
    public QueueFlag? Flag { get; set; }

    /// <summary>An organisation id, or "public" for contacts from members of the public.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>The referrer's level, "1" to "4", or "none".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    /// <summary>Part of a child's name (docs/decisions/0093).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Child { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateParts Born { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public QueueOrder? Order { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Reference { get; set; }

    public Result View { get; private set; } = null!;

    public string? ReferenceNotFound { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!string.IsNullOrWhiteSpace(Reference))
        {
            var found = await mediator.Send(new FindByReference(Reference));
            if (found is { } caseId)
            {
                return Redirect(MashRoutes.Case(caseId));
            }

            ReferenceNotFound = Reference.Trim();
        }

        // A value the binder could not read (a hand-edited address) is ignored, not an error; a search the user
        // typed wrongly is shown back with the GOV.UK error summary, and the queue is listed without it.
        if (Child is { Length: > QueueSearch.NameMaxLength })
        {
            ModelState.AddModelError(nameof(Child), $"Child's name must be {QueueSearch.NameMaxLength} characters or fewer");
        }

        if (!Born.IsEmpty && Born.ToDate() is null)
        {
            ModelState.AddModelError(nameof(Born), "Date of birth must be a real date, for example 27 3 2019");
        }

        View = await mediator.Send(ToQuery());
        return Page();
    }

    /// <summary>Closed cases are listed most recently closed first; open ones most urgent first unless asked for newest.</summary>
    public Query ToQuery() => new(Status, Brag, Assigned, Flag, From, EffectiveOrder, After, Before, Level,
        Child is { Length: <= QueueSearch.NameMaxLength } ? Child : null, Born.ToDate());

    public QueueOrder EffectiveOrder =>
        Status == MashCaseStatus.Decided ? QueueOrder.RecentlyDecided
        : Order == QueueOrder.Newest ? QueueOrder.Newest
        : QueueOrder.MostUrgent;

    /// <summary>This page's address with the current filters, changed as given.</summary>
    public string Link(MashCaseStatus? status = null, bool keepStatus = true, string? after = null, string? before = null,
        QueueOrder? order = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["status"] = keepStatus ? Status?.ToString() : status?.ToString(),
            ["brag"] = Brag,
            ["assigned"] = Assigned,
            ["flag"] = Flag?.ToString(),
            ["from"] = From,
            ["level"] = Level,
            ["child"] = Child,
            ["born.day"] = Born.Day,
            ["born.month"] = Born.Month,
            ["born.year"] = Born.Year,
            ["order"] = (order ?? Order)?.ToString(),
            ["after"] = after,
            ["before"] = before,
        };
        var parts = query.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}");
        var text = string.Join('&', parts);
        return text.Length == 0 ? MashRoutes.Queue : $"{MashRoutes.Queue}?{text}";
    }

    public sealed record Query(
        MashCaseStatus? Status, string? Brag, string? Assigned, QueueFlag? Flag, string? From, QueueOrder Order, string? After,
            string? Before, string? Level = null, string? Child = null, DateOnly? Born = null)
        : IQuery<Result>, IQueueFilter;

    public sealed record FindByReference(string Reference) : IQuery<Guid?>;

    public sealed record Row(
        Guid Id,
        string Reference,
        DateTimeOffset ReceivedAt,
        DateTimeOffset? DueAt,
        BragRating? Rating,
        MashCaseStatus Status,
        IReadOnlyList<string> Children,
        string From,
        string SourceCode,
        ContactChannel Channel,
        ThresholdLevel? ReferrerLevel,
        IReadOnlyList<CaseFlags> Flags,
        string? AssignedTo,
        DateTimeOffset? ClosedAt,
        bool HasOverdueRequest)
    {
        /// <summary>Urgent at intake and not yet rated: shown first, as "Urgent: not yet rated" (docs/decisions/0089).</summary>
        public bool AwaitsUrgentRating => MashCase.AwaitsUrgentRatingWith(Rating, Flags.Aggregate(CaseFlags.None, (all, f) => all | f));
    }

    public sealed record Organisation(Guid Id, string Name);

    public sealed record Result(
        IReadOnlyList<Row> Rows,
        IReadOnlyDictionary<MashCaseStatus, int> OpenCounts,
        int DecidedInLast30Days,
        string? Next,
        string? Previous,
        IReadOnlyList<Organisation> Organisations,
        DateTimeOffset Now)
    {
        public int OpenTotal => OpenCounts.Values.Sum();
    }

    public sealed class FindHandler(PortalDbContext db) : IRequestHandler<FindByReference, Guid?>
    {
        public async Task<Guid?> Handle(FindByReference request, CancellationToken cancellationToken)
        {
            var reference = request.Reference.Trim().ToUpperInvariant();
            return await db.MashCases.AsNoTracking().Where(c => c.Reference == reference).Select(c => (Guid?)c.Id)
                .SingleOrDefaultAsync(cancellationToken);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock, IOptions<TriageOptions> options,
        IAuditTrail audit, ReadCache cache)
        : IRequestHandler<Query, Result>
    {
        /// <summary>How long the counts may lag a change made on another instance (this one's own changes show at once).</summary>
        public static readonly TimeSpan CountsKeep = TimeSpan.FromSeconds(15);

        public static readonly TimeSpan OrganisationsKeep = TimeSpan.FromMinutes(1);

        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var pageSize = options.Value.QueuePageSize;
            var filtered = Selected(request);
            var page = await QueueQueries.PageAsync(db, filtered, request, pageSize, now, cancellationToken);
            if (QueueSearch.IsSearch(request))
            {
                // Who searched and how, as a view of a child's record is logged: the name or date searched stays out.
                await audit.RecordNowAsync(CaseEvents.QueueSearched, CaseEvents.QueueSubjectType, user.Id.ToString(),
                    $"{QueueSearch.Describe(request)}; {page.Rows.Count} shown", cancellationToken);
            }

            var referralIds = page.Rows.Select(r => r.ReferralId).ToList();
            var today = MashDisplay.Today(now);
            var children = (await db.ReferralChildren.AsNoTracking()
                    .Where(c => referralIds.Contains(c.ReferralId))
                    .OrderBy(c => c.Order)
                    .Select(c => new { c.ReferralId, c.GivenName, c.FamilyName, c.DateOfBirth, c.IsUnborn, c.ExpectedDate })
                    .ToListAsync(cancellationToken))
                .ToLookup(c => c.ReferralId, c => QueueChild.Describe(c.GivenName, c.FamilyName, c.DateOfBirth, c.IsUnborn,
                    today, c.ExpectedDate));

            var (counts, decided) = QueueSearch.IsSearch(request)
                ? await CountAsync(request, now, cancellationToken)
                : await cache.GetOrReadAsync(typeof(MashCase), CountsKey(request), CountsKeep,
                    () => CountAsync(request, now, cancellationToken));
            var organisations = await cache.GetOrReadAsync(typeof(Domain.Organisations.Organisation), "active", OrganisationsKeep,
                async () => (IReadOnlyList<Organisation>)await db.Organisations.AsNoTracking()
                    .Where(o => o.IsActive)
                    .OrderBy(o => o.Name)
                    .Select(o => new Organisation(o.Id, o.Name))
                    .ToListAsync(cancellationToken));

            var rows = page.Rows.Select(r => new Row(
                r.Id, r.Reference, r.ReceivedAt, r.DecisionDueAt, r.Rating, r.Status, [.. children[r.ReferralId]],
                r.Organisation ?? $"{r.Channel.DisplayName()} contact", r.SourceCode, r.Channel, r.ReferrerLevel,
                [.. r.Flags.Split()], r.AssignedTo, r.ClosedAt, r.HasOverdueRequest)).ToList();
            return new Result(rows, counts, decided, page.Next, page.Previous, organisations, now);
        }

        /// <summary>
        /// The counts per open status and of cases decided in the last 30 days, for the filters without the status: read
        /// at most every few seconds per filter (docs/decisions/0132), as they cost as much as the rest of the page.
        /// </summary>
        private async Task<(IReadOnlyDictionary<MashCaseStatus, int> Open, int Decided)> CountAsync(Query request, DateTimeOffset now,
            CancellationToken cancellationToken)
        {
            var open = await Selected(request with { Status = null })
                .GroupBy(c => c.Status)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var since = now.AddDays(-30);
            var decided = await Selected(request with { Status = MashCaseStatus.Decided })
                .CountAsync(c => c.ClosedAt >= since, cancellationToken);
            return (open, decided);
        }

        /// <summary>What the counts depend on: every filter but the status, the order and the page; "mine" is this user's.</summary>
        private string CountsKey(Query request) =>
            $"queue-counts:{request.Brag}|{request.Assigned}|{(request.Assigned is null ? null : user.Id)}|{request.Flag}|{request.From}|"
            + request.Level;

        private IQueryable<MashCase> Selected(Query request) =>
            QueueSearch.Apply(db, QueueQueries.Filter(db.MashCases.AsNoTracking(), request, user.Id), request);
    }
}
