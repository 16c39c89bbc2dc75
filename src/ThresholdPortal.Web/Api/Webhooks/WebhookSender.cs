using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Features.ApiClients;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.BackgroundJobs;

namespace ThresholdPortal.Web.Api.Webhooks;

/// <summary>
/// Posts the case-management events to each subscribed client's webhook, at least once (docs/decisions/0130). A round claims
/// due deliveries for a lease in one short statement (<c>FOR UPDATE SKIP LOCKED</c>, so instances share the work and a
/// long transaction never holds the event feed back), posts each signed body, and records the answer: delivered, or tried
/// again after a growing wait, or given up after <see cref="WebhookDelivery.MaxAttempts"/>. The receiver uses the event
/// id as its idempotency key, as a delivery may arrive twice.
/// </summary>
public sealed partial class WebhookSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory http,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookSender> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";

    /// <summary>How often an idle sender removes events past their keeping: the table is read whole to find them.</summary>
    private static readonly TimeSpan RemovalInterval = TimeSpan.FromHours(1);

    private DateTimeOffset lastRemoval = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Rounds.RunAsync(options.Value.Interval, clock, DeliverDueAsync, type => LogRoundFailed(logger, type), stoppingToken);
    }

    /// <summary>One round: claims what is due, posts it, records each answer. Returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(WebhookSignature.KeyPurpose);
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var claimed = await db.Database.SqlQuery<Claimed>($"""
            UPDATE "WebhookDeliveries" d SET "NextAttemptAt" = {now + settings.Lease}
            FROM (SELECT "Id" FROM "WebhookDeliveries"
                  WHERE "DeliveredAt" IS NULL AND "FailedAt" IS NULL AND "NextAttemptAt" <= {now}
                  ORDER BY "NextAttemptAt" LIMIT {settings.BatchSize} FOR UPDATE SKIP LOCKED) due
            WHERE d."Id" = due."Id"
            RETURNING d."Id", d."ApiClientId", d."EventSequence", d."Attempts"
            """).ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            if (now - lastRemoval >= RemovalInterval)
            {
                lastRemoval = now;
                await RemoveOldEventsAsync(db, now - settings.KeepEventsFor, cancellationToken);
            }

            return 0;
        }

        var sequences = claimed.Select(c => c.EventSequence).Distinct().ToList();
        var events = await db.ApiEvents.AsNoTracking().Where(e => sequences.Contains(e.Sequence))
            .ToDictionaryAsync(e => e.Sequence, cancellationToken);
        var clientIds = claimed.Select(c => c.ApiClientId).Distinct().ToList();
        var clients = await db.ApiClients.AsNoTracking().Where(c => clientIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var delivered = 0;
        foreach (var delivery in claimed)
        {
            var client = clients[delivery.ApiClientId];
            var error = client is { IsActive: true, WebhookUrl: { } url, WebhookSecretProtected: { } key } && settings.Accepts(url)
                ? await PostAsync(url, protector.Unprotect(key), events[delivery.EventSequence], cancellationToken)
                : "webhook removed or client turned off";
            delivered += error is null ? 1 : 0;
            await RecordAsync(db, delivery, error, clock.GetUtcNow(), cancellationToken);
        }

        LogRound(logger, claimed.Count, delivered);
        return delivered;
    }

    /// <summary>Posts one event; null when the receiver answered 2xx, else what went wrong (never the receiver's body).</summary>
    private async Task<string?> PostAsync(string url, string key, ApiEvent apiEvent, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(apiEvent.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(key, clock.GetUtcNow(), apiEvent.Payload));
        request.Headers.Add(WebhookSignature.EventIdHeader, apiEvent.Id.ToString());
        request.Headers.Add(WebhookSignature.EventTypeHeader, apiEvent.Type);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timed out";
        }
        catch (HttpRequestException exception)
        {
            return $"could not connect ({exception.HttpRequestError})";
        }
    }

    private static async Task RecordAsync(PortalDbContext db, Claimed delivery, string? error, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var attempts = delivery.Attempts + 1;
        var givenUp = error is not null && attempts >= WebhookDelivery.MaxAttempts;
        var next = now + WebhookDelivery.Backoff(attempts);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "WebhookDeliveries" SET "Attempts" = {attempts}, "LastError" = {error},
                "DeliveredAt" = CASE WHEN {error is null} THEN {now} END,
                "FailedAt" = CASE WHEN {givenUp} THEN {now} END,
                "NextAttemptAt" = {next}
            WHERE "Id" = {delivery.Id}
            """, cancellationToken);
    }

    /// <summary>Events past their keeping, with their deliveries: they carry children's details, and every receiver has had them.</summary>
    private static Task RemoveOldEventsAsync(PortalDbContext db, DateTimeOffset before, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            DELETE FROM "ApiEvents" WHERE "Sequence" IN (SELECT "Sequence" FROM "ApiEvents" WHERE "OccurredAt" < {before} LIMIT 1000)
            """, cancellationToken);

    private sealed record Claimed(long Id, Guid ApiClientId, long EventSequence, int Attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhooks: {Claimed} attempted, {Delivered} delivered")]
    private static partial void LogRound(ILogger logger, int claimed, int delivered);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook round failed ({ExceptionType}); retrying after the interval")]
    private static partial void LogRoundFailed(ILogger logger, string exceptionType);
}
