using ThresholdPortal.DemoData;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.IntegrationTests.Infrastructure;

public static class DemoDatabase
{
    /// <summary>
    /// Gives the test a clone of the demo: seeded once per run through the portal's commands (about a minute), as
    /// run.sh seeds it, then cloned for each test that reads it.
    /// </summary>
    public static Task UseDemoDatabaseAsync(this PortalApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseSeededDatabaseAsync("demo", connectionString => DemoDataHost.SeedAsync(connectionString, TestClock.UtcNow));
    }
}
