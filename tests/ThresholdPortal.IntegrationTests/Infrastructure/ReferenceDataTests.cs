using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Infrastructure.Seeding;

namespace ThresholdPortal.IntegrationTests.Infrastructure;

public sealed class ReferenceDataTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_database_without_a_threshold_document_gets_the_default_one_and_the_early_help_directory_once()
    {
        await App.ExecuteDbContextAsync(async db =>
        {
            await db.ThresholdDocuments.ExecuteDeleteAsync();
            await db.EarlyHelpServices.ExecuteDeleteAsync();
        });

        await EnsureAsync();
        await EnsureAsync();

        var documents = await App.ExecuteDbContextAsync(db => db.ThresholdDocuments.AsSplitQuery().ToListAsync());
        // Version 1 is kept, retired, for the referrals made on it; version 2 is the one new referrals use.
        documents.Select(d => (d.Version, d.Status)).OrderBy(v => v.Version)
            .ShouldBe([(1, ThresholdDocumentStatus.Retired), (2, ThresholdDocumentStatus.Published)]);
        var document = documents.Single(d => d.Version == 2);
        document.FindIndicator("disability-3a")!.Route.ShouldBe("the disabled children's team");
        document.FindIndicator("health-4a")!.Kind.ShouldBe(IndicatorKind.Injury);
        documents.Single(d => d.Version == 1).FindIndicator("disability-3a").ShouldBeNull();
        document.Key.ShouldBe("northshire");
        document.Levels.Count.ShouldBe(4);
        document.Indicators.Count.ShouldBeGreaterThanOrEqualTo(32);
        (await App.ExecuteDbContextAsync(db => db.EarlyHelpServices.CountAsync())).ShouldBe(8);
    }

    [Fact]
    public async Task Several_instances_starting_at_once_load_the_default_document_once()
    {
        await App.ExecuteDbContextAsync(db => db.ThresholdDocuments.ExecuteDeleteAsync());

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => EnsureAsync()));

        (await App.ExecuteDbContextAsync(db => db.ThresholdDocuments.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task Demo_data_gives_the_demo_referrer_a_draft_a_mash_referral_and_an_early_help_request()
    {
        await App.UseDemoDatabaseAsync();

        var referrals = await App.ExecuteDbContextAsync(db => db.Referrals.Include(r => r.Children).Include(r => r.Adults).AsSplitQuery()
            .Where(r => db.Users.Any(u => u.Id == r.ReferrerUserId && u.Email == "referrer@example.org")).ToListAsync());
        referrals.Count(r => r.Status == ReferralStatus.Draft).ShouldBe(1);
        var sent = referrals.Where(r => r.Status == ReferralStatus.Submitted).ToList();
        // The MASH demo data (issue 4) also fills the queue in the demo referrer's name, some of it as contacts
        // taken by phone (which skip the referrer's completeness check): the referral journey's own demo data is
        // a complete MASH referral and a complete early help request among them.
        sent.ShouldContain(r => r.Kind == ReferralKind.MashReferral && ReferralProgress.Of(r).IsReadyToSubmit);
        sent.ShouldContain(r => r.Kind == ReferralKind.EarlyHelpRequest && ReferralProgress.Of(r).IsReadyToSubmit);
        sent.ShouldAllBe(r => ReferralReference.IsWellFormed(r.Reference) && r.SubmittedAt != null && r.Children.Count > 0);
    }

    private async Task EnsureAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().EnsureAsync(CancellationToken.None);
    }
}
