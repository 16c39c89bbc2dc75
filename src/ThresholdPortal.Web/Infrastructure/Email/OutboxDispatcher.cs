using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Telemetry;
using ThresholdPortal.Web.Infrastructure.BackgroundJobs;

namespace ThresholdPortal.Web.Infrastructure.Email;

/// <summary>
/// Sends queued e-mails. Every app instance runs one; they share the work safely because each message is
/// claimed with <c>FOR UPDATE SKIP LOCKED</c> and its row stays locked until it is marked sent, in one
/// transaction per message (docs/decisions/0020).
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<EmailOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private enum Attempt
    {
        NothingDue,
        Sent,
        Failed,
    }

    /// <summary>
    /// Set when a send fails because of the server rather than the message, so the next success means the server is
    /// back and the backlog is released (docs/decisions/0101). True at start: a new dispatcher cannot know whether
    /// the server was down before it started. A hint only: losing it costs a wait, never a message.
    /// </summary>
    private volatile bool serverMayHaveBeenDown = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Dispatcher;
        if (!settings.Enabled)
        {
            return;
        }

        await Rounds.RunAsync(settings.PollInterval, clock, DispatchDueAsync, type => LogRoundFailed(logger, type), stoppingToken);
    }

    /// <summary>
    /// Sends due messages until none is left, the batch is full or one fails (the server is probably down,
    /// so the rest wait for the next round). Returns how many were sent.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var transport = EmailTransport.Create(settings, environment.ContentRootPath, clock);
        var sent = 0;
        while (sent < settings.Dispatcher.BatchSize)
        {
            var attempt = await DispatchOneAsync(transport, settings, cancellationToken);
            if (attempt != Attempt.Sent)
            {
                break;
            }

            sent++;
            if (serverMayHaveBeenDown)
            {
                serverMayHaveBeenDown = false;
                await ReleaseBacklogAsync(cancellationToken);
            }
        }

        return sent;
    }

    private async Task<Attempt> DispatchOneAsync(IOutboxChannel transport, EmailOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var claimed = await db.OutboxMessages.FromSql($"""
            SELECT * FROM "OutboxMessages"
            WHERE "SentAt" IS NULL AND "GaveUpAt" IS NULL AND "NextAttemptAt" <= {now}
            ORDER BY "NextAttemptAt", "CreatedAt"
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (claimed is not [var message])
        {
            return Attempt.NothingDue;
        }

        // A span per message, not per poll (every few seconds): the claim before it is not traced (docs/decisions/0116).
        using var activity = PortalTelemetry.Source.StartActivity("outbox.send");
        activity?.SetTag("thresholdportal.template", message.Template);
        var outcome = await SendAsync(message, transport, settings, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        activity?.SetTag("thresholdportal.outcome", outcome == Attempt.Sent ? "sent" : message.GaveUpAt is null ? "retry" : "gave_up");
        if (outcome == Attempt.Sent)
        {
            PortalTelemetry.EmailsSent.Add(1);
        }
        else
        {
            PortalTelemetry.EmailFailures.Add(1,
                new KeyValuePair<string, object?>("outcome", message.GaveUpAt is null ? "retry" : "gave_up"));
        }

        return outcome;
    }

    /// <summary>
    /// The server took a message, so it is back: every message waiting out its back-off is due again at once, at its
    /// creation time, so the oldest goes first rather than each waiting up to the maximum delay.
    /// </summary>
    private async Task ReleaseBacklogAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow();
        var released = await db.Database.ExecuteSqlAsync($"""
            UPDATE "OutboxMessages" SET "NextAttemptAt" = "CreatedAt"
            WHERE "SentAt" IS NULL AND "GaveUpAt" IS NULL AND "Attempts" > 0 AND "NextAttemptAt" > {now}
            """, cancellationToken);
        if (released > 0)
        {
            LogBacklogReleased(logger, released);
        }
    }

    private async Task<Attempt> SendAsync(OutboxMessage message, IOutboxChannel transport, EmailOptions settings,
        CancellationToken cancellationToken)
    {
        var template = EmailTemplate.Find(message.Template);
        if (template is null || message.Link is null)
        {
            message.GiveUp(clock.GetUtcNow(), $"Unknown template '{message.Template}' or no link.");
            LogGaveUp(logger, message.Id, message.Attempts);
            return Attempt.Failed;
        }

        try
        {
            await transport.SendAsync(message, template, cancellationToken);
        }
        catch (PermanentDeliveryFailureException refused)
        {
            // A malformed address, or Notify's 400: the same message would be refused again, so it is not retried.
            message.GiveUp(clock.GetUtcNow(), refused.Message);
            LogGaveUp(logger, message.Id, message.Attempts);
            return Attempt.Failed;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            message.RecordFailure(clock.GetUtcNow(), $"{exception.GetType().Name}: {exception.Message}", settings.Dispatcher.RetryPolicy);
            serverMayHaveBeenDown |= !IsRefusalOfThisMessage(exception);
            if (message.GaveUpAt is null)
            {
                LogWillRetry(logger, message.Id, message.Attempts, exception.GetType().Name, message.NextAttemptAt);
            }
            else
            {
                LogGaveUp(logger, message.Id, message.Attempts);
            }

            return Attempt.Failed;
        }

        message.MarkSent(clock.GetUtcNow());
        LogSent(logger, message.Id, message.Template, message.Attempts);
        return Attempt.Sent;
    }

    /// <summary>The server answered and refused this message (its sender, a recipient or its content): it is up.</summary>
    private static bool IsRefusalOfThisMessage(Exception exception) =>
        exception is SmtpCommandException
        {
            ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted or SmtpErrorCode.MessageNotAccepted,
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "SMTP server is back: {Count} waiting e-mails are due again")]
    private static partial void LogBacklogReleased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent e-mail {MessageId} ({Template}) at attempt {Attempts}")]
    private static partial void LogSent(ILogger logger, Guid messageId, string template, int attempts);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "E-mail {MessageId} not sent at attempt {Attempts} ({ExceptionType}); next try at {NextAttemptAt:o}")]
    private static partial void LogWillRetry(ILogger logger, Guid messageId, int attempts, string exceptionType,
        DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up e-mail {MessageId} after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Guid messageId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch round failed ({ExceptionType}); retrying after the poll interval")]
    private static partial void LogRoundFailed(ILogger logger, string exceptionType);
}
