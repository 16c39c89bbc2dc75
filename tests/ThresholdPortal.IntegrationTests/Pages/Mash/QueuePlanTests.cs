using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Pages.Mash;

namespace ThresholdPortal.IntegrationTests.Pages.Mash;

/// <summary>
/// How PostgreSQL answers the queue's queries: by walking a partial index in the queue's own order, never
/// by sorting every row or skipping rows (OFFSET). Plans, not timings: a plan is the same on any machine.
/// </summary>
public sealed class QueuePlanTests(PortalApp app) : IntegrationTest(app)
{
    [Theory]
    [InlineData(null, null, "IX_MashCases_Queue")]
    [InlineData(MashCaseStatus.New, null, "IX_MashCases_Queue_ByStatus")]
    [InlineData(null, "mine", "IX_MashCases_Queue_ByAssignee")]
    public async Task The_first_page_and_the_next_are_read_from_an_index_in_queue_order(MashCaseStatus? status, string? assigned,
        string index)
    {
        var team = await App.MashTeamAsync();
        for (var i = 0; i < 30; i++)
        {
            await App.AddCaseAsync(team,
                new CaseSeed(TestClock.UtcNow.AddMinutes(-i)) { AssignedTo = i % 2 == 0 ? team.Practitioner : null });
        }

        var request = new IndexModel.Query(status, null, assigned, null, null, QueueOrder.MostUrgent, null, null);
        var cursor = new QueueCursor(QueueOrder.MostUrgent, TestClock.UtcNow, 3, TestClock.UtcNow.AddMinutes(-10), Guid.NewGuid());

        var first = await App.PlanAsync(db =>
            QueueQueries.Ordered(QueueQueries.Filter(db.MashCases.AsNoTracking(), request, team.Practitioner.Id), request.Order, null, null)
            .Take(26));
        var next = await App.PlanAsync(db =>
            QueueQueries.Ordered(QueueQueries.Filter(db.MashCases.AsNoTracking(), request, team.Practitioner.Id), request.Order, cursor,
            null).Take(26));

        foreach (var (sql, plan) in new[] { first, next })
        {
            sql.ShouldNotContain("OFFSET", Case.Insensitive);
            plan.ShouldContain($"Index Scan using \"{index}\"");
            plan.ShouldNotContain("Sort");
        }

        // The next page starts at the cursor's key inside the index: a range scan, whatever the page's depth.
        next.Plan.ShouldMatch("Index Cond: .*ROW\\(\"QueueDueAt\", \"UrgencyRank\", \"ReceivedAt\", \"Id\"\\) > ROW\\(");
    }

    [Fact]
    public async Task Newest_first_walks_its_index_backwards()
    {
        var team = await App.MashTeamAsync();
        await App.AddCaseAsync(team, new CaseSeed(TestClock.UtcNow));
        var request = new IndexModel.Query(null, null, null, null, null, QueueOrder.Newest, null, null);

        var (_, plan) = await App.PlanAsync(db =>
            QueueQueries.Ordered(QueueQueries.Filter(db.MashCases.AsNoTracking(), request, team.Practitioner.Id), request.Order, null, null)
            .Take(26));

        plan.ShouldContain("Index Scan Backward using \"IX_MashCases_Newest\"");
    }
}
