using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>
/// Migrations run as the role that owns the schema (<c>ConnectionStrings:Migrations</c>); the portal itself signs in
/// as a role that may only read and write rows (<c>ConnectionStrings:Portal</c>), so it cannot alter a table or disable
/// the append-only triggers (docs/decisions/0115). A database with one role for both leaves Migrations unset.
/// </summary>
public static class DatabaseMigration
{
    public static string ConnectionString(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetConnectionString("Migrations")
            ?? configuration.GetConnectionString("Portal")
            ?? throw new InvalidOperationException("ConnectionStrings:Portal is not set.");
    }

    public static async Task MigrateAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var connectionString = ConnectionString(configuration);
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql(connectionString).Options;
        await using (var db = new PortalDbContext(options))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        // The owner's connection is not kept open in the pool for the life of the app.
        await using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }
}
