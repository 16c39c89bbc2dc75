using Microsoft.EntityFrameworkCore;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.IntegrationTests.Pages.Referrals;

/// <summary>
/// How PostgreSQL finds a draft (docs/decisions/0144): by its key, even when the table's statistics were gathered while
/// no draft existed, as after a bulk load, or on a table of millions where drafts are too few to be sampled. Then an index
/// led by the status would look cheapest, and reading a draft through it read every draft of every referrer.
/// </summary>
public sealed class DraftPlanTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_draft_is_read_by_its_key_when_the_statistics_know_of_no_drafts()
    {
        var team = await App.MashTeamAsync();
        for (var i = 0; i < 20; i++)
        {
            await App.AddCaseAsync(team, new CaseSeed(TestClock.UtcNow.AddMinutes(-i)));
        }

        await App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE \"Referrals\""));
        var journey = await App.SignedInReferrerAsync();
        var draftId = await journey.StartAsync();
        var author = new Author(await App.ExecuteDbContextAsync(db =>
            db.Referrals.Where(r => r.Id == draftId).Select(r => r.ReferrerUserId).SingleAsync()));

        var (_, plan) = await App.PlanAsync(db => db.Referrals.AsNoTracking().OwnDraft(draftId, author));

        plan.ShouldMatch("Index Cond: .*\"Id\" = ", plan);
        plan.ShouldNotContain("IX_Referrals_Status_Kind_SubmittedAt");
    }

    private sealed record Author(Guid Id) : ICurrentUser
    {
        public Guid OrganisationId => Guid.Empty;

        public string FullName => string.Empty;

        public bool IsInRole(string role) => false;
    }
}
