using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.IntegrationTests.Infrastructure;

/// <summary>
/// With Database:MigrateOnStartup on, the app waits for a PostgreSQL that is not reachable yet (a port that refuses
/// connections until the test opens it onto the real server) with a bounded back-off, instead of exiting.
/// </summary>
public sealed class DatabaseStartupTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_app_waits_for_postgresql_that_starts_after_it_and_then_serves()
    {
        await using var postgres = new PostgresForwarder(App.ConnectionString);
        using var restore = PointAt(postgres.ConnectionString);
        var factory = MigratingOnStartup(postgres, attempts: 50);
        var logged = App.Log.Lines.Count;

        var starting = Task.Run(() => factory.Services);
        await Eventually.HoldsAsync(() => Task.FromResult(Waits(logged).Count >= 2));
        starting.IsCompleted.ShouldBeFalse("the app is still waiting for the database");
        postgres.Open();
        await starting.WaitAsync(TimeSpan.FromSeconds(30));

        var ready = await factory.CreateClient().GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task The_app_gives_up_after_the_configured_attempts()
    {
        await using var postgres = new PostgresForwarder(App.ConnectionString);
        using var restore = PointAt(postgres.ConnectionString);
        var factory = MigratingOnStartup(postgres, attempts: 3);
        var logged = App.Log.Lines.Count;

        await Should.ThrowAsync<Exception>(() => Task.Run(() => factory.Services).WaitAsync(TimeSpan.FromSeconds(60)));

        Waits(logged).Count.ShouldBe(2, "two waits between three attempts");
        App.Log.Lines.Skip(logged)
            .ShouldContain(l => l.StartsWith("Database unreachable at start after 3 attempts", StringComparison.Ordinal));
    }

    /// <summary>The app's "trying again" lines logged after the first <paramref name="skip"/> lines.</summary>
    private List<string> Waits(int skip) =>
        [.. App.Log.Lines.Skip(skip).Where(l => l.StartsWith("Database unreachable at start (attempt", StringComparison.Ordinal))];

    private WebApplicationFactory<Program> MigratingOnStartup(PostgresForwarder postgres, int attempts) =>
        App.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Database:MigrateOnStartup", "true");
            // Migrations run as the owner role (docs/decisions/0115), through the same port that opens late.
            builder.UseSetting("ConnectionStrings:Migrations", TestDatabase.AsOwner(postgres.ConnectionString));
            builder.UseSetting("Database:StartupRetry:Attempts", attempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Database:StartupRetry:FirstDelay", "00:00:00.100");
            builder.UseSetting("Database:StartupRetry:MaxDelay", "00:00:00.300");
        });

    /// <summary>Every app on this test's database connects through the given address until disposed.</summary>
    private Restore PointAt(string connectionString)
    {
        var holder = App.Services.GetRequiredService<DatabaseHolder>();
        var real = holder.ConnectionString;
        holder.ConnectionString = connectionString;
        return new Restore(() => holder.ConnectionString = real);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
