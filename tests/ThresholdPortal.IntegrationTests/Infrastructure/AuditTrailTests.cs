using Microsoft.EntityFrameworkCore;
using Npgsql;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Infrastructure.Auditing;

namespace ThresholdPortal.IntegrationTests.Infrastructure;

public sealed class AuditTrailTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Recorded_events_are_stored_with_their_time()
    {
        await App.ExecuteDbContextAsync(async db =>
        {
            db.AuditEvents.Add(new AuditEvent { OccurredAt = TestClock.UtcNow, Action = "case.viewed", SubjectType = "Referral",
                SubjectId = "R1" });
            await db.SaveChangesAsync();
        });

        var stored = await App.ExecuteDbContextAsync(db => db.AuditEvents.SingleAsync());
        stored.Action.ShouldBe("case.viewed");
        stored.Id.ShouldBeGreaterThan(0);
    }

    // As the app's role (docs/decisions/0115): the trigger refuses changes and deletions; truncating is not even granted.
    [Theory]
    [InlineData("UPDATE \"AuditEvents\" SET \"Action\" = 'tampered'", "append-only")]
    [InlineData("DELETE FROM \"AuditEvents\"", "append-only")]
    [InlineData("TRUNCATE \"AuditEvents\"", "permission denied")]
    public async Task The_database_refuses_to_change_or_remove_audit_history(string sql, string refusal)
    {
        await App.ExecuteDbContextAsync(async db =>
        {
            db.AuditEvents.Add(new AuditEvent { OccurredAt = TestClock.UtcNow, Action = "case.viewed", SubjectType = "Referral",
                SubjectId = "R1" });
            await db.SaveChangesAsync();
        });

        var failure = await Should.ThrowAsync<PostgresException>(() =>
            App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlRawAsync(sql)));

        failure.MessageText.ShouldContain(refusal);
        (await App.ExecuteDbContextAsync(db => db.AuditEvents.SingleAsync())).Action.ShouldBe("case.viewed");
    }
}
