using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;
using ThresholdPortal.Web.Api.Events;
using ThresholdPortal.Web.Api.Referrals;
using ThresholdPortal.Web.Api.Webhooks;
using ThresholdPortal.Web.Features.ApiClients;

namespace ThresholdPortal.Web.Api;

/// <summary>The API's policies: a bearer token from <see cref="ApiAuthentication"/> that carries the scope.</summary>
public static class ApiPolicies
{
    public const string ReferralsWrite = "Api.ReferralsWrite";
    public const string CasesRead = "Api.CasesRead";

    public static AuthorizationOptions AddApiPolicies(this AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(ReferralsWrite, p => Scope(p, ApiScopes.ReferralsWrite));
        options.AddPolicy(CasesRead, p => Scope(p, ApiScopes.CasesRead));
        return options;
    }

    private static void Scope(AuthorizationPolicyBuilder policy, string scope) =>
        policy.AddAuthenticationSchemes(ApiAuthentication.Scheme).RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.HasScope(scope));
}

/// <summary>
/// The API for partner systems (issue 21, docs/api.md): beside the pages, sending the pages' own mediator requests, so
/// every rule, audit and access check is the same. Everything under /api answers problem details, never an HTML page.
/// </summary>
public static class ApiEndpoints
{
    public const string Root = "/api";
    public const string OpenApiPath = "/api/openapi.json";

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(Root);

    public static IServiceCollection AddPortalApi(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddApiAuthentication(environment);
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<WebhookSender>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());
        services.AddProblemDetails();
        // The OpenAPI document describes JSON as ApiJson writes it: enums as camelCase names.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(
            new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        services.AddOpenApi("v1", options =>
        {
            // The API's endpoints only: not the pages' small JSON helpers (keep-alive, Notify's receipts).
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "ThresholdPortal API";
                document.Info.Description =
                    "Referrals in from partner systems; decisions out to the council's case management. See docs/api.md.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static void MapPortalApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapTokenEndpoint();
        var v1 = app.MapGroup(Root + "/v1").AddEndpointFilter<ApiCallFilter>().DisableAntiforgery();
        PartnerReferralEndpoints.Map(v1);
        EventFeedEndpoints.Map(v1);
        app.MapOpenApi(OpenApiPath).AllowAnonymous();
    }
}
