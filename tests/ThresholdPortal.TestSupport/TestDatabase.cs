using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ThresholdPortal.Web.Features.Insights;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Seeding;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// Each test gets its own PostgreSQL database, cloned from a template that was migrated once per run
/// (docs/decisions/0005). Cloning takes tens of milliseconds; no test sees another's rows. As deployed
/// (docs/decisions/0115), the template is migrated by the owner role and the app runs as the app role, which may
/// read and write rows but not alter tables or disable triggers: a grant the app lacks fails a test here.
/// </summary>
public static class TestDatabase
{
    public const string OwnerRole = "thresholdportal_owner";
    public const string AppRole = "thresholdportal_app";

    private static readonly string ServerConnectionString =
        Environment.GetEnvironmentVariable("THRESHOLDPORTAL_TEST_DB")
        ?? throw new InvalidOperationException(
            "THRESHOLDPORTAL_TEST_DB is not set. Run the tests with deploy/local/test.sh, which starts PostgreSQL and sets it.");

    private static readonly string TemplateName = $"tp_template_{Environment.ProcessId}";
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> SeededTemplates = new();
    private static bool templateReady;
    private static int counter;

    public static async Task<string> CreateAsync()
    {
        await EnsureTemplateAsync();
        return await CloneAsync(TemplateName);
    }

    /// <summary>
    /// A database cloned from one that <paramref name="seed"/> filled once per run (the demo data takes a minute to
    /// send through its commands), so each test that needs the same large world pays only for the clone.
    /// </summary>
    public static async Task<string> CreateSeededAsync(string seedName, Func<string, Task> seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var template = await SeededTemplates.GetOrAdd(seedName, _ => new Lazy<Task<string>>(async () =>
        {
            var connectionString = await CreateAsync();
            await seed(connectionString);
            // A template must have no open connections when it is cloned.
            await ClearPoolsAsync(connectionString);

            return new NpgsqlConnectionStringBuilder(connectionString).Database!;
        })).Value;
        return await CloneAsync(template);
    }

    private static async Task<string> CloneAsync(string template)
    {
        var name = $"tp_{Environment.ProcessId}_{Interlocked.Increment(ref counter)}";
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

    private static async Task EnsureTemplateAsync()
    {
        if (templateReady)
        {
            return;
        }

        await TemplateLock.WaitAsync();
        try
        {
            if (templateReady)
            {
                return;
            }

            await ExecuteAsync(Script("roles.sql"));
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{TemplateName}\" WITH (FORCE)");
            await ExecuteAsync($"CREATE DATABASE \"{TemplateName}\"");
            await ExecuteAsync(Script("grants.sql"), TemplateName);
            await using (var db = new PortalDbContext(Options(For(TemplateName, OwnerRole))))
            {
                await db.Database.MigrateAsync();
            }

            // As on a deployed database: the reference data the app adds at its first start, as the app.
            await using (var db = new PortalDbContext(Options(For(TemplateName, AppRole))))
            {
                await ReferenceDataSeeder.For(db, TestClock.Instance).EnsureAsync(CancellationToken.None);
                // And the insights summary its refresher builds then (docs/decisions/0134): empty and current, kept so by triggers.
                (await InsightsSummary.RefreshOrRebuildAsync(db, TestClock.Instance, CancellationToken.None)).ShouldBeTrue();
            }

            // A template must have no open connections when it is cloned.
            NpgsqlConnection.ClearAllPools();
            templateReady = true;
        }
        finally
        {
            TemplateLock.Release();
        }
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
