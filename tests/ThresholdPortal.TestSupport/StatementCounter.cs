using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// Counts the commands EF sends to PostgreSQL while the app serves a request that carries <see cref="Header"/>, under
/// the header's value: a page's statement budget (issue 18) is a count, stable from run to run, never a timing.
/// Requests without the header, and background services, are not counted.
/// <para>
/// It also refuses, in every integration test, a command in which EF numbers a whole table: the
/// <c>ROW_NUMBER() OVER(PARTITION BY ...)</c> EF writes for a <c>FirstOrDefault</c> of several columns (or a filtered
/// include) inside a projection. PostgreSQL cannot push the outer row's key into that window, so it reads every row of
/// the table for each page view: unseen with test data, seconds at ten million rows (ADR 0137).
/// </para>
/// </summary>
public sealed class StatementCounter(IHttpContextAccessor accessor) : DbCommandInterceptor
{
    public const string Header = "X-Test-Count-Statements";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> counted = new(StringComparer.Ordinal);

    /// <summary>The commands sent while serving the requests that carried <paramref name="key"/>, in order.</summary>
    public IReadOnlyList<string> Statements(string key) => counted.TryGetValue(key, out var statements) ? [.. statements] : [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public const string WholeTableNumbering = "ROW_NUMBER() OVER(PARTITION BY";

    private void Count(DbCommand command)
    {
        if (command.CommandText.Contains(WholeTableNumbering, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("EF numbered every row of a table to pick one per outer row (ADR 0137): write the " +
                "lookup as a join, or as one scalar subquery per column. The command was:\n" + command.CommandText);
        }

        if (accessor.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } key)
        {
            counted.GetOrAdd(key, _ => new ConcurrentQueue<string>()).Enqueue(command.CommandText);
        }
    }
}
