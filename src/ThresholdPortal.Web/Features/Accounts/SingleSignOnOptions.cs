namespace ThresholdPortal.Web.Features.Accounts;

/// <summary>
/// The <c>SingleSignOn</c> settings: the identity providers organisations sign their staff in with (docs/decisions/0107).
/// Kept in configuration, not the database, because each carries a client secret; none configured means none offered.
/// </summary>
public sealed class SingleSignOnOptions
{
    public const string Section = "SingleSignOn";

    public List<IdentityProviderOptions> Providers { get; set; } = [];

    /// <summary>The provider serving the organisation, if it has one.</summary>
    public IdentityProviderOptions? ForOrganisation(Guid organisationId) =>
        Providers.FirstOrDefault(p => p.OrganisationId == organisationId);

    public IdentityProviderOptions? ByScheme(string? scheme) =>
        Providers.FirstOrDefault(p => string.Equals(p.Scheme, scheme, StringComparison.Ordinal));

    /// <summary>The providers' origins ("https://login.example"), which the sign-in and sign-out forms redirect to.</summary>
    public IReadOnlyList<string> FormActionOrigins() =>
        [.. Providers.Select(p => Uri.TryCreate(p.Authority, UriKind.Absolute, out var authority)
                ? authority.GetLeftPart(UriPartial.Authority) : null)
            .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>One organisation's OpenID Connect provider (authorization code flow with PKCE).</summary>
public sealed class IdentityProviderOptions
{
    /// <summary>The authentication scheme's name, also in its callback paths: letters and digits, unique among providers.</summary>
    public string Scheme { get; set; } = "";

    /// <summary>Shown on the button: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The portal organisation whose staff sign in with it: only their accounts can be reached through it.</summary>
    public Guid OrganisationId { get; set; }

    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";

    /// <summary>The scopes asked for; "openid" and "email" are needed to find the account.</summary>
    public List<string> Scopes { get; set; } = ["openid", "email", "profile"];

    /// <summary>
    /// Whether the provider's own multi-factor assertion (<c>amr</c> containing "mfa") stands in for the portal's second
    /// factor. On by default; without the assertion the portal still asks for its own.
    /// </summary>
    public bool AcceptProviderMultiFactor { get; set; } = true;

    /// <summary>The claim that lists the person's groups, for <see cref="GroupRoles"/>.</summary>
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>
    /// Optional: provider group -> portal role. Only the roles named here follow the groups; every other role stays as
    /// the portal's administrators set it. Empty means roles come from the portal's administration alone.
    /// </summary>
    public Dictionary<string, string> GroupRoles { get; set; } = [];

    /// <summary>Only over HTTPS, except a provider on the loopback address (the local demo and the tests).</summary>
    public bool RequireHttpsMetadata => !Uri.TryCreate(Authority, UriKind.Absolute, out var uri) || !uri.IsLoopback;
}
