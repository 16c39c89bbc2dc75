using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.TestSupport;

/// <summary>An outbox dispatcher of its own, as another app instance would run it, sending to a loopback SMTP server.</summary>
public static class LoopbackDispatch
{
    public static OutboxDispatcher Dispatcher(PortalApp app, LoopbackSmtpServer smtp, TimeSpan? retryBaseDelay = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(smtp);
        var configured = app.Services.GetRequiredService<IOptions<EmailOptions>>().Value;
        var options = new EmailOptions
        {
            Mode = EmailDeliveryMode.Smtp,
            FromAddress = configured.FromAddress,
            FromName = configured.FromName,
            PublicBaseUrl = configured.PublicBaseUrl,
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = MailKit.Security.SecureSocketOptions.None,
                Timeout = TimeSpan.FromSeconds(5) },
            Dispatcher = new OutboxDispatcherOptions
            {
                Enabled = true,
                PollInterval = TimeSpan.FromMilliseconds(100),
                BatchSize = 1000,
                RetryBaseDelay = retryBaseDelay ?? TimeSpan.FromSeconds(30),
                RetryMaxDelay = TimeSpan.FromMinutes(5),
                MaxAttempts = 20,
            },
        };
        return new OutboxDispatcher(
            app.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(options),
            app.Services.GetRequiredService<IHostEnvironment>(),
            TestClock.Instance,
            app.Services.GetRequiredService<ILogger<OutboxDispatcher>>());
    }

    /// <summary>Sends everything due until a round sends nothing; returns how many were sent.</summary>
    public static async Task<int> DrainAsync(OutboxDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        var total = 0;
        int sent;
        do
        {
            sent = await dispatcher.DispatchDueAsync(CancellationToken.None);
            total += sent;
        }
        while (sent > 0);
        return total;
    }
}
