using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// An integration test that reads its e-mails from a real SMTP server on loopback (aiosmtpd, started by the test
/// when it wants it), sent by outbox dispatchers of its own, as each app instance would run one.
/// </summary>
public abstract class MailIntegrationTest(PortalApp app) : IntegrationTest(app), IAsyncLifetime
{
    protected LoopbackSmtpServer Smtp { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Smtp = LoopbackSmtpServer.OnFreePort();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await DisposeAsync();
    }

    /// <summary>A dispatcher of its own, sending to the loopback server.</summary>
    protected OutboxDispatcher Dispatcher(TimeSpan? pollInterval = null, TimeSpan? retryBaseDelay = null, int maxAttempts = 20)
    {
        var configured = App.Services.GetRequiredService<IOptions<EmailOptions>>().Value;
        var options = new EmailOptions
        {
            Mode = EmailDeliveryMode.Smtp,
            FromAddress = configured.FromAddress,
            FromName = configured.FromName,
            PublicBaseUrl = configured.PublicBaseUrl,
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = Smtp.Port, Security = MailKit.Security.SecureSocketOptions.None,
                Timeout = TimeSpan.FromSeconds(5) },
            Dispatcher = new OutboxDispatcherOptions
            {
                Enabled = true,
                PollInterval = pollInterval ?? TimeSpan.FromMilliseconds(100),
                BatchSize = 1000,
                RetryBaseDelay = retryBaseDelay ?? TimeSpan.FromSeconds(30),
                RetryMaxDelay = TimeSpan.FromMinutes(5),
                MaxAttempts = maxAttempts,
            },
        };
        return new OutboxDispatcher(
            App.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(options),
            App.Services.GetRequiredService<IHostEnvironment>(),
            TestClock.Instance,
            App.Services.GetRequiredService<ILogger<OutboxDispatcher>>());
    }

    /// <summary>Sends everything due until a round sends nothing; returns how many were sent.</summary>
    protected static async Task<int> DrainAsync(OutboxDispatcher dispatcher)
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
