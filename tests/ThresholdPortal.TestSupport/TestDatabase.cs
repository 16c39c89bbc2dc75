using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Seeding;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// Each test gets its own PostgreSQL database, cloned from a template that was migrated once per run
/// (docs/decisions/0005). Cloning takes tens of milliseconds; no test sees another's rows.
/// </summary>
public static class TestDatabase
{
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
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            return new NpgsqlConnectionStringBuilder(connectionString).Database!;
        })).Value;
        return await CloneAsync(template);
    }

    private static async Task<string> CloneAsync(string template)
    {
        var name = $"tp_{Environment.ProcessId}_{Interlocked.Increment(ref counter)}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return For(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string For(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, IncludeErrorDetail = true }.ConnectionString;

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

            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{TemplateName}\" WITH (FORCE)");
            await ExecuteAsync($"CREATE DATABASE \"{TemplateName}\"");
            var options = new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql(For(TemplateName)).Options;
            await using (var db = new PortalDbContext(options))
            {
                await db.Database.MigrateAsync();

                // As on a deployed database: the reference data the app adds at its first start.
                await ReferenceDataSeeder.For(db, TestClock.Instance).EnsureAsync(CancellationToken.None);
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

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(For("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
