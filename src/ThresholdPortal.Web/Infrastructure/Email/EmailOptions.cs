using MailKit.Security;
using Microsoft.Extensions.Options;

namespace ThresholdPortal.Web.Infrastructure.Email;

public enum EmailDeliveryMode
{
    /// <summary>Send through an SMTP server (production, and a loopback server in development).</summary>
    Smtp,

    /// <summary>Write each message as an .eml file into a folder instead of sending it.</summary>
    FileDrop,

    /// <summary>Send through GOV.UK Notify's API (docs/decisions/0110).</summary>
    Notify,
}

/// <summary>The <c>Email</c> configuration section (docs/decisions/0020).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailDeliveryMode Mode { get; set; } = EmailDeliveryMode.Smtp;

    public string FromAddress { get; set; } = string.Empty;

    public string FromName { get; set; } = "Refer a child";

    /// <summary>
    /// The portal's own address as users reach it, for links in e-mails. Configured, never taken from a
    /// request's Host header, which an attacker could set to their own site in a password-reset request.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where <see cref="EmailDeliveryMode.FileDrop"/> writes messages; relative to the content root.</summary>
    public string FileDropFolder { get; set; } = ".data/mail";

    public NotifyOptions Notify { get; set; } = new();

    public OutboxDispatcherOptions Dispatcher { get; set; } = new();

    public Uri LinkTo(string pathAndQuery) => new(PublicBaseUrl!, pathAndQuery);
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = string.Empty;
    public int Port { get; set; } = 25;

    /// <summary>None only for a server on loopback; StartTls or SslOnConnect anywhere else.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class OutboxDispatcherOptions
{
    /// <summary>Off in integration tests, which run dispatchers explicitly.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most messages one dispatcher sends in one round before it sleeps again.</summary>
    public int BatchSize { get; set; } = 50;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts a message is given up (about 15 hours with the defaults).</summary>
    public int MaxAttempts { get; set; } = 20;

    public OutboxRetryPolicy RetryPolicy => new(RetryBaseDelay, RetryMaxDelay, MaxAttempts);
}

public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.FromAddress) || !MimeKit.MailboxAddress.TryParse(options.FromAddress, out _))
        {
            failures.Add("Email:FromAddress must be an e-mail address.");
        }

        if (options.PublicBaseUrl is not { IsAbsoluteUri: true } url
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Email:PublicBaseUrl must be the portal's absolute http(s) address, for links in e-mails.");
        }

        if (options.Mode == EmailDeliveryMode.Smtp && (string.IsNullOrWhiteSpace(options.Smtp.Host) || options.Smtp.Port is < 1 or > 65535))
        {
            failures.Add("Email:Smtp:Host and Email:Smtp:Port must name the SMTP server when Email:Mode is Smtp.");
        }

        if (options.Mode == EmailDeliveryMode.FileDrop && string.IsNullOrWhiteSpace(options.FileDropFolder))
        {
            failures.Add("Email:FileDropFolder must be set when Email:Mode is FileDrop.");
        }

        if (options.Mode == EmailDeliveryMode.Notify)
        {
            failures.AddRange(NotifyFailures(options.Notify));
        }

        var dispatcher = options.Dispatcher;
        if (dispatcher.PollInterval <= TimeSpan.Zero || dispatcher.BatchSize < 1 || dispatcher.MaxAttempts < 1
            || dispatcher.RetryBaseDelay <= TimeSpan.Zero || dispatcher.RetryMaxDelay < dispatcher.RetryBaseDelay)
        {
            failures.Add("Email:Dispatcher needs a positive PollInterval, BatchSize, MaxAttempts and RetryBaseDelay, and RetryMaxDelay " +
                ">= RetryBaseDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> NotifyFailures(NotifyOptions notify)
    {
        if (notify.Key is null)
        {
            yield return "Email:Notify:ApiKey must be a GOV.UK Notify API key ({name}-{service id}-{secret}) when Email:Mode is Notify.";
        }

        if (!notify.BaseUrl.IsAbsoluteUri || notify.Timeout <= TimeSpan.Zero)
        {
            yield return "Email:Notify:BaseUrl must be an absolute address and Email:Notify:Timeout positive.";
        }

        var missing = EmailTemplate.All.Select(t => t.Name).Where(name => !notify.Templates.ContainsKey(name)).Order().ToList();
        if (missing.Count > 0)
        {
            yield return $"Email:Notify:Templates needs a Notify template id for each message kind; missing: {string.Join(", ", missing)}.";
        }
    }
}
