using System.Globalization;
using System.Runtime.CompilerServices;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>What the CSV exports share: date formats, the audit detail and streaming helpers.</summary>
public static class ExportRows
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Describe(ResolvedFilter filter) =>
        $"{Date(filter.First)} to {Date(filter.Last)}" +
        (filter.Organisation is { } organisation ? $"; organisation {organisation}" : string.Empty) +
        (filter.Kind is { } kind ? $"; kind {kind}" : string.Empty);

    public static async IAsyncEnumerable<IReadOnlyList<string?>> Async(IEnumerable<IReadOnlyList<string?>> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }

        await Task.CompletedTask;
    }

    /// <summary>Maps rows as PostgreSQL returns them, one at a time, without holding the whole result.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<string?>> Map<T>(IAsyncEnumerable<T> rows, Func<T, IReadOnlyList<string?>> map,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return map(row);
        }
    }
}
