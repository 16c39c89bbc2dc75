using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Infrastructure.Seeding;

public static partial class DatabasePreparation
{
    /// <summary>
    /// Applies migrations when <c>Database:MigrateOnStartup</c> is set (the local run command sets it),
    /// adds missing reference data (the default threshold document...) unless <c>ReferenceData:SeedOnStartup</c>
    /// is false. In production migrations run as a deployment step, never from several instances at once.
    /// Demo data is not the product's: tools/ThresholdPortal.DemoData seeds it (docs/decisions/0082).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
        {
            await db.Database.MigrateAsync();
        }

        if (app.Configuration.GetValue("ReferenceData:SeedOnStartup", defaultValue: true))
        {
            await EnsureReferenceDataAsync(scope.ServiceProvider, db);
        }
    }

    /// <summary>
    /// A production database gets the roles, the default threshold document and the first settings version
    /// on the first start after its migrations, and its first administrator when one is configured.
    /// A database not yet migrated or not reachable is left alone: the health check reports that.
    /// </summary>
    private static async Task EnsureReferenceDataAsync(IServiceProvider services, PortalDbContext db)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabasePreparation));
        try
        {
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
                LogPendingMigrations(logger);
                return;
            }

            await services.GetRequiredService<ReferenceDataSeeder>().EnsureAsync(CancellationToken.None);

            // After the roles: the first administrator of a fresh install, when Bootstrap:AdministratorEmail is set.
            await services.GetRequiredService<BootstrapAdministrator>().EnsureAsync(CancellationToken.None);
        }
        catch (DbException exception)
        {
            LogUnreachable(logger, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reference data not checked: the database has migrations still to apply")]
    private static partial void LogPendingMigrations(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reference data not checked: {ExceptionType} reaching the database")]
    private static partial void LogUnreachable(ILogger logger, string exceptionType);
}
