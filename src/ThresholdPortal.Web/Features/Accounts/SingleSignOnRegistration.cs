using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ThresholdPortal.Web.Features.Accounts;

/// <summary>
/// One OpenID Connect handler per configured provider (docs/decisions/0122): authorization code flow with PKCE, the
/// handler's own state, nonce, signature and lifetime checks, and the result held only in Identity's external cookie
/// until the portal's own rules admit the person. None configured, none registered: single sign-on is off by default.
/// </summary>
public static class SingleSignOnRegistration
{
    /// <summary>The claim naming the scheme a provider sign-in came through, added once the ID token is valid.</summary>
    public const string SchemeClaim = "tp_sso_scheme";

    /// <summary>Where a provider sign-in that failed its checks (state, nonce, signature, lifetime) is sent.</summary>
    public const string FailedPath = "/account/single-sign-on";

    public static IServiceCollection AddSingleSignOn(this IServiceCollection services, IConfiguration configuration, bool relaxedCookies)
    {
        var settings = configuration.GetSection(SingleSignOnOptions.Section).Get<SingleSignOnOptions>() ?? new SingleSignOnOptions();
        services.AddOptions<SingleSignOnOptions>().Bind(configuration.GetSection(SingleSignOnOptions.Section))
            .Validate(o => o.Providers.All(p => p.Scheme.Length > 0 && p.Scheme.All(char.IsAsciiLetterOrDigit)),
                "SingleSignOn:Providers: every Scheme must be letters and digits")
            .Validate(o => o.Providers.Select(p => p.Scheme).Distinct(StringComparer.Ordinal).Count() == o.Providers.Count,
                "SingleSignOn:Providers: Scheme names must be unique")
            .Validate(o => o.Providers.All(p => Uri.TryCreate(p.Authority, UriKind.Absolute, out _) && p.ClientId.Length > 0),
                "SingleSignOn:Providers: every provider needs an absolute Authority and a ClientId")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SingleSignOnOptions>>().Value);

        var authentication = services.AddAuthentication();
        foreach (var provider in settings.Providers)
        {
            authentication.AddOpenIdConnect(provider.Scheme, provider.DisplayName, options => Configure(options, provider, relaxedCookies));
        }

        return services;
    }

    private static void Configure(OpenIdConnectOptions options, IdentityProviderOptions provider, bool relaxedCookies)
    {
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.SignOutScheme = IdentityConstants.ApplicationScheme;
        options.Authority = provider.Authority;
        options.RequireHttpsMetadata = provider.RequireHttpsMetadata;
        options.ClientId = provider.ClientId;
        options.ClientSecret = provider.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.SaveTokens = false;
        options.Scope.Clear();
        foreach (var scope in provider.Scopes)
        {
            options.Scope.Add(scope);
        }

        options.CallbackPath = $"/signin-oidc-{provider.Scheme.ToLowerInvariant()}";
        options.SignedOutCallbackPath = $"/signout-callback-oidc-{provider.Scheme.ToLowerInvariant()}";
        // Front-channel logout: the provider loads this in the person's browser and the portal session there ends.
        options.RemoteSignOutPath = $"/signout-oidc-{provider.Scheme.ToLowerInvariant()}";
        options.SignedOutRedirectUri = "/account/sign-out";
        options.ClaimActions.Remove("amr");
        if (relaxedCookies)
        {
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }

        // The callback is a top-level GET (response_mode=query), so Lax cookies reach it.
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.Events.OnTokenValidated = context =>
        {
            (context.Principal?.Identity as System.Security.Claims.ClaimsIdentity)?.AddClaim(new(SchemeClaim, provider.Scheme));
            return Task.CompletedTask;
        };
        options.Events.OnRemoteFailure = context =>
        {
            // Nothing of the token or the person is logged: only that the provider's answer failed its checks.
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOnRegistration))
                .LogWarning("A single sign-on answer from {Scheme} failed its checks: {Failure}", provider.Scheme,
                    context.Failure?.GetType().Name);
            context.Response.Redirect(FailedPath);
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
