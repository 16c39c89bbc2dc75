using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Seeding;
using ThresholdPortal.Web.Infrastructure;

namespace ThresholdPortal.DemoData;

/// <summary>
/// The portal's own services (<see cref="PortalServiceRegistration.AddThresholdPortal"/>) outside the web host,
/// on a <see cref="DemoClock"/>, with the demo seeders: what the console program, the browser tests and the
/// integration tests seed through.
/// </summary>
public static class DemoDataHost
{
    /// <summary>Settings the portal's options need that a bare configuration lacks; the environment overrides them.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["Email:PublicBaseUrl"] = "http://localhost:5080",
        ["Triage:DutyMailbox"] = "mash.duty@northshire.example.gov.uk",
    };

    /// <summary>
    /// The portal's services on the database at <paramref name="connectionString"/>: what tests send set-up commands through.
    /// </summary>
    public static ServiceProvider BuildServices(string connectionString, DateTimeOffset now) =>
        BuildServices(Configuration(connectionString, null), now);

    public static ServiceProvider BuildServices(IConfiguration configuration, DateTimeOffset now)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(configuration);
        services.AddThresholdPortal(configuration, new ToolEnvironment());
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(new DemoClock(now));
        services.RemoveAll<IEmailOutbox>();
        services.AddScoped<IEmailOutbox, HistoryOutbox>();
        services.AddDemoData();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>
    /// Seeds the demo into the database at <paramref name="connectionString"/> as of <paramref name="now"/>
    /// (migrating first if asked); does nothing when the demo users are already there.
    /// </summary>
    public static async Task SeedAsync(
        string connectionString, DateTimeOffset now, bool migrate = false, IReadOnlyDictionary<string, string?>? settings = null,
        CancellationToken cancellationToken = default)
    {
        await SeedAsync(Configuration(connectionString, settings), now, migrate, cancellationToken);
    }

    public static async Task SeedAsync(IConfiguration configuration, DateTimeOffset now, bool migrate, CancellationToken cancellationToken)
    {
        await using var services = BuildServices(configuration, now);
        await using var scope = services.CreateAsyncScope();
        if (migrate)
        {
            // As the owner role when ConnectionStrings:Migrations is set; the demo itself is sent as the app (0115).
            await DatabaseMigration.MigrateAsync(configuration, cancellationToken);
        }

        // What the web app adds at every start (roles, the threshold document, settings): the demo builds on it.
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().EnsureAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
    }

    private static IConfiguration Configuration(string connectionString, IReadOnlyDictionary<string, string?>? settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(Defaults)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .AddInMemoryCollection([new("ConnectionStrings:Portal", connectionString)])
            .Build();

    private sealed class ToolEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "ThresholdPortal.DemoData";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
