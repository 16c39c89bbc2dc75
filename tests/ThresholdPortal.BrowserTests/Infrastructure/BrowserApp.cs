using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.IntegrationTests.Infrastructure;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Seeding;

namespace ThresholdPortal.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel socket (the in-memory test server has none a browser could reach),
/// with its own freshly cloned database holding the demo data, exactly as `deploy/local/run.sh` seeds it.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string connectionString = string.Empty;

    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        connectionString = await TestDatabase.CreateAsync();
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal).TrimEnd('/');

        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development, so the demo users exist; migrations are already in the cloned database.
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Demo:Seed", "false");
        builder.UseUrls("http://127.0.0.1:0");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestDatabase.DropAsync(connectionString);
    }

    public async Task<T> ExecuteDbContextAsync<T>(Func<PortalDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public UserManager<Web.Infrastructure.Identity.PortalUser> Users(IServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<UserManager<Web.Infrastructure.Identity.PortalUser>>();
}
