namespace ThresholdPortal.Web.Infrastructure.Email;

/// <summary>
/// Sends a queued e-mail through GOV.UK Notify (docs/decisions/0110). The outbox row's id is Notify's <c>reference</c>, so
/// every notification can be traced to its row, and a retry first asks Notify whether an earlier attempt already got through.
/// </summary>
public sealed class NotifyChannel : IOutboxChannel
{
    // One pool of connections for the app's life; each round's client is only a light wrapper around it.
    private static readonly SocketsHttpHandler SharedHandler = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    private readonly HttpClient http;
    private readonly NotifyClient client;
    private readonly EmailOptions options;

    public NotifyChannel(EmailOptions options, TimeProvider clock)
    {
        this.options = options;
        var key = options.Notify.Key ?? throw new InvalidOperationException("Email:Notify:ApiKey is not a Notify API key.");
        http = new HttpClient(SharedHandler, disposeHandler: false)
        {
            BaseAddress = new Uri(options.Notify.BaseUrl.AbsoluteUri.TrimEnd('/') + "/"),
            Timeout = options.Notify.Timeout,
        };
        client = new NotifyClient(http, key, clock);
    }

    public async Task SendAsync(OutboxMessage message, EmailTemplate template, CancellationToken cancellationToken)
    {
        // Checked at start-up for every template; a template added without its id waits, and is sent once it is configured.
        if (!options.Notify.Templates.TryGetValue(template.Name, out var templateId))
        {
            throw new InvalidOperationException($"No Notify template id for '{template.Name}' in Email:Notify:Templates.");
        }

        var reference = Reference(message);
        // An earlier attempt may have reached Notify and lost only its answer (a timeout, a dropped connection): if Notify
        // has the reference, that attempt was the send.
        if (message.Attempts > 0 && await client.HasEmailWithReferenceAsync(reference, cancellationToken))
        {
            return;
        }

        await client.SendEmailAsync(message.Recipient, templateId, Personalisation(template, options.LinkTo(message.Link!)), reference,
            cancellationToken);
    }

    /// <summary>Notify's reference for a row: its id, which is all it says about the message.</summary>
    public static string Reference(OutboxMessage message) => message.Id.ToString("N");

    /// <summary>
    /// The same subject and text as the SMTP e-mail, and the link on its own for templates that lay it out themselves. The
    /// text is fixed per template, so it holds no child's details (docs/decisions/0020).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Personalisation(EmailTemplate template, Uri link) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["subject"] = template.Subject,
            ["body"] = template.RenderBody(link),
            ["link"] = link.AbsoluteUri,
        };

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        return ValueTask.CompletedTask;
    }
}
