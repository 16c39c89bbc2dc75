using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ThresholdPortal.DemoData;
using ThresholdPortal.Web.Features.Insights;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Seeding;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// Each test gets its own PostgreSQL database, cloned from a template that was migrated once per run
/// (docs/decisions/0005). Cloning takes tens of milliseconds; no test sees another's rows. As deployed
/// (docs/decisions/0115), the template is migrated by the owner role and the app runs as the app role, which may
/// read and write rows but not alter tables or disable triggers: a grant the app lacks fails a test here. The templates
/// are shared by every test process of a run on the same build (docs/decisions/0141): the integration and browser tests
/// run side by side, and each used to migrate its own template and seed its own copy of the demo.
/// </summary>
public static class TestDatabase
{
    public const string OwnerRole = "thresholdportal_owner";
    public const string AppRole = "thresholdportal_app";

    private static readonly string ServerConnectionString =
        Environment.GetEnvironmentVariable("THRESHOLDPORTAL_TEST_DB")
        ?? throw new InvalidOperationException(
            "THRESHOLDPORTAL_TEST_DB is not set. Run the tests with deploy/local/test.sh, which starts PostgreSQL and sets it.");

    /// <summary>
    /// Which build made the templates: the portal, the demo data and this project (which embeds the database scripts). A
    /// build with any change to them makes its own, so a cluster kept between runs never hands a test a stale template.
    /// </summary>
    private static readonly string BuildStamp = Convert.ToHexStringLower(SHA256.HashData(
        new[] { typeof(TestDatabase), typeof(PortalDbContext), typeof(DemoDataHost) }
            .SelectMany(type => type.Assembly.ManifestModule.ModuleVersionId.ToByteArray()).ToArray()))[..16];

    private static readonly string TemplateName = $"tp_template_{BuildStamp}";
    private static readonly Lazy<Task> Template = new(() => EnsureSharedAsync(TemplateName, MigrateTemplateAsync));
    private static readonly string DemoName = $"tp_seed_demo_{BuildStamp}";
    private static readonly Lazy<Task> Demo = new(SeedDemoTemplateAsync);
    private static int counter;

    public static async Task<string> CreateAsync()
    {
        await Template.Value;
        return await CloneAsync(TemplateName);
    }

    /// <summary>
    /// A database cloned from the demo, seeded once per run through the portal's commands as run.sh seeds it (about a
    /// minute), so each test that needs that large world pays only for the clone. The first test process of the run to ask
    /// seeds it; the others wait for it.
    /// </summary>
    public static async Task<string> CreateDemoAsync()
    {
        await Demo.Value;
        return await CloneAsync(DemoName);
    }

    private static async Task SeedDemoTemplateAsync()
    {
        // Made first, and outside the demo's lock, so no process ever waits for one lock while holding the other.
        await Template.Value;
        await EnsureSharedAsync(DemoName, async building =>
        {
            var connectionString = await CloneAsync(TemplateName, building);
            await DemoDataHost.SeedAsync(connectionString, TestClock.UtcNow);
            // A template must have no open connections when it is cloned, or renamed.
            await ClearPoolsAsync(connectionString);
        });
    }

    private static Task<string> CloneAsync(string template) =>
        CloneAsync(template, $"tp_{Environment.ProcessId}_{Interlocked.Increment(ref counter)}");

    private static async Task<string> CloneAsync(string template, string name)
    {
        // FILE_COPY copies the template's files whole: four times quicker than PostgreSQL's default of copying it page by page
        // through the write-ahead log, for the checkpoint it costs on a cluster that never syncs (docs/decisions/0140).
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" OWNER {OwnerRole} STRATEGY FILE_COPY");
        return For(name, AppRole);
    }

    /// <summary>
    /// An empty database, made by the superuser and never migrated: for tests of how a database is prepared. Returns
    /// the superuser's connection string to it; drop it with <see cref="DropAsync"/>.
    /// </summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = $"tp_{Environment.ProcessId}_{Interlocked.Increment(ref counter)}_empty";
        await ExecuteAsync(Script("roles.sql"));
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return For(name);
    }

    /// <summary>The same database as the owner role: what migrations run as (a test that migrates down and up).</summary>
    public static string AsOwner(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = OwnerRole }.ConnectionString;

    /// <summary>The same database as the cluster's superuser: only for tests of the roles themselves.</summary>
    public static string AsSuperuser(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            Username = new NpgsqlConnectionStringBuilder(ServerConnectionString).Username,
        }.ConnectionString;

    /// <summary>A deploy/database script, as run.sh and test.sh run it.</summary>
    public static string Script(string name)
    {
        using var stream = typeof(TestDatabase).Assembly.GetManifestResourceStream($"ThresholdPortal.Database.{name}")
            ?? throw new InvalidOperationException($"deploy/database/{name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await ClearPoolsAsync(connectionString);

        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>The database's idle pooled connections closed: the plain string's pool and the app's, which tunes the string.</summary>
    private static async Task ClearPoolsAsync(string connectionString)
    {
        foreach (var pooled in new[] { connectionString, PortalConnections.Tuned(connectionString) })
        {
            await using var connection = new NpgsqlConnection(pooled);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private static string For(string database, string? role = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, IncludeErrorDetail = true };
        if (role is not null)
        {
            builder.Username = role;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Makes the database <paramref name="name"/> with <paramref name="build"/> unless another test process of the run has
    /// made it. A cluster-wide advisory lock lets one process build at a time; it builds under another name and renames
    /// the database only when done, so no process clones a half-made template, even after a builder died mid-way.
    /// </summary>
    private static async Task EnsureSharedAsync(string name, Func<string, Task> build)
    {
        await using var connection = new NpgsqlConnection(For("postgres"));
        await connection.OpenAsync();
        // Waiting for another process's build (the demo takes about a minute) must not time out.
        await using (var wait = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext(@name))", connection) { CommandTimeout = 0 })
        {
            wait.Parameters.AddWithValue("name", name);
            await wait.ExecuteNonQueryAsync();
        }

        try
        {
            await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT FROM pg_database WHERE datname = @name)", connection);
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync() is true)
            {
                return;
            }

            var building = $"{name}_{Environment.ProcessId}";
            await build(building);
            await ExecuteAsync($"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
        }
        finally
        {
            // Released here, not left to the pool: a pooled connection keeps its session, and its locks, until reused. A
            // connection that broke took its session's locks with it.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext(@name))", connection);
                release.Parameters.AddWithValue("name", name);
                await release.ExecuteNonQueryAsync();
            }
        }
    }

    private static async Task MigrateTemplateAsync(string name)
    {
        await ExecuteAsync(Script("roles.sql"));
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        await ExecuteAsync(Script("grants.sql"), name);
        await using (var db = new PortalDbContext(Options(For(name, OwnerRole))))
        {
            await db.Database.MigrateAsync();
        }

        // As on a deployed database: the reference data the app adds at its first start, as the app.
        await using (var db = new PortalDbContext(Options(For(name, AppRole))))
        {
            await ReferenceDataSeeder.For(db, TestClock.Instance).EnsureAsync(CancellationToken.None);
            // And the insights summary its refresher builds then (docs/decisions/0134): empty and current, kept so by triggers.
            (await InsightsSummary.RefreshOrRebuildAsync(db, TestClock.Instance, CancellationToken.None)).ShouldBeTrue();
        }

        // A template must have no open connections when it is cloned, or renamed.
        NpgsqlConnection.ClearAllPools();
    }

    private static DbContextOptions<PortalDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql(connectionString).Options;

    private static async Task ExecuteAsync(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(For(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
