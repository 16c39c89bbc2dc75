using Microsoft.EntityFrameworkCore;
using Npgsql;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The portal signs in as a role that may read and write rows but cannot change the schema or get round the
/// append-only triggers; migrations run as the owner (docs/decisions/0115, deploy/database).
/// </summary>
public sealed class DatabaseRolesTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_portal_runs_as_the_app_role_which_is_no_superuser()
    {
        var role = await App.ExecuteDbContextAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT current_user::text AS \"Value\" FROM pg_roles WHERE rolname = current_user AND NOT rolsuper AND NOT rolbypassrls")
            .SingleOrDefaultAsync());

        role.ShouldBe(TestDatabase.AppRole);
    }

    [Theory]
    [InlineData("ALTER TABLE \"AuditEvents\" DISABLE TRIGGER audit_events_append_only")]
    [InlineData("ALTER TABLE \"AuditEvents\" DISABLE TRIGGER ALL")]
    [InlineData("SET session_replication_role = replica")]
    [InlineData("DROP TRIGGER audit_events_append_only ON \"AuditEvents\"")]
    [InlineData("CREATE OR REPLACE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE sql AS 'SELECT NULL'")]
    [InlineData("DROP TABLE \"AuditEvents\"")]
    [InlineData("CREATE TABLE stray (id int)")]
    [InlineData("TRUNCATE \"AuditEvents\"")]
    public async Task The_app_role_cannot_get_round_the_append_only_trigger(string sql)
    {
        var failure = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(App.ConnectionString, sql));

        failure.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await TriggerEnabledAsync(App.ConnectionString)).ShouldBeTrue();
    }

    [Fact]
    public async Task The_owner_role_may_disable_the_trigger_which_is_why_the_portal_never_signs_in_as_it()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.AsOwner(App.ConnectionString));
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var disable = new NpgsqlCommand(
            "ALTER TABLE \"AuditEvents\" DISABLE TRIGGER audit_events_append_only", connection, transaction))
        {
            await disable.ExecuteNonQueryAsync();
        }

        await transaction.RollbackAsync();
        (await TriggerEnabledAsync(App.ConnectionString)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_database_first_migrated_by_the_superuser_is_handed_to_the_owner_by_the_grants_script()
    {
        var superuser = await TestDatabase.CreateEmptyAsync();
        try
        {
            // Before the two roles, run.sh migrated as the superuser: every table belonged to it.
            await MigrateAsync(superuser);
            await ExecuteAsync(superuser, TestDatabase.Script("grants.sql"));

            // The owner can now take a migration down and up again, which alters and drops tables...
            var owner = TestDatabase.AsOwner(superuser);
            await using (var db = Context(owner))
            {
                var migrations = db.Database.GetMigrations().ToList();
                await db.Database.MigrateAsync(migrations[^2]);
                await db.Database.MigrateAsync();
            }

            // ...and the app reads and writes rows in tables made before and after the grants.
            var app = new NpgsqlConnectionStringBuilder(superuser) { Username = TestDatabase.AppRole }.ConnectionString;
            await ExecuteAsync(app, """
                INSERT INTO "AuditEvents" ("OccurredAt", "Action", "SubjectType", "SubjectId")
                VALUES (now(), 'case.viewed', 'MashCase', 'c');
                INSERT INTO "IdempotencyKeys" ("Key", "UserId", "Command", "CreatedAt")
                VALUES (gen_random_uuid(), gen_random_uuid(), 'Submit', now());
                """);
            (await TriggerEnabledAsync(app)).ShouldBeTrue();
        }
        finally
        {
            await TestDatabase.DropAsync(superuser);
        }
    }

    private static PortalDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql(connectionString).Options);

    private static async Task MigrateAsync(string connectionString)
    {
        await using var db = Context(connectionString);
        await db.Database.MigrateAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> TriggerEnabledAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT tgenabled = 'O' FROM pg_trigger WHERE tgname = 'audit_events_append_only'", connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
