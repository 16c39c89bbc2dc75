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

    /// <summary>Builds the dropped indexes again, one at a time, each with PostgreSQL's parallel workers.</summary>
    public static async Task BuildAsync(NpgsqlConnection connection, IEnumerable<string> definitions, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "SET maintenance_work_mem = '512MB'", cancellationToken);
        foreach (var definition in definitions)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await ExecuteAsync(connection, definition, cancellationToken);
            Console.WriteLine($"  built {definition.Split(" ON ")[0].Split(' ')[^1]} in " +
                $"{System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0} s");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
