using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Infrastructure.Seeding;

/// <summary>
/// A feature's reference data that every database needs, demo or not (the default threshold document, the
/// early help directory). Adds only what is missing, so it can run at every start.
/// </summary>
public interface IReferenceDataContributor
{
    Task EnsureAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken);
}

/// <summary>
/// Runs every <see cref="IReferenceDataContributor"/> in one transaction under a PostgreSQL advisory lock,
/// so several app instances starting together add the data once.
/// </summary>
public sealed partial class ReferenceDataSeeder(
    PortalDbContext db,
    IEnumerable<IReferenceDataContributor> contributors,
    TimeProvider clock,
    ILogger<ReferenceDataSeeder> logger)
{
    private const long LockKey = 0x7468_7265_7368_6f6c; // "thresh.." : any constant shared by all instances.

    /// <summary>For code without the app's services (the test database template): every contributor in this assembly.</summary>
    public static ReferenceDataSeeder For(PortalDbContext db, TimeProvider clock) =>
        new(db, Contributors().Select(t => (IReferenceDataContributor)Activator.CreateInstance(t)!), clock,
            NullLogger<ReferenceDataSeeder>.Instance);

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        foreach (var contributor in contributors)
        {
            await contributor.EnsureAsync(db, clock, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogEnsured(logger);
    }

    internal static IEnumerable<Type> Contributors() =>
        typeof(ReferenceDataSeeder).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IReferenceDataContributor).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference data checked")]
    private static partial void LogEnsured(ILogger logger);
}

public static class ReferenceDataRegistration
{
    public static IServiceCollection AddReferenceData(this IServiceCollection services)
    {
        services.AddScoped<ReferenceDataSeeder>();
        foreach (var type in ReferenceDataSeeder.Contributors())
        {
            services.AddScoped(typeof(IReferenceDataContributor), type);
        }

        return services;
    }
}
