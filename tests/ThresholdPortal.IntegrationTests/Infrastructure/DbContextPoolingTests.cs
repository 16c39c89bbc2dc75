using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The app leases its contexts from EF's pool (docs/decisions/0149). This test host gives each scope a new context (its
/// database changes from test to test; the browser tests keep the pool), so the pool's promise is checked here, on the
/// app's own registration: the next request gets the same context back, with nothing of the last request's left on it.
/// </summary>
public sealed class DbContextPoolingTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_request_leases_a_pooled_context_that_comes_back_with_nothing_of_the_last_request()
    {
        await using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(TestClock.Instance).AddSingleton<ReadCache>().AddSingleton<PublishedDocuments>()
            .AddPortalDbContext(App.ConnectionString)
            .BuildServiceProvider(validateScopes: true);
        PortalDbContext first;
        await using (var scope = services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            // What a command (TransactionBehaviour) and the insights refresher leave on their context, and a tracked read.
            await first.Database.BeginTransactionAsync();
            first.Database.AutoSavepointsEnabled = false;
            first.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
            await first.ThresholdDocuments.FirstAsync();
            first.ChangeTracker.Entries().ShouldNotBeEmpty();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var second = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

            second.ShouldBeSameAs(first, "the context came back from the pool");
            second.ChangeTracker.Entries().ShouldBeEmpty();
            second.Database.CurrentTransaction.ShouldBeNull();
            second.Database.AutoSavepointsEnabled.ShouldBeTrue();
            second.Database.GetCommandTimeout().ShouldBeNull();
            second.PublishedDocuments.ShouldBeSameAs(services.GetRequiredService<PublishedDocuments>());
            (await second.ThresholdDocuments.CountAsync()).ShouldBeGreaterThan(0);
        }
    }
}
