using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.IntegrationTests.Pages.Mash;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.IntegrationTests.Performance;

/// <summary>
/// The short-lived answers of docs/decisions/0132: kept for their time, read again at once after this app commits a change
/// to their table, not after a change rolled back, and read again once their time is up whatever changed elsewhere.
/// </summary>
public sealed class ReadCacheTests(PortalApp app) : IntegrationTest(app)
{
    private static readonly TimeSpan Keep = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_answer_is_kept_until_its_table_changes_here_or_its_time_is_up()
    {
        var team = await App.MashTeamAsync();
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(TestClock.UtcNow.AddHours(-1)));
        var cache = App.Services.GetRequiredService<ReadCache>();
        var reads = 0;
        Task<int> Read() => Task.FromResult(++reads);
        var start = TestClock.UtcNow;

        using (TestClock.Instance.HoldAt(start))
        {
            (await cache.GetOrReadAsync(typeof(MashCase), "test", Keep, Read)).ShouldBe(1);
            (await cache.GetOrReadAsync(typeof(MashCase), "test", Keep, Read)).ShouldBe(1, "kept");
        }

        await App.ExecuteDbContextAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.MashCases.SingleAsync(c => c.Id == mashCase.Id)).Claim(team.Practitioner.Id, start);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });
        using (TestClock.Instance.HoldAt(start))
        {
            (await cache.GetOrReadAsync(typeof(MashCase), "test", Keep, Read)).ShouldBe(1, "a change rolled back changes nothing");
        }

        await App.ExecuteDbContextAsync(async db =>
        {
            (await db.MashCases.SingleAsync(c => c.Id == mashCase.Id)).Claim(team.Practitioner.Id, start);
            await db.SaveChangesAsync();
        });
        using (TestClock.Instance.HoldAt(start))
        {
            (await cache.GetOrReadAsync(typeof(MashCase), "test", Keep, Read)).ShouldBe(2, "a committed change is read at once");
            (await cache.GetOrReadAsync(typeof(Domain.Organisations.Organisation), "test", Keep, Read)).ShouldBe(3,
                "another table's answers are their own");
            (await cache.GetOrReadAsync(typeof(Domain.Organisations.Organisation), "test", Keep, Read)).ShouldBe(3);
        }

        using (TestClock.Instance.HoldAt(start + Keep + TimeSpan.FromSeconds(1)))
        {
            (await cache.GetOrReadAsync(typeof(Domain.Organisations.Organisation), "test", Keep, Read)).ShouldBe(4,
                "past its time, an answer is read again: a change on another instance or in SQL shows by then");
        }
    }

    [Fact]
    public async Task The_queue_counts_follow_a_claim_made_through_the_case_page_at_once()
    {
        var team = await App.MashTeamAsync();
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(TestClock.UtcNow.AddHours(-1)));
        await App.AddCaseAsync(team, new CaseSeed(TestClock.UtcNow.AddHours(-2)));
        var client = await App.SignInAsync(team.Practitioner.Email!);
        var before = await client.GetStringAsync("/mash");
        MashTestData.CountFor(before, "New").ShouldBe(2);
        MashTestData.CountFor(before, "Screening").ShouldBe(0);

        await CaseTests.PostCaseFormAsync(client, $"/mash/cases/{mashCase.Id}", [], handler: "Claim");

        var after = await client.GetStringAsync("/mash");
        MashTestData.CountFor(after, "New").ShouldBe(1, "the counts were kept, but this app's own change starts them again");
        MashTestData.CountFor(after, "Screening").ShouldBe(1);
    }
}
