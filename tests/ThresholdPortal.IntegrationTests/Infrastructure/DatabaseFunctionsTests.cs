using Microsoft.EntityFrameworkCore;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The functions that write, such as the ones the insights triggers call on every row (docs/decisions/0134), are PL/pgSQL.
/// PostgreSQL 15 plans a SQL-language function's statement afresh in every transaction that calls it, and the portal
/// writes one row a transaction; PL/pgSQL keeps the plan for the pooled connection's life (migration
/// InsightsStaleFunctionsKeepTheirPlans, docs/benchmarks/results.md).
/// </summary>
public sealed class DatabaseFunctionsTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Every_function_that_writes_is_plpgsql_so_its_plan_outlives_the_transaction()
    {
        var writers = await App.ExecuteDbContextAsync(db => db.Database.SqlQueryRaw<string>("""
            SELECT p.proname || ' ' || l.lanname AS "Value"
            FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            JOIN pg_language l ON l.oid = p.prolang
            WHERE n.nspname = 'public' AND p.provolatile = 'v' AND l.lanname IN ('sql', 'plpgsql')
            ORDER BY p.proname
            """).ToListAsync());

        writers.ShouldContain("insights_stale_case plpgsql");
        writers.ShouldContain("insights_stale_referral plpgsql");
        writers.ShouldContain("insights_stale_child plpgsql");
        writers.ShouldAllBe(function => function.EndsWith(" plpgsql", StringComparison.Ordinal));
    }
}
