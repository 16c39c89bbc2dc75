using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// How PostgreSQL would run a query, for tests that pin a plan rather than a timing. Sequential and bitmap scans are
/// turned off for the session, so a test database of a few rows is planned as a large one would be: through its indexes.
/// </summary>
public static class QueryPlans
{
    /// <summary>The query's SQL as EF writes it, and PostgreSQL's <c>EXPLAIN</c> of it, one line per plan node.</summary>
    public static Task<(string Sql, string Plan)> PlanAsync<T>(this PortalApp app, Func<PortalDbContext, IQueryable<T>> query) =>
        app.ExecuteDbContextAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off; SET enable_bitmapscan = off");
            await using var command = query(db).CreateDbCommand();
            var sql = command.CommandText;
            command.CommandText = "EXPLAIN " + sql;
            var lines = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    lines.Add(reader.GetString(0));
                }
            }

            return (sql, string.Join('\n', lines));
        });
}
