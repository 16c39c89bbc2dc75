using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.IntegrationTests.Pages;

/// <summary>
/// Forwarded headers are believed only from the proxies configured (none by default), hosts only from AllowedHosts,
/// and redirects carry no scheme or host taken from the request (docs/decisions/0102).
/// </summary>
public sealed class ProxiesAndHostsTests(PortalApp app) : IntegrationTest(app)
{
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    [Fact]
    public async Task A_forged_x_forwarded_for_does_not_escape_the_per_address_sign_in_limit()
    {
        var client = BrowserLike(Factory(perAddress: 3, connectingFrom: Client));

        for (var attempt = 0; attempt < 3; attempt++)
        {
            (await SignInFromAsync(client, $"198.51.100.{attempt}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await SignInFromAsync(client, "198.51.100.99")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests,
            "every attempt came from the same socket address, whatever the header claimed");
    }

    [Fact]
    public async Task A_configured_proxy_is_believed_so_each_client_behind_it_has_its_own_limit()
    {
        var client = BrowserLike(Factory(perAddress: 3, connectingFrom: Proxy, trustedProxy: Proxy));

        for (var attempt = 0; attempt < 3; attempt++)
        {
            (await SignInFromAsync(client, "198.51.100.1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await SignInFromAsync(client, "198.51.100.1")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await SignInFromAsync(client, "198.51.100.2")).StatusCode.ShouldBe(HttpStatusCode.OK,
            "another client behind the same proxy is counted on its own");
    }

    [Fact]
    public async Task A_forwarded_proto_of_javascript_never_reaches_a_location_header()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/referrals");
        request.Headers.Add("X-Forwarded-Proto", "javascript");

        var response = await App.CreateBrowserLikeClient().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/account/sign-in?ReturnUrl=%2Freferrals");
    }

    [Fact]
    public async Task A_trusted_proxy_forwarding_a_scheme_other_than_http_or_https_is_refused()
    {
        var client = BrowserLike(Factory(perAddress: 1000, connectingFrom: Proxy, trustedProxy: Proxy));
        var request = new HttpRequestMessage(HttpMethod.Get, "/referrals");
        request.Headers.Add("X-Forwarded-Proto", "javascript");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task A_request_for_a_host_not_allowed_is_refused_without_a_redirect()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/referrals");
        request.Headers.Host = "evil.example";

        var response = await App.CreateBrowserLikeClient().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
        (await App.CreateBrowserLikeClient().GetAsync("/referrals")).StatusCode
            .ShouldBe(HttpStatusCode.Redirect, "the configured host is still served");
    }

    /// <summary>The same app and database, with its own sign-in counters, reached from one socket address.</summary>
    private WebApplicationFactory<Program> Factory(int perAddress, IPAddress connectingFrom, IPAddress? trustedProxy = null) =>
        App.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Security:SignInRateLimit:PerAddressPermits", perAddress.ToString(CultureInfo.InvariantCulture));
            if (trustedProxy is not null)
            {
                builder.UseSetting("ForwardedHeaders:KnownProxies:0", trustedProxy.ToString());
            }

            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ConnectingFrom(connectingFrom)));
        });

    private static HttpClient BrowserLike(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> SignInFromAsync(HttpClient client, string forwardedFor)
    {
        var token = await Forms.TokenAsync(client, "/account/sign-in");
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Data.Email"] = "nobody@school.test",
                ["Data.Password"] = "Wrong-Password-1",
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    /// <summary>The in-memory server has no socket: this gives every request the address a socket would.</summary>
    private sealed class ConnectingFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
