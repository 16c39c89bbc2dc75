using Microsoft.EntityFrameworkCore;
using Npgsql;
using ThresholdPortal.Web.Infrastructure.Data.CompiledModel;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>
/// How the portal's connections to PostgreSQL are pooled (docs/decisions/0132). A pooled connection goes back to the
/// pool without a reset: Npgsql would otherwise send <c>DISCARD ALL</c> on its next use, a round trip before each of a
/// request's queries (EF opens and closes the connection around every query outside a transaction), and it would throw
/// away the prepared statements. The portal sets no session state a reset would clear: no <c>SET</c>, no
/// <c>LISTEN</c>, no temporary tables, and only transaction-scoped advisory locks. Statements run twice are prepared
/// automatically and kept with the pooled connection.
/// </summary>
public static class PortalConnections
{
    /// <summary>How many distinct statements each connection keeps prepared.</summary>
    public const int PreparedPerConnection = 128;

    /// <summary>
    /// The app's contexts, kept in EF's pool (docs/decisions/0149): a request leases one already built, and EF resets its
    /// state when the request ends (tracked entities, transaction, savepoint setting, command timeout). Building one per
    /// request (its own set of EF's scoped services, and a search of the assembly for a compiled model) was a third of
    /// the processor time of the least signed-in request. The options are built once for the app.
    /// </summary>
    public static IServiceCollection AddPortalDbContext(this IServiceCollection services, string connectionString) =>
        services.AddDbContextPool<PortalDbContext>((provider, options) => options.UsePortalDatabase(provider, connectionString));

    /// <summary>
    /// The portal's database on these connections, with the read cache told of every change (the app and its tests), and
    /// the model compiled ahead of time (docs/decisions/0151), so the app never runs EF's model building.
    /// </summary>
    public static DbContextOptionsBuilder UsePortalDatabase(this DbContextOptionsBuilder options, IServiceProvider services,
        string? connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseModel(PortalDbContextModel.Instance)
            .UseNpgsql(connectionString is null ? null : Tuned(connectionString))
            .AddInterceptors(services.GetRequiredService<ReadCache>());
    }

    public static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            NoResetOnClose = true,
            AutoPrepareMinUsages = 2,
        };
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = PreparedPerConnection;
        }

        return builder.ConnectionString;
    }
}
