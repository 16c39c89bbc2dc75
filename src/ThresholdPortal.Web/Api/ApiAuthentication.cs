using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Web.Features.ApiClients;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ThresholdPortal.Web.Api;

/// <summary>
/// OAuth 2.0 client credentials for partner systems, with OpenIddict as the token server and validator
/// (docs/decisions/0128). The client registry is the portal's own (several secrets per client, each with an expiry),
/// so OpenIddict runs in degraded mode and <see cref="ClientCredentialsValidation"/> checks the credentials. Tokens are
/// sealed with ASP.NET Core Data Protection, whose keys are in PostgreSQL: every instance accepts every other's tokens.
/// </summary>
public static class ApiAuthentication
{
    public const string TokenPath = "/api/connect/token";
    public const string Scheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(30);

    /// <summary>The claim that carries the client's registry id (not its public client_id, which is "sub").</summary>
    public const string ApiClientIdClaim = "thresholdportal:api_client";

    public static IServiceCollection AddApiAuthentication(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOpenIddict()
            .AddServer(options =>
            {
                options.SetTokenEndpointUris(TokenPath.TrimStart('/'));
                options.AllowClientCredentialsFlow();
                options.RegisterScopes([.. ApiScopes.All]);
                options.SetAccessTokenLifetime(TokenLifetime);
                // These keys only satisfy OpenIddict's start-up checks: Data Protection seals the tokens, so nothing is signed or
                // encrypted with them. An AES key and a P-256 key take microseconds to make; the two ephemeral RSA keys took 1-3 s
                // of CPU at every start (docs/decisions/0140).
                options.AddEncryptionKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)))
                    .AddSigningKey(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)));
                options.UseDataProtection();
                options.EnableDegradedMode();
                var aspNetCore = options.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }

                options.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(b =>
                    b.UseScopedHandler<ClientCredentialsValidation>());
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.UseDataProtection();
                options.UseAspNetCore();
            });
        return services;
    }

    public static void MapTokenEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost(TokenPath, IssueAsync).AllowAnonymous().ExcludeFromDescription();

    /// <summary>Reached only once <see cref="ClientCredentialsValidation"/> accepted the client and its scopes.</summary>
    private static async Task<IResult> IssueAsync(HttpContext http, PortalDbContext db, TimeProvider clock)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not a token request.");
        var client = await db.ApiClients.AsNoTracking().Where(c => c.ClientId == request.ClientId)
            .Select(c => new { c.Id, c.ClientId, c.Name, c.OrganisationId, c.ServiceUserId, c.Scopes })
            .SingleAsync(http.RequestAborted);
        var scopes = request.GetScopes() is { IsEmpty: false } asked ? [.. asked] : client.Scopes;

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, client.ClientId)
            .SetClaim(Claims.Name, client.Name)
            .SetClaim(ClaimTypes.NameIdentifier, client.ServiceUserId.ToString())
            .SetClaim(PortalClaimTypes.OrganisationId, client.OrganisationId.ToString())
            .SetClaim(PortalClaimTypes.FullName, client.Name)
            .SetClaim(ApiClientIdClaim, client.Id.ToString())
            .SetClaims(Claims.Role, [PortalRole.Referrer]);
        identity.SetScopes(scopes);
        identity.SetDestinations(_ => [Destinations.AccessToken]);

        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow(),
            UserId = client.ServiceUserId,
            Action = ApiClientEvents.TokenIssued,
            SubjectType = ApiClientEvents.SubjectType,
            SubjectId = client.Id.ToString(),
            Detail = $"scopes {string.Join(' ', scopes)}",
        });
        await db.SaveChangesAsync(http.RequestAborted);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}

/// <summary>
/// Checks a token request's client credentials against the registry: an active client, a secret that is neither
/// expired nor revoked, and only scopes the client was given. Every refusal says no more than "invalid_client".
/// </summary>
public sealed class ClientCredentialsValidation(PortalDbContext db, TimeProvider clock)
    : IOpenIddictServerHandler<OpenIddictServerEvents.ValidateTokenRequestContext>
{
    public async ValueTask HandleAsync(OpenIddictServerEvents.ValidateTokenRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ClientId is not { Length: ApiClient.ClientIdLength } clientId || context.ClientSecret is not { Length: > 0 } secret)
        {
            context.Reject(Errors.InvalidClient, "The client credentials are not valid.");
            return;
        }

        var client = await db.ApiClients.AsNoTracking().Include(c => c.Secrets)
            .SingleOrDefaultAsync(c => c.ClientId == clientId, context.CancellationToken);
        var now = clock.GetUtcNow();
        if (client is not { IsActive: true } || !client.Secrets.Any(s => s.WorksAt(now) && ClientSecrets.Matches(s, secret)))
        {
            context.Reject(Errors.InvalidClient, "The client credentials are not valid.");
            return;
        }

        var notGiven = context.Request.GetScopes().Except(client.Scopes, StringComparer.Ordinal).ToList();
        if (notGiven.Count > 0)
        {
            context.Reject(Errors.InvalidScope, $"This client may not ask for: {string.Join(' ', notGiven)}.");
        }
    }
}
