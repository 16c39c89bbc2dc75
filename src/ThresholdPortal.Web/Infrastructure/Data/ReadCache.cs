using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>
/// Answers to the busiest pages' summary reads (the queue's counts, the organisations list) kept for a few seconds
/// (docs/decisions/0132). Each answer is filed under the tables it reads and their generation: a change to one of those
/// tables saved through EF in this app starts a new generation once it commits, so this instance never shows an answer
/// older than its own last change; another instance's change, or one made in SQL, shows within the answer's keep.
/// </summary>
public sealed class ReadCache(TimeProvider clock) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>More answers than this and the oldest are let go: the cache never grows with the data.</summary>
    public const int MostAnswers = 2_000;

    private readonly ConcurrentDictionary<Type, long> generations = new();
    private readonly ConcurrentDictionary<(string Key, long Generation), Answer> answers = new();
    private readonly ConditionalWeakTable<DbContext, HashSet<Type>> uncommitted = new();

    public async Task<T> GetOrReadAsync<T>(Type table, string key, TimeSpan keep, Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var slot = (Key: $"{table.Name}:{key}", Generation: generations.GetValueOrDefault(table));
        var now = clock.GetUtcNow();
        if (answers.TryGetValue(slot, out var known) && now < known.Until)
        {
            return (T)known.Value;
        }

        var value = await read();
        if (answers.Count >= MostAnswers)
        {
            foreach (var stale in answers.OrderBy(pair => pair.Value.Until).Take(MostAnswers / 4).Select(pair => pair.Key).ToList())
            {
                answers.TryRemove(stale, out _);
            }
        }

        answers[slot] = new Answer(value!, now + keep);
        return value;
    }

    /// <summary>Forget every answer (tests swapping databases under one app).</summary>
    public void Clear() => answers.Clear();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CommitUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        CommitUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        Commit(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(System.Data.Common.DbTransaction transaction,
        TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Commit(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        Forget(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction,
        TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var tables = uncommitted.GetOrCreateValue(context);
        lock (tables)
        {
            tables.UnionWith(context.ChangeTracker.Entries()
                .Where(entry => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(entry => entry.Metadata.IsOwned() ? entry.Metadata.FindOwnership()!.PrincipalEntityType.ClrType
                    : entry.Metadata.ClrType));
        }
    }

    private void CommitUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Commit(context);
        }
    }

    private void Commit(DbContext? context)
    {
        if (context is null || !uncommitted.TryGetValue(context, out var tables))
        {
            return;
        }

        lock (tables)
        {
            foreach (var table in tables)
            {
                generations.AddOrUpdate(table, 1, (_, generation) => generation + 1);
            }

            tables.Clear();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && uncommitted.TryGetValue(context, out var tables))
        {
            lock (tables)
            {
                tables.Clear();
            }
        }
    }

    private sealed record Answer(object Value, DateTimeOffset Until);
}
