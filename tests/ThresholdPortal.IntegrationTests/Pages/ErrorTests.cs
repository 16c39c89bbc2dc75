using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.IntegrationTests.Pages;

/// <summary>
/// The error page while PostgreSQL is unreachable, in the Production pipeline (the exception handler is not used
/// under Testing). The outage is a connection string pointing at a closed port, swapped in after signing in against
/// the test's real database: to the app that is PostgreSQL refusing connections, as when it is stopped.
/// </summary>
public sealed class ErrorTests(PortalApp app) : IntegrationTest(app)
{
    private const string Sorry = "<h1 class=\"govuk-heading-l\">Sorry, there is a problem with the service</h1>";

    [Fact]
    public async Task A_signed_in_manager_gets_the_sorry_page_with_503_while_postgresql_is_down()
    {
        var mash = await App.CreateOrganisationAsync("MASH", OrganisationKind.LocalAuthorityChildrensSocialCare, "mash.test");
        await App.CreateUserAsync("manager@mash.test", mash, PortalRole.MashManager);
        using var production = InProduction();
        var client = Client(production);
        await PortalApp.SignInAsync(client, "manager@mash.test");
        (await client.GetAsync("/mash")).StatusCode.ShouldBe(HttpStatusCode.OK, "the manager is signed in before the outage");

        using (Outage(production))
        {
            var queue = await client.GetAsync("/mash");
            queue.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var html = await queue.Content.ReadAsStringAsync();
            html.ShouldContain(Sorry);
            html.ShouldContain("Try again later.");
            html.ShouldContain("govuk-template");

            var error = await client.GetAsync("/error");
            error.StatusCode.ShouldBe(HttpStatusCode.OK, "the error page itself needs no database");
            (await error.Content.ReadAsStringAsync()).ShouldContain(Sorry);
        }

        (await client.GetAsync("/mash")).StatusCode.ShouldBe(HttpStatusCode.OK, "the session survives the outage");
    }

    [Fact]
    public async Task An_anonymous_visitor_gets_the_sorry_page_with_503_while_postgresql_is_down()
    {
        var school = await App.CreateOrganisationAsync("School", OrganisationKind.School);
        await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);
        using var production = InProduction();
        var client = Client(production);
        var token = await Forms.TokenAsync(client, "/account/sign-in");

        using (Outage(production))
        {
            var signIn = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Data.Email"] = "teacher@school.test",
                ["Data.Password"] = PortalApp.Password,
                ["__RequestVerificationToken"] = token,
            }));

            signIn.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await signIn.Content.ReadAsStringAsync()).ShouldContain(Sorry);
        }
    }

    private WebApplicationFactory<Program> InProduction() =>
        App.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

    // Production cookies are Secure, so the client speaks https.
    private static HttpClient Client(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        });

    /// <summary>Points the app at a port nobody listens on until disposed, then back at the test's database.</summary>
    private static Restore Outage(WebApplicationFactory<Program> factory)
    {
        var holder = factory.Services.GetRequiredService<DatabaseHolder>();
        var real = holder.ConnectionString;
        holder.ConnectionString = $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Timeout=3";
        return new Restore(() => holder.ConnectionString = real);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
