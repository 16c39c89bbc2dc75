using System.Net.Sockets;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.DemoData;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel socket (the in-memory test server has none a browser could reach),
/// with its own freshly cloned database holding the demo data, exactly as `deploy/local/run.sh` seeds it,
/// and a real SMTP server on loopback (aiosmtpd) receiving what the outbox dispatcher sends.
/// </summary>
public class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string connectionString = string.Empty;

    /// <summary>The cloned demo database, for a fixture that must read it before the app starts.</summary>
    protected string ConnectionString => connectionString;
    private int port;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The browser this class's tests drive: one per app, so test classes can run side by side.</summary>
    public Chromium Chromium { get; } = new();

    /// <summary>Where the portal's e-mails arrive.</summary>
    public LoopbackSmtpServer Mail { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The demo data is sent through its commands once per run (about a minute), by this test process or the integration
        // tests', and each class gets a clone of it.
        connectionString = await TestDatabase.CreateDemoAsync();
        Mail = await LoopbackSmtpServer.StartOnFreePortAsync();
        // The port is chosen before start, so links in e-mails can name it.
        port = FreePort();
        UseKestrel(port);
        StartServer();
        BaseUrl = $"http://localhost:{port}";
        // The app's first page warms it (the first query, the first view). On a busy CI machine that took longer than a
        // browser page's 30 s, failing whichever journey opened it; here it is untimed.
        using (var warm = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(3) })
        {
            (await warm.GetAsync("/account/sign-in")).EnsureSuccessStatusCode();
        }

        await Chromium.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development, so the demo users exist; migrations are already in the cloned database.
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Email:Mode", "Smtp");
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Smtp:Port", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Smtp:Security", "None");
        builder.UseSetting("Email:PublicBaseUrl", $"http://localhost:{port}");
        builder.UseSetting("Email:Dispatcher:PollInterval", "00:00:00.200");
        builder.UseUrls($"http://127.0.0.1:{port}");
        // The demo data and every deadline are laid out from the test clock, never the machine's date.
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(TestClock.Instance);
            services.AddSingleton(Axe.ServedScript($"http://localhost:{port}"));
        });
        Configure(builder);
    }

    /// <summary>For a fixture that needs other settings (a short idle timeout, say).</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await DisposeAsync();
        await Mail.DisposeAsync();
        await TestDatabase.DropAsync(connectionString);
    }

    public async Task<T> ExecuteDbContextAsync<T>(Func<PortalDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public UserManager<Web.Infrastructure.Identity.PortalUser> Users(IServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<UserManager<Web.Infrastructure.Identity.PortalUser>>();

    /// <summary>
    /// The demo referrer sends the usual level 3 referral about Jayden and Maisie Clarke through the real pages
    /// over HTTP, as a browser without JavaScript would: the set-up of the MASH-side journeys, in seconds rather
    /// than the minutes Chromium takes (<c>ReferralJourneyTests</c> walks those pages in the browser).
    /// </summary>
    public async Task<string> SendClarkeReferralAsync()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(BaseUrl) };
        var signedIn = await Forms.PostAsync(client, "/account/sign-in", new()
        {
            ["Data.Email"] = "referrer@example.org", ["Data.Password"] = DemoDataSeeder.DemoPassword,
        });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(signedIn));
        signedIn.Headers.Location!.OriginalString.ShouldNotStartWith("/account/sign-in");
        var journey = new ReferralJourney(client);
        await journey.CompleteAsync();
        return await journey.SubmitForReferenceAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
