using Npgsql;

namespace ThresholdPortal.Benchmarks;

/// <summary>
/// A bulk load's index handling: drop a table's secondary indexes before the rows go in and build them again after, which
/// is several times faster than keeping every index current row by row. Primary keys and indexes behind constraints stay.
/// </summary>
internal static class BulkIndexes
{
    /// <summary>
    /// Drops the secondary indexes of <paramref name="tables"/> and returns their definitions, for <see cref="BuildAsync"/>.
    /// </summary>
    public static async Task<List<string>> DropAsync(NpgsqlConnection connection, string[] tables, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Definition)>();
        await using (var read = new NpgsqlCommand("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid::regclass::text = ANY (SELECT quote_ident(t) FROM unnest(@tables::text[]) t)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """, connection))
        {
            read.Parameters.AddWithValue("tables", tables);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX {name}", cancellationToken);
        }

        return [.. indexes.Select(i => i.Definition)];
    }

    /// <summary>
    /// Builds the dropped indexes again in two lanes that share one list. GiST and GIN indexes, which PostgreSQL builds on one
    /// core only, head the list, so the two lanes start with two of them at once (the people's four name indexes took 921 s
    /// one after another at ten million); the B-trees, which have PostgreSQL's parallel workers, follow in whichever lane is
    /// free first.
    /// </summary>
    public static Task BuildAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<string> definitions,
        CancellationToken cancellationToken) =>
        InLanesAsync(dataSource, [.. definitions.OrderBy(d => d.Contains(" USING btree ", StringComparison.Ordinal))],
            cancellationToken);

    /// <summary>
    /// Runs <paramref name="statements"/> in two lanes, each taking the next statement of the list when it finishes one, on
    /// a connection of its own for that statement, and says what each took.
    /// </summary>
    public static Task InLanesAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> statements,
        CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(statements, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken },
            async (statement, token) =>
            {
                await using var connection = await dataSource.OpenConnectionAsync(token);
                await ExecuteAsync(connection, "SET maintenance_work_mem = '512MB'", token);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await ExecuteAsync(connection, statement, token);
                Console.WriteLine($"  {statement.Split(" ON ")[0].Split(' ')[^1]} in " +
                    $"{System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0} s");
            });

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
