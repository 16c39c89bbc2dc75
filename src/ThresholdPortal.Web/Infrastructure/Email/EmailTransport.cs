using MailKit.Net.Smtp;
using MimeKit;

namespace ThresholdPortal.Web.Infrastructure.Email;

/// <summary>Hands a finished MIME message to the outside world. One transport serves one dispatch round.</summary>
public interface IEmailTransport : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Delivers one queued message by whichever channel is configured. Throws <see cref="PermanentDeliveryFailureException"/>
/// when the message can never go, and anything else when it may go later.
/// </summary>
public interface IOutboxChannel : IAsyncDisposable
{
    Task SendAsync(OutboxMessage message, EmailTemplate template, CancellationToken cancellationToken);
}

public static class EmailTransport
{
    public static IOutboxChannel Create(EmailOptions options, string contentRoot, TimeProvider clock) => options.Mode switch
    {
        EmailDeliveryMode.Smtp => new MimeChannel(new SmtpEmailTransport(options.Smtp), options, clock),
        EmailDeliveryMode.FileDrop => new MimeChannel(
            new FileDropEmailTransport(Path.Combine(contentRoot, options.FileDropFolder), clock), options, clock),
        EmailDeliveryMode.Notify => new NotifyChannel(options, clock),
        _ => throw new InvalidOperationException($"Unknown Email:Mode {options.Mode}."),
    };
}

/// <summary>Composes the MIME message and hands it to SMTP or the drop folder.</summary>
public sealed class MimeChannel(IEmailTransport transport, EmailOptions options, TimeProvider clock) : IOutboxChannel
{
    public async Task SendAsync(OutboxMessage message, EmailTemplate template, CancellationToken cancellationToken)
    {
        MimeMessage mime;
        try
        {
            mime = EmailComposer.Compose(message, template, options, clock.GetUtcNow());
        }
        catch (ParseException)
        {
            throw new PermanentDeliveryFailureException("The recipient is not a valid e-mail address.");
        }

        await transport.SendAsync(mime, cancellationToken);
    }

    public ValueTask DisposeAsync() => transport.DisposeAsync();
}

/// <summary>MailKit SMTP. Connects on the first message and reuses the connection for the round.</summary>
public sealed class SmtpEmailTransport(SmtpOptions options) : IEmailTransport
{
    private SmtpClient? client;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var smtp = await ConnectedClientAsync(cancellationToken);
            await smtp.SendAsync(message, cancellationToken);
        }
        catch
        {
            // A failed command can leave the session in an unknown state: start afresh for the next message.
            await DisconnectAsync();
            throw;
        }
    }

    private async Task<SmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        if (client is { IsConnected: true })
        {
            return client;
        }

        client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        await client.ConnectAsync(options.Host, options.Port, options.Security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken);
        }

        return client;
    }

    private async Task DisconnectAsync()
    {
        if (client is null)
        {
            return;
        }

        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception exception)
            when (exception is IOException or MailKit.ProtocolException or MailKit.CommandException or TimeoutException
            or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            // The connection is being dropped anyway.
        }

        client.Dispose();
        client = null;
    }

    public async ValueTask DisposeAsync() => await DisconnectAsync();
}

/// <summary>Writes each message as an .eml file, for a machine with no SMTP server at hand.</summary>
public sealed class FileDropEmailTransport(string folder, TimeProvider clock) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        var partial = Path.Combine(folder, "." + name + ".partial");
        await message.WriteToAsync(partial, cancellationToken);
        // Renamed only when complete, so a reader never sees half a message.
        File.Move(partial, Path.Combine(folder, name));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
