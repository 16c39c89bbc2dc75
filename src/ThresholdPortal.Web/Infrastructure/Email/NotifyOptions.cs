namespace ThresholdPortal.Web.Infrastructure.Email;

/// <summary>The <c>Email:Notify</c> section: GOV.UK Notify as the delivery channel (docs/decisions/0110).</summary>
public sealed class NotifyOptions
{
    /// <summary>The API's address; a contract fake on loopback in the tests.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.notifications.service.gov.uk");

    /// <summary>
    /// The key as Notify shows it: <c>{name}-{service id}-{secret}</c>. The service id is the token's issuer and the secret
    /// signs it; the key itself never goes over the wire.
    /// </summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>
    /// Notify's template id for each message kind, by <see cref="EmailTemplate.Name"/>. Each Notify template shows the
    /// personalisation fields <c>((subject))</c> in its subject and <c>((body))</c> as its text (or uses <c>((link))</c>).
    /// </summary>
    public Dictionary<string, Guid> Templates { get; set; } = [];

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The bearer token Notify sends with its delivery receipts (set the same in Notify's callback settings). Unset, the
    /// receipts endpoint refuses every call.
    /// </summary>
    public string? CallbackBearerToken { get; set; }

    /// <summary>Service id and secret, split out of <see cref="ApiKey"/>; null when the key is not in Notify's shape.</summary>
    public NotifyKey? Key => NotifyKey.Parse(ApiKey);
}

/// <summary>The two parts of a Notify API key that matter: the last two 36-character GUIDs.</summary>
public sealed record NotifyKey(string ServiceId, string Secret)
{
    private const int GuidLength = 36;

    public static NotifyKey? Parse(string? apiKey)
    {
        if (apiKey is null || apiKey.Length < (2 * GuidLength) + 1)
        {
            return null;
        }

        var serviceId = apiKey[^((2 * GuidLength) + 1)..^(GuidLength + 1)];
        var secret = apiKey[^GuidLength..];
        return Guid.TryParse(serviceId, out _) && Guid.TryParse(secret, out _) && apiKey[^(GuidLength + 1)] == '-'
            ? new NotifyKey(serviceId, secret)
            : null;
    }
}
