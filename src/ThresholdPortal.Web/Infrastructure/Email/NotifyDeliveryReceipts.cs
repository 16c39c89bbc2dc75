using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Infrastructure.Email;

/// <summary>
/// GOV.UK Notify's delivery receipts (docs/decisions/0111): Notify POSTs a JSON receipt for each e-mail with the bearer
/// token set in its callback settings. The receipt's <c>reference</c> is the outbox row's id (0110), so the row keeps
/// Notify's word on delivery, and the administrators' messages page shows and counts the failures. The endpoint is the
/// one anonymous POST in the portal: the token is its authentication, compared in constant time, and refused when unset.
/// </summary>
public static partial class NotifyDeliveryReceipts
{
    public const string Path = "/notify/delivery-receipts";

    /// <summary>Receipts are small; anything bigger is not one.</summary>
    private const int MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapNotifyDeliveryReceipts(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<EmailOptions> options, IMediator mediator,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!Authorised(request.Headers.Authorization.ToString(), options.Value.Notify.CallbackBearerToken))
        {
            return Results.Unauthorized();
        }

        if (request.ContentLength > MaxBodyBytes || await ReadAsync(request, cancellationToken) is not { } receipt)
        {
            return Results.BadRequest();
        }

        var result = await mediator.Send(receipt, cancellationToken);
        if (result is CommandResult.NotFoundResult)
        {
            // Not ours, or a message already removed by the retention schedule: nothing to keep, and nothing for Notify to retry.
            LogUnknownReference(loggers.CreateLogger(nameof(NotifyDeliveryReceipts)), receipt.MessageId);
        }

        return Results.NoContent();
    }

    /// <summary>"Bearer {token}" with the configured token; never true when no token is configured.</summary>
    public static bool Authorised(string? header, string? token)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(token) || header is null || !header.StartsWith(scheme, StringComparison.Ordinal))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..]), Encoding.UTF8.GetBytes(token));
    }

    private static async Task<RecordDelivery?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<Receipt>(request.Body, cancellationToken: cancellationToken);
            return body?.ToCommand();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notify delivery receipt for unknown message {MessageId}")]
    private static partial void LogUnknownReference(ILogger logger, Guid messageId);

    /// <summary>The fields of Notify's callback body that matter here.</summary>
    private sealed record Receipt(
        [property: JsonPropertyName("reference")] string? Reference,
        [property: JsonPropertyName("status")] string? Status,
        [property: JsonPropertyName("notification_type")] string? NotificationType,
        [property: JsonPropertyName("completed_at")] DateTimeOffset? CompletedAt,
        [property: JsonPropertyName("sent_at")] DateTimeOffset? SentAt,
        [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt)
    {
        public RecordDelivery? ToCommand()
        {
            var status = Status switch
            {
                "delivered" => DeliveryStatus.Delivered,
                "permanent-failure" => DeliveryStatus.PermanentFailure,
                "temporary-failure" => DeliveryStatus.TemporaryFailure,
                "technical-failure" => DeliveryStatus.TechnicalFailure,
                _ => (DeliveryStatus?)null,
            };
            var at = CompletedAt ?? SentAt ?? CreatedAt;
            return status is { } known && at is { } reported && NotificationType is null or "email"
                && Guid.TryParseExact(Reference, "N", out var id)
                ? new RecordDelivery(id, known, reported)
                : null;
        }
    }
}

/// <summary>Keeps Notify's report on one outbox message.</summary>
public sealed record RecordDelivery(Guid MessageId, DeliveryStatus Status, DateTimeOffset ReportedAt) : ICommand<CommandResult>;

public sealed class RecordDeliveryHandler(PortalDbContext db) : IRequestHandler<RecordDelivery, CommandResult>
{
    public async Task<CommandResult> Handle(RecordDelivery request, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == request.MessageId, cancellationToken);
        if (message is null)
        {
            return CommandResult.NotFound;
        }

        message.RecordDelivery(request.Status, request.ReportedAt);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved;
    }
}
