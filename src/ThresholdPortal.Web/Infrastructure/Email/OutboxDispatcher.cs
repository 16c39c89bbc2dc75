using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Infrastructure.Data;

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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Dispatcher;
        if (!settings.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Typically PostgreSQL unreachable: nothing is lost, the messages wait in the table.
                LogRoundFailed(logger, exception.GetType().Name);
            }

            try
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
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
        }

        return sent;
    }

    private async Task<Attempt> DispatchOneAsync(IEmailTransport transport, EmailOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var claimed = await db.OutboxMessages.FromSql($"""
            SELECT * FROM "OutboxMessages"
            WHERE "SentAt" IS NULL AND "GaveUpAt" IS NULL AND "NextAttemptAt" <= {now}
            ORDER BY "NextAttemptAt"
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (claimed is not [var message])
        {
            return Attempt.NothingDue;
        }

        var outcome = await SendAsync(message, transport, settings, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    private async Task<Attempt> SendAsync(OutboxMessage message, IEmailTransport transport, EmailOptions settings,
        CancellationToken cancellationToken)
    {
        var template = EmailTemplate.Find(message.Template);
        if (template is null || message.Link is null)
        {
            message.GiveUp(clock.GetUtcNow(), $"Unknown template '{message.Template}' or no link.");
            LogGaveUp(logger, message.Id, message.Attempts);
            return Attempt.Failed;
        }

        MimeKit.MimeMessage mime;
        try
        {
            mime = EmailComposer.Compose(message, template, settings, clock.GetUtcNow());
        }
        catch (MimeKit.ParseException)
        {
            message.GiveUp(clock.GetUtcNow(), "The recipient is not a valid e-mail address.");
            LogGaveUp(logger, message.Id, message.Attempts);
            return Attempt.Failed;
        }

        try
        {
            await transport.SendAsync(mime, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            message.RecordFailure(clock.GetUtcNow(), $"{exception.GetType().Name}: {exception.Message}", settings.Dispatcher.RetryPolicy);
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
