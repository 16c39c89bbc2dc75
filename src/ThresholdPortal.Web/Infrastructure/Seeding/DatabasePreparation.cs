using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Infrastructure.Seeding;

public static partial class DatabasePreparation
{
    /// <summary>
    /// Applies migrations when <c>Database:MigrateOnStartup</c> is set (the local run command sets it), as the owner role
    /// (<see cref="DatabaseMigration"/>),
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
            await MigrateWhenReachableAsync(app);
        }

        if (app.Configuration.GetValue("ReferenceData:SeedOnStartup", defaultValue: true))
        {
            await EnsureReferenceDataAsync(scope.ServiceProvider, db);
        }
    }

    /// <summary>
    /// PostgreSQL may start after the app (a host reboot, a container restart): while it is unreachable the app waits
    /// with a bounded back-off, and exits with the error only after the configured attempts (docs/decisions/0101).
    /// </summary>
    private static async Task MigrateWhenReachableAsync(WebApplication app)
    {
        var retry = app.Configuration.GetSection(DatabaseStartupRetryOptions.Section).Get<DatabaseStartupRetryOptions>()
            ?? new DatabaseStartupRetryOptions();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabasePreparation));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await DatabaseMigration.MigrateAsync(app.Configuration, CancellationToken.None);
                return;
            }
            catch (Exception exception) when (DatabaseOutage.IsCause(exception))
            {
                if (attempt >= retry.Attempts)
                {
                    LogGaveUp(logger, attempt, exception.GetType().Name);
                    throw;
                }

                var delay = retry.DelayAfter(attempt);
                LogWaiting(logger, attempt, retry.Attempts, exception.GetType().Name, delay);
                await Task.Delay(delay, clock);
            }
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

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Database unreachable at start (attempt {Attempt} of {Attempts}, {ExceptionType}); trying again in {Delay}")]
    private static partial void LogWaiting(ILogger logger, int attempt, int attempts, string exceptionType, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "Database unreachable at start after {Attempts} attempts ({ExceptionType}); exiting")]
    private static partial void LogGaveUp(ILogger logger, int attempts, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reference data not checked: the database has migrations still to apply")]
    private static partial void LogPendingMigrations(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reference data not checked: {ExceptionType} reaching the database")]
    private static partial void LogUnreachable(ILogger logger, string exceptionType);
}
