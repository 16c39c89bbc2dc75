using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Infrastructure.Seeding;

public static class DatabasePreparation
{
    /// <summary>
    /// Applies migrations when <c>Database:MigrateOnStartup</c> is set (the local run command sets it),
    /// then seeds demo data when <c>Demo:Seed</c> is set and the environment is Development. In production
    /// migrations run as a deployment step, never from several instances at once.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
        {
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.MigrateAsync();
        }

        if (app.Environment.IsDevelopment() && app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
        }
    }
}
