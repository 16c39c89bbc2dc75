using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ThresholdPortal.Benchmarks;

/// <summary>
/// Issue 18's bare baseline: the least a web app on the same machine and database can do for the portal's two hot paths,
/// with raw Npgsql and no framework beyond Kestrel's routing, so the portal's figures read as a share of it.
/// <c>GET /mash</c> runs the queue's two essential statements (open cases counted by status, and the first 25 in the
/// queue's order, from the same index) and writes a plain HTML table. <c>POST /send</c> writes in one transaction the rows a
/// referral send writes: the reference from the live sequence, the referral with its children (copied from a stored
/// referral, so the rows are as wide as real ones), its MASH case and an audit event. No sign-in, no antiforgery, no
/// audit of the view: that difference is what the comparison shows.
/// </summary>
internal static class BaselineApp
{
    public static async Task RunAsync(string url, string connectionString, CancellationToken cancellationToken)
    {
        LoadDriver.EnsureLoopback(new Uri(url));
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            NoResetOnClose = true, MaxAutoPrepare = 16, AutoPrepareMinUsages = 2,
        }.ConnectionString);
        var send = await SendStatements.PrepareAsync(dataSource, cancellationToken);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        await using var app = builder.Build();
        app.MapGet("/mash", async (HttpContext http) =>
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(await QueueAsync(dataSource, http.RequestAborted), http.RequestAborted);
        });
        app.MapPost("/send", async (HttpContext http) =>
        {
            http.Response.ContentType = "text/plain";
            try
            {
                await http.Response.WriteAsync(await send.SendAsync(dataSource, http.RequestAborted), http.RequestAborted);
            }
            catch (PostgresException exception)
            {
                // The baseline has no logging: say why on its console, as a failed send makes the comparison meaningless.
                await Console.Error.WriteLineAsync($"Send failed: {exception.SqlState} {exception.MessageText}");
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        });
        Console.WriteLine($"Baseline listening on {url} (GET /mash, POST /send); Ctrl+C stops it.");
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }

    private static async Task<string> QueueAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><title>Queue</title><ul>");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var counts = new NpgsqlCommand(
            "SELECT \"Status\", count(*) FROM \"MashCases\" WHERE \"Status\" <> 'Decided' GROUP BY 1 ORDER BY 1", connection))
        await using (var reader = await counts.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                html.Append("<li>").Append(HtmlEncoder.Default.Encode(reader.GetString(0))).Append(": ")
                    .Append(reader.GetInt64(1).ToString(CultureInfo.InvariantCulture)).Append("</li>");
            }
        }

        html.Append("</ul><table>");
        await using (var page = new NpgsqlCommand("""
            SELECT "Id", "Reference", "ReceivedAt", "Rating", "Status" FROM "MashCases"
            WHERE "Status" <> 'Decided'
            ORDER BY "QueueDueAt", "UrgencyRank", "ReceivedAt", "Id" LIMIT 25
            """, connection))
        await using (var reader = await page.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/mash/cases/{reader.GetGuid(0)}\">")
                    .Append(HtmlEncoder.Default.Encode(reader.GetString(1))).Append("</a></td><td>")
                    .Append(reader.GetFieldValue<DateTimeOffset>(2).ToString("O", CultureInfo.InvariantCulture)).Append("</td><td>")
                    .Append(HtmlEncoder.Default.Encode(reader.IsDBNull(3) ? "Not rated" : reader.GetString(3))).Append("</td><td>")
                    .Append(HtmlEncoder.Default.Encode(reader.GetString(4))).Append("</td></tr>");
            }
        }

        return html.Append("</table></html>").ToString();
    }

    /// <summary>
    /// The send's INSERT ... SELECT statements, built once from the tables' own columns (stored generated and identity
    /// columns left to PostgreSQL), copying one stored referral with its children and case and replacing what must be new.
    /// </summary>
    private sealed class SendStatements(Guid template, string referral, string children, string mashCase, string audit)
    {
        public static async Task<SendStatements> PrepareAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var find = new NpgsqlCommand(
                "SELECT c.\"ReferralId\" FROM \"MashCases\" c WHERE c.\"Channel\" = 'Portal' ORDER BY c.\"ReceivedAt\" DESC LIMIT 1",
                connection);
            var template = (Guid)(await find.ExecuteScalarAsync(cancellationToken)
                ?? throw new InvalidOperationException("The baseline copies a stored portal referral: generate or seed some first."));
            var referral = await CopyAsync(connection, "Referrals", "\"Id\" = @template", new()
            {
                ["Id"] = "@id", ["Reference"] = "@reference", ["SubmittedAt"] = "@now", ["IdempotencyKey"] = "gen_random_uuid()",
            }, cancellationToken);
            var children = await CopyAsync(connection, "ReferralChildren", "\"ReferralId\" = @template", new()
            {
                ["Id"] = "gen_random_uuid()", ["ReferralId"] = "@id",
            }, cancellationToken);
            var mashCase = await CopyAsync(connection, "MashCases", "\"ReferralId\" = @template", new()
            {
                ["Id"] = "gen_random_uuid()", ["ReferralId"] = "@id", ["Reference"] = "@reference", ["ReceivedAt"] = "@now",
                ["Status"] = "'New'", ["DecisionId"] = "NULL",
            }, cancellationToken);
            var audit = await CopyAsync(connection, "AuditEvents",
                "\"Id\" = (SELECT max(\"Id\") FROM \"AuditEvents\")", new()
                {
                    ["OccurredAt"] = "@now", ["SubjectId"] = "@id::text", ["Detail"] = "@reference",
                }, cancellationToken);
            return new SendStatements(template, referral, children, mashCase, audit);
        }

        public async Task<string> SendAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var next = new NpgsqlCommand("SELECT nextval('\"ReferralReferenceNumbers\"')", connection, transaction);
            var number = (long)(await next.ExecuteScalarAsync(cancellationToken))!;
            var reference = $"BL-{number:D8}";
            var id = Guid.CreateVersion7();
            foreach (var sql in new[] { referral, children, mashCase, audit })
            {
                await using var command = new NpgsqlCommand(sql, connection, transaction);
                command.Parameters.AddWithValue("template", template);
                command.Parameters.AddWithValue("id", id);
                command.Parameters.AddWithValue("reference", reference);
                command.Parameters.AddWithValue("now", DateTimeOffset.UtcNow);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return reference;
        }

        private static async Task<string> CopyAsync(NpgsqlConnection connection, string table, string where,
            Dictionary<string, string> replaced, CancellationToken cancellationToken)
        {
            await using var read = new NpgsqlCommand("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = @table AND is_generated = 'NEVER' AND is_identity = 'NO'
                ORDER BY ordinal_position
                """, connection);
            read.Parameters.AddWithValue("table", table);
            var columns = new List<string>();
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    columns.Add(reader.GetString(0));
                }
            }

            var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
            var values = string.Join(", ", columns.Select(c => replaced.GetValueOrDefault(c, $"\"{c}\"")));
            return $"INSERT INTO \"{table}\" ({names}) SELECT {values} FROM \"{table}\" WHERE {where}";
        }
    }
}
