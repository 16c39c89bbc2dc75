using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>A CSV download: its file name, header row and rows, read from PostgreSQL as they are written.</summary>
public sealed record CsvDownload(string FileName, IReadOnlyList<string> Header, IAsyncEnumerable<IReadOnlyList<string?>> Rows);

/// <summary>
/// Writes a <see cref="CsvDownload"/> as RFC 4180 CSV in UTF-8, streamed to the response as an attachment.
/// Cells that a spreadsheet would run as a formula (starting = + - @, tab or carriage return) get a
/// leading apostrophe (docs/decisions/0072).
/// </summary>
public sealed class CsvFileResult(CsvDownload download) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{download.FileName}\"";
        var cancellationToken = context.HttpContext.RequestAborted;
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            bufferSize: 16 * 1024);
        await writer.WriteAsync(Line(download.Header));
        await foreach (var row in download.Rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(row));
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
