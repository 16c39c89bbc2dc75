using System.Globalization;
using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.ApiClients;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Api.Events;

/// <summary>A page of the case-management feed: the events, and the cursor to ask for the next page with.</summary>
public sealed record EventPage(IReadOnlyList<JsonElement> Events, string Next, bool HasMore);

/// <summary>
/// The feed after a cursor (docs/decisions/0130). Events are read in the order of the transactions that wrote them, and only
/// those of transactions older than every one still running: an approval that commits late cannot land behind a cursor a
/// reader already holds, so paging never skips or repeats an event.
/// </summary>
public sealed record EventFeedQuery(EventCursor After, int Limit) : IQuery<EventPage>;

/// <summary>The position after an event: its transaction id and sequence number, written "transaction.sequence".</summary>
public readonly record struct EventCursor(ulong Transaction, long Sequence)
{
    public static readonly EventCursor Start = new(0, 0);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Transaction}.{Sequence}");

    public static bool TryParse(string? text, out EventCursor cursor)
    {
        cursor = Start;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var parts = text.Split('.');
        if (parts.Length == 2 && ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var transaction)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            cursor = new EventCursor(transaction, sequence);
            return true;
        }

        return false;
    }
}

public sealed class EventFeedHandler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<EventFeedQuery, EventPage>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public async Task<EventPage> Handle(EventFeedQuery request, CancellationToken cancellationToken)
    {
        var transaction = request.After.Transaction.ToString(CultureInfo.InvariantCulture);
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT "TransactionId"::text AS "Transaction", "Sequence", "Payload"
            FROM "ApiEvents"
            WHERE "TransactionId" < pg_snapshot_xmin(pg_current_snapshot())
              AND ("TransactionId", "Sequence") > ({transaction}::xid8, {request.After.Sequence})
            ORDER BY "TransactionId", "Sequence"
            LIMIT {request.Limit + 1}
            """).ToListAsync(cancellationToken);
        var page = rows.Take(request.Limit).ToList();
        var next = page.Count == 0 ? request.After
            : new EventCursor(ulong.Parse(page[^1].Transaction, CultureInfo.InvariantCulture), page[^1].Sequence);
        if (page.Count > 0)
        {
            // Reading the feed reads children's records: which events, so the access log can say who read whom.
            await audit.RecordNowAsync(ApiClientEvents.EventsRead, ApiClientEvents.FeedSubjectType, next.ToString(),
                $"{page.Count} events, sequence {page[0].Sequence} to {page[^1].Sequence}", cancellationToken);
        }

        return new EventPage([.. page.Select(r => JsonDocument.Parse(r.Payload).RootElement.Clone())], next.ToString(),
            rows.Count > page.Count);
    }

    private sealed record Row(string Transaction, long Sequence, string Payload);
}
