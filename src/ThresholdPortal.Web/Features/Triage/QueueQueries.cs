using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Triage;

/// <summary>
/// The queue's filters and its keyset paging. Every order reads one of the partial indexes on MashCases
/// from its start (the first page) or from the cursor's key (row value comparison, which PostgreSQL
/// answers with an index range scan): the cost of a page does not grow with the number of cases stored
/// or the page's depth (docs/decisions/0031).
/// </summary>
public static class QueueQueries
{
    public sealed record QueueRow(
        Guid Id,
        Guid ReferralId,
        string Reference,
        DateTimeOffset ReceivedAt,
        DateTimeOffset? DecisionDueAt,
        BragRating? Rating,
        MashCaseStatus Status,
        CaseFlags Flags,
        string SourceCode,
        ContactChannel Channel,
        ThresholdLevel? ReferrerLevel,
        DateTimeOffset? ClosedAt,
        string? Organisation,
        string? AssignedTo,
        DateTimeOffset QueueDueAt,
        int UrgencyRank,
        bool HasOverdueRequest);

    public sealed record Page(IReadOnlyList<QueueRow> Rows, string? Next, string? Previous);

    /// <summary>The cases the filters select. Without a status, only open cases (what the partial indexes hold).</summary>
    public static IQueryable<MashCase> Filter(IQueryable<MashCase> cases, IQueueFilter request, Guid currentUserId)
    {
        ArgumentNullException.ThrowIfNull(request);
        cases = request.Status is { } status
            ? status == MashCaseStatus.Decided
                ? cases.Where(c => c.Status == MashCaseStatus.Decided)
                // Repeating "not decided" lets the planner use the open-cases indexes whatever the parameter.
                : cases.Where(c => c.Status != MashCaseStatus.Decided && c.Status == status)
            : cases.Where(c => c.Status != MashCaseStatus.Decided);

        cases = request.Brag switch
        {
            "Unrated" => cases.Where(c => c.Rating == null),
            { } brag when Enum.TryParse<BragRating>(brag, ignoreCase: false, out var rating) && Enum.IsDefined(rating) =>
                cases.Where(c => c.Rating == rating),
            _ => cases,
        };

        cases = request.Assigned switch
        {
            "mine" => cases.Where(c => c.AssignedToUserId == currentUserId),
            "unassigned" => cases.Where(c => c.AssignedToUserId == null),
            _ => cases,
        };

        if (request.Flag is { } flag)
        {
            var mask = flag switch
            {
                QueueFlag.ReReferral => CaseFlags.ReReferral,
                QueueFlag.OpenInvolvement => CaseFlags.OpenToEarlyHelp | CaseFlags.OpenToSocialCare,
                QueueFlag.Fgm => CaseFlags.Fgm,
                QueueFlag.Exploitation => CaseFlags.Exploitation,
                QueueFlag.DomesticAbuse => CaseFlags.DomesticAbuse,
                QueueFlag.ImmediateDanger => CaseFlags.ImmediateDanger,
                _ => CaseFlags.None,
            };
            cases = cases.Where(c => (c.Flags & mask) != CaseFlags.None);
        }

        if (request.From == "public")
        {
            cases = cases.Where(c => c.ReferringOrganisationId == null);
        }
        else if (Guid.TryParse(request.From, out var organisationId))
        {
            cases = cases.Where(c => c.ReferringOrganisationId == organisationId);
        }

        cases = request.Level switch
        {
            "none" => cases.Where(c => c.ReferrerLevel == null),
            { Length: 1 } level when int.TryParse(level, out var number) && Enum.IsDefined((ThresholdLevel)number) =>
                cases.Where(c => c.ReferrerLevel == (ThresholdLevel)number),
            _ => cases,
        };

        return cases;
    }

    /// <summary>The cases in the request's order, after (or before) its cursor: the SQL of one page.</summary>
    public static IQueryable<MashCase> Ordered(IQueryable<MashCase> cases, QueueOrder order, QueueCursor? after, QueueCursor? before) =>
        Ordered(cases, order, after ?? before, backwards: after is null && before is not null);

    private static IQueryable<MashCase> Ordered(IQueryable<MashCase> cases, QueueOrder order, QueueCursor? key, bool backwards)
    {
        switch (order)
        {
            case QueueOrder.Newest:
                if (key is not null)
                {
                    // Newest first: "after" a row is older than it.
                    cases = backwards
                        ? cases.Where(c =>
                            EF.Functions.GreaterThan(ValueTuple.Create(c.ReceivedAt, c.Id), ValueTuple.Create(key.First, key.Id)))
                        : cases.Where(c =>
                            EF.Functions.LessThan(ValueTuple.Create(c.ReceivedAt, c.Id), ValueTuple.Create(key.First, key.Id)));
                }

                return backwards
                    ? cases.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
                    : cases.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id);

            case QueueOrder.RecentlyDecided:
                if (key is not null)
                {
                    cases = backwards
                        ? cases.Where(c =>
                            EF.Functions.GreaterThan(ValueTuple.Create(c.ClosedAt, c.Id),
                            ValueTuple.Create((DateTimeOffset?)key.First, key.Id)))
                        : cases.Where(c =>
                            EF.Functions.LessThan(ValueTuple.Create(c.ClosedAt, c.Id),
                            ValueTuple.Create((DateTimeOffset?)key.First, key.Id)));
                }

                return backwards
                    ? cases.OrderBy(c => c.ClosedAt).ThenBy(c => c.Id)
                    : cases.OrderByDescending(c => c.ClosedAt).ThenByDescending(c => c.Id);

            default:
                if (key is not null)
                {
                    // Both sides must be written as tuples in the expression for Npgsql to emit a row value comparison.
                    var (due, rank, received, id) = (key.First, key.Rank, key.Second, key.Id);
                    cases = backwards
                        ? cases.Where(c => EF.Functions.LessThan(
                            ValueTuple.Create(EF.Property<DateTimeOffset>(c, MashCaseConfiguration.QueueDueAt),
                                EF.Property<int>(c, MashCaseConfiguration.UrgencyRank), c.ReceivedAt, c.Id),
                            ValueTuple.Create(due, rank, received, id)))
                        : cases.Where(c => EF.Functions.GreaterThan(
                            ValueTuple.Create(EF.Property<DateTimeOffset>(c, MashCaseConfiguration.QueueDueAt),
                                EF.Property<int>(c, MashCaseConfiguration.UrgencyRank), c.ReceivedAt, c.Id),
                            ValueTuple.Create(due, rank, received, id)));
                }

                return backwards
                    ? cases.OrderByDescending(c => EF.Property<DateTimeOffset>(c, MashCaseConfiguration.QueueDueAt))
                        .ThenByDescending(c => EF.Property<int>(c, MashCaseConfiguration.UrgencyRank))
                        .ThenByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id)
                    : cases.OrderBy(c => EF.Property<DateTimeOffset>(c, MashCaseConfiguration.QueueDueAt))
                        .ThenBy(c => EF.Property<int>(c, MashCaseConfiguration.UrgencyRank))
                        .ThenBy(c => c.ReceivedAt).ThenBy(c => c.Id);
        }
    }

    public static async Task<Page> PageAsync(PortalDbContext db, IQueryable<MashCase> filtered, IQueueFilter request, int pageSize,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var after = QueueCursor.Decode(request.After, request.Order);
        var before = after is null ? QueueCursor.Decode(request.Before, request.Order) : null;
        var backwards = before is not null;

        // One row more than a page shows whether there is another page in the direction of travel. The
        // page's ids come from the index alone; only those rows are then read from the table.
        var page = Ordered(filtered, request.Order, after, before).Take(pageSize + 1).Select(c => c.Id);
        // One probe of the partial index on open requests per row shown (docs/architecture.md).
        var overdueRequests = db.InformationRequests.OverdueAt(now);
        var rows = await Ordered(db.MashCases.AsNoTracking().Where(c => page.Contains(c.Id)), request.Order, key: null, backwards)
            .Select(c => new QueueRow(
                c.Id, c.ReferralId, c.Reference, c.ReceivedAt, c.DecisionDueAt, c.Rating, c.Status, c.Flags, c.SourceCode,
                c.Channel, c.ReferrerLevel, c.ClosedAt,
                db.Organisations.Where(o => o.Id == c.ReferringOrganisationId).Select(o => o.Name).FirstOrDefault(),
                db.Users.Where(u => u.Id == c.AssignedToUserId).Select(u => u.FullName).FirstOrDefault(),
                EF.Property<DateTimeOffset>(c, MashCaseConfiguration.QueueDueAt),
                EF.Property<int>(c, MashCaseConfiguration.UrgencyRank),
                overdueRequests.Any(r => r.CaseId == c.Id)))
            .ToListAsync(cancellationToken);

        var more = rows.Count > pageSize;
        var shown = rows.Take(pageSize).ToList();
        if (backwards)
        {
            shown.Reverse();
        }

        if (shown.Count == 0)
        {
            return new Page(shown, null, null);
        }

        var hasNext = backwards || more;
        var hasPrevious = backwards ? more : after is not null;
        return new Page(
            shown,
            hasNext ? CursorOf(shown[^1], request.Order).Encode() : null,
            hasPrevious ? CursorOf(shown[0], request.Order).Encode() : null);
    }

    private static QueueCursor CursorOf(QueueRow row, QueueOrder order) => order switch
    {
        QueueOrder.Newest => new QueueCursor(order, row.ReceivedAt, 0, row.ReceivedAt, row.Id),
        QueueOrder.RecentlyDecided => new QueueCursor(order, row.ClosedAt ?? row.ReceivedAt, 0, row.ReceivedAt, row.Id),
        _ => new QueueCursor(order, row.QueueDueAt, row.UrgencyRank, row.ReceivedAt, row.Id),
    };
}
