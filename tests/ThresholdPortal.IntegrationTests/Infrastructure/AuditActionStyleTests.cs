using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.IntegrationTests.Infrastructure;

/// <summary>Audit codes stored in the old snake_case style are rewritten by the migration, and still read (docs/decisions/0097).</summary>
public sealed class AuditActionStyleTests(PortalApp app) : IntegrationTest(app)
{
    private const string Migration = "20261204180609_OneAuditActionStyle";

    [Fact]
    public async Task The_migration_rewrites_old_codes_in_the_append_only_table_and_leaves_others_alone()
    {
        // Migrations run as the owner role (docs/decisions/0115), which may disable the trigger for the migration's UPDATE.
        await using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>()
            .UseNpgsql(TestDatabase.AsOwner(App.ConnectionString)).Options);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.IndexOf(Migration) - 1];
        await migrator.MigrateAsync(before);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "AuditEvents" ("OccurredAt", "Action", "SubjectType", "SubjectId")
            VALUES (now(), 'user.two_factor_reset', 'PortalUser', 'a'), (now(), 'mash_settings.changed', 'MashSettings', '2'),
                   (now(), 'case.viewed', 'MashCase', 'c')
            """);

        await migrator.MigrateAsync();

        var actions = await db.AuditEvents.AsNoTracking().Where(e => new[] { "a", "2", "c" }.Contains(e.SubjectId)).OrderBy(e => e.Id)
            .Select(e => e.Action).ToListAsync();
        actions.ShouldBe([AccountEvents.TwoFactorReset, ConfigurationEvents.MashSettingsChanged, "case.viewed"]);
        (await db.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM pg_trigger WHERE tgname = 'audit_events_append_only' AND tgenabled = 'O'")
            .SingleAsync()).ShouldBe(1, "the append-only trigger is on again");
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Action\" = 'x'"));
    }

    [Fact]
    public void An_old_code_still_reads_in_plain_words_and_every_code_has_them()
    {
        AuditActions.Describe("user.two_factor_reset").ShouldBe("Two-factor sign-in reset");
        AuditActions.Describe(AccountEvents.TwoFactorReset).ShouldBe("Two-factor sign-in reset");
        AuditActions.All.ShouldAllBe(code => AuditActions.Describe(code) != code);
    }
}
