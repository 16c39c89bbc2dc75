using Npgsql;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>Tells a PostgreSQL outage from a query the server refused (docs/decisions/0101).</summary>
public static class DatabaseOutage
{
    /// <summary>
    /// True when the exception, or one it wraps, says PostgreSQL could not be reached or asked us to come back
    /// later (refused or broken connections, timeouts, shutdown): Npgsql marks exactly those transient. A query
    /// the server refused (bad data, a constraint) is not an outage.
    /// </summary>
    public static bool IsCause(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
