using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// Counts the commands EF sends to PostgreSQL while the app serves a request that carries <see cref="Header"/>, under
/// the header's value: a page's statement budget (issue 18) is a count, stable from run to run, never a timing.
/// Requests without the header, and background services, are not counted.
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

    private void Count(DbCommand command)
    {
        if (accessor.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } key)
        {
            counted.GetOrAdd(key, _ => new ConcurrentQueue<string>()).Enqueue(command.CommandText);
        }
    }
}
