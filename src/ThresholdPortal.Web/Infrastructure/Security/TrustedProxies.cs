using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ThresholdPortal.Web.Infrastructure.Security;

/// <summary>
/// The <c>ForwardedHeaders</c> settings: the reverse proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. None by default, so a client reaching the app's port cannot choose its
/// own address and escape the per-address sign-in limit (docs/decisions/0102).
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, such as <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; } = [];

    /// <summary>Proxy networks in CIDR notation, such as <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownIPNetworks { get; } = [];
}

public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(TrustedProxyOptions.Section).Get<TrustedProxyOptions>() ?? new TrustedProxyOptions();
        var proxies = settings.KnownProxies.Select(p => IPAddress.TryParse(p.Trim(), out var address) ? address : throw Invalid(p))
            .ToList();
        var networks = settings.KnownIPNetworks
            .Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var network) ? network : throw Invalid(n)).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The framework's defaults trust loopback, and with both lists empty it trusts everyone: neither is wanted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            if (proxies.Count == 0 && networks.Count == 0)
            {
                options.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }

            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return services;
    }

    /// <summary>
    /// Applies what trusted proxies forwarded, and refuses a forwarded scheme other than http or https, which only a
    /// misconfigured proxy would send (redirects are relative anyway, so it could not reach a Location header).
    /// </summary>
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        return app.Use(async (context, next) =>
        {
            if (context.Request.Scheme != Uri.UriSchemeHttp && context.Request.Scheme != Uri.UriSchemeHttps)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            await next();
        });
    }

    private static InvalidOperationException Invalid(string text) =>
        new($"{TrustedProxyOptions.Section}: '{text}' is not an IP address or CIDR network.");
}
