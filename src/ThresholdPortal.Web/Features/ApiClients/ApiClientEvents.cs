namespace ThresholdPortal.Web.Features.ApiClients;

/// <summary>
/// The audit action codes of API clients and their calls (issue 21), registered with every other audit action in
/// <c>AuditActions</c> (docs/decisions/0097). A call's actor is the client's service account.
/// </summary>
public static class ApiClientEvents
{
    public const string ClientRegistered = "api-client.registered";
    public const string ClientChanged = "api-client.changed";
    public const string ClientDisabled = "api-client.disabled";
    public const string ClientEnabled = "api-client.enabled";
    public const string SecretAdded = "api-client.secret-added";
    public const string SecretRevoked = "api-client.secret-revoked";
    public const string WebhookChanged = "api-client.webhook-changed";
    public const string TokenIssued = "api.token-issued";
    public const string Called = "api.called";
    public const string EventsRead = "api.events-read";

    public const string SubjectType = nameof(ApiClient);

    /// <summary>The feed, for an <see cref="EventsRead"/> event; its subject id is the cursor after the page read.</summary>
    public const string FeedSubjectType = "ApiEventFeed";

    /// <summary>Plain words for one of these codes; null for any other.</summary>
    public static string? Describe(string action) => action switch
    {
        ClientRegistered => "API client registered",
        ClientChanged => "API client changed",
        ClientDisabled => "API client turned off",
        ClientEnabled => "API client turned on",
        SecretAdded => "API client secret added",
        SecretRevoked => "API client secret revoked",
        WebhookChanged => "API client webhook changed",
        TokenIssued => "API access token issued",
        Called => "API called",
        EventsRead => "Case-management feed read",
        _ => null,
    };
}
