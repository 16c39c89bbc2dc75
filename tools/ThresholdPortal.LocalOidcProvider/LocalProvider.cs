using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ThresholdPortal.LocalOidcProvider;

/// <summary>What the provider does to the ID token it issues to one person: the refusal tests need bad ones.</summary>
public enum IdTokenFault
{
    None,
    Tampered,
    Expired,
    WrongNonce,
}

/// <summary>A person the provider knows. Nothing here is real: the demo's and the tests' staff.</summary>
public sealed record ProviderUser(
    string Subject,
    string Email,
    bool EmailVerified = true,
    IReadOnlyList<string>? Methods = null,
    IReadOnlyList<string>? Groups = null,
    IdTokenFault Fault = IdTokenFault.None);

/// <summary>
/// A small, real OpenID Connect provider (OpenIddict, authorization code flow with PKCE, in degraded mode: no
/// database, one confidential client) on a loopback port. The tests start it in-process; run.sh starts it for the
/// demo. The person to sign in is chosen by <c>login_hint</c>, or from a list when there is none.
/// </summary>
public static class LocalProvider
{
    public const string ClientId = "threshold-portal";
    public const string ClientSecret = "local-demo-secret-not-for-production";
    private const string FaultItem = "tp-fault";

    /// <summary>Builds the provider; <paramref name="url"/> such as http://127.0.0.1:0 picks a free port.</summary>
    public static WebApplication Build(string url, ConcurrentDictionary<string, ProviderUser> users, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(users);
        builder.Services.AddAuthentication();
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token")
                .SetEndSessionEndpointUris("connect/end-session");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, "groups");
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
            options.EnableDegradedMode();
            options.UseAspNetCore().DisableTransportSecurityRequirement()
                .EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().EnableEndSessionEndpointPassthrough();
            options.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (!Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var redirect) || !redirect.IsLoopback)
                {
                    // Degraded mode has no client registry: answers go back to this machine only.
                    context.Reject(Errors.InvalidRequest, "Only loopback redirect addresses are accepted.");
                }

                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(b => b.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                }

                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(b => b.UseInlineHandler(_ => default));
            options.AddEventHandler<OpenIddictServerEvents.ApplyTokenResponseContext>(b => b.UseInlineHandler(context =>
            {
                var http = context.Transaction.GetHttpRequest()?.HttpContext;
                if (http?.Items[FaultItem] is IdTokenFault.Tampered && context.Response.IdToken is { } token)
                {
                    // One character of the signature changed: the signature no longer matches.
                    var last = token[^2] == 'A' ? 'B' : 'A';
                    context.Response.IdToken = string.Concat(token.AsSpan(0, token.Length - 2), [last], token.AsSpan(token.Length - 1));
                }

                return default;
            }).SetOrder(int.MinValue));
        });

        var app = builder.Build();
        app.UseAuthentication();
        app.MapMethods("connect/authorize", ["GET", "POST"], (HttpContext http) => Authorize(http, users));
        app.MapPost("connect/token", Token);
        app.MapMethods("connect/end-session", ["GET", "POST"], (HttpContext http) =>
            Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]));
        app.MapGet("/", () => Results.Content("<p>Northshire staff sign-in (local demo): signed out.</p>", "text/html"));
        return app;
    }

    private static IResult Authorize(HttpContext http, ConcurrentDictionary<string, ProviderUser> users)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.LoginHint is not { } hint || !users.TryGetValue(hint, out var user))
        {
            // The demo's "sign-in page": one link per person, each the same request with a login_hint.
            var links = users.Values.OrderBy(u => u.Email, StringComparer.Ordinal).Select(u =>
                $"<li><a href=\"{WebUtility.HtmlEncode(http.Request.Path + http.Request.QueryString.Add("login_hint", u.Email))}\">"
                + $"{WebUtility.HtmlEncode(u.Email)}</a></li>");
            return Results.Content($"<h1>Northshire staff sign-in (local demo)</h1><ul>{string.Concat(links)}</ul>", "text/html");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject).SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.EmailVerified, user.EmailVerified);
        identity.SetClaims(Claims.AuthenticationMethodReference, [.. user.Methods ?? ["pwd"]]);
        identity.SetClaims("groups", [.. user.Groups ?? []]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> Token(HttpContext http, ConcurrentDictionary<string, ProviderUser> users)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal)
        {
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var email = principal.GetClaim(Claims.Email);
        var fault = email is not null && users.TryGetValue(email, out var user) ? user.Fault : IdTokenFault.None;
        http.Items[FaultItem] = fault;
        if (fault == IdTokenFault.Expired)
        {
            // Already an hour past its expiry, beyond any clock skew the client allows.
            principal.SetIdentityTokenLifetime(TimeSpan.FromHours(-1));
        }
        else if (fault == IdTokenFault.WrongNonce)
        {
            principal.SetClaim(Claims.Private.Nonce, "not-the-nonce-the-portal-sent");
        }

        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
