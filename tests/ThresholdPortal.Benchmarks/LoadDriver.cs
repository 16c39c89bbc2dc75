using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace ThresholdPortal.Benchmarks;

/// <summary>
/// Signs in through the real sign-in page, then requests each page with a fixed number of concurrent
/// workers for a fixed time, and reports latency percentiles. Bounded in time and count; loopback only.
/// </summary>
public sealed partial class LoadDriver(Uri baseAddress, string email, string password, string? authenticatorKey = null)
{
    /// <summary>
    /// Runs each page in turn. With <paramref name="measured"/> (a process id, <see cref="ProcessorTime.ListenerOf"/>),
    /// each result also gives that process's and PostgreSQL's processor time a request over its timed window.
    /// </summary>
    public async Task<IReadOnlyList<PageResult>> RunAsync(IReadOnlyList<string> paths, int workers, TimeSpan durationPerPage,
        CancellationToken cancellationToken, int? measured = null)
    {
        EnsureLoopback(baseAddress);
        var clients = new List<HttpClient>();
        for (var i = 0; i < workers; i++)
        {
            clients.Add(await SignedInClientAsync(cancellationToken));
        }

        var results = new List<PageResult>();
        foreach (var path in paths)
        {
            // One warm-up pass so JIT and the connection pool are not measured.
            await clients[0].GetAsync(path, cancellationToken);
            var latencies = new List<double>();
            var errors = 0;
            var before = ProcessorTime.Read(measured);
            var stopAt = Stopwatch.GetTimestamp() + (long)(durationPerPage.TotalSeconds * Stopwatch.Frequency);
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(clients.Select(async client =>
            {
                var mine = new List<double>();
                var myErrors = 0;
                while (Stopwatch.GetTimestamp() < stopAt && !cancellationToken.IsCancellationRequested)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    using var response = await client.GetAsync(path, cancellationToken);
                    await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    if (!response.IsSuccessStatusCode)
                    {
                        myErrors++;
                    }
                }

                lock (latencies)
                {
                    latencies.AddRange(mine);
                    errors += myErrors;
                }
            }));
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var processor = ProcessorTime.PerItem(before, ProcessorTime.Read(measured), latencies.Count);
            latencies.Sort();
            results.Add(new PageResult(path, latencies.Count, errors, latencies.Count / elapsed,
                Report.Percentile(latencies, 0.50), Report.Percentile(latencies, 0.95), Report.Percentile(latencies, 0.99), processor));
        }

        clients.ForEach(c => c.Dispose());
        return results;
    }

    /// <summary>The benchmarks only drive this machine (localhost or a loopback address), never a live service.</summary>
    public static void EnsureLoopback(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!IPAddress.TryParse(baseAddress.Host, out var address) ? baseAddress.Host != "localhost" : !IPAddress.IsLoopback(address))
        {
            throw new InvalidOperationException("The benchmarks only target this machine (localhost or a loopback address).");
        }
    }

    /// <summary>A client signed in through the pages (with the authenticator code where the role needs one).</summary>
    public Task<HttpClient> SignInAsync(CancellationToken cancellationToken) => SignedInClientAsync(cancellationToken);

    private async Task<HttpClient> SignedInClientAsync(CancellationToken cancellationToken)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };
        if (email.Length == 0)
        {
            return client; // The bare baseline (BaselineApp) has no sign-in.
        }

        var page = await client.GetStringAsync("/account/sign-in", cancellationToken);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Data.Email"] = email,
            ["Data.Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Could not sign in as {email}: {(int)response.StatusCode}.");
        }

        // MASH roles sign in with a second factor: the code an authenticator app would show for the key.
        var next = response.Headers.Location?.OriginalString ?? string.Empty;
        if (next.StartsWith("/account/sign-in-code", StringComparison.Ordinal))
        {
            if (authenticatorKey is null)
            {
                throw new InvalidOperationException($"{email} needs an authenticator code: pass --authenticator-key.");
            }

            var codePage = await client.GetStringAsync(next, cancellationToken);
            using var coded = await client.PostAsync(next, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Data.Code"] = TestSupport.Totp.Code(authenticatorKey),
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(codePage).Groups[1].Value),
            }), cancellationToken);
            if (coded.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"The authenticator code for {email} was refused: {(int)coded.StatusCode}.");
            }
        }

        return client;
    }

    /// <summary>The antiforgery token in a page's form, as the benchmarks post it back.</summary>
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex AntiforgeryToken();
}

/// <summary>One page's figures; <c>Processor</c> is "app + PostgreSQL" ms a request when a process was measured, else "n/a".</summary>
public sealed record PageResult(string Path, int Requests, int Errors, double RequestsPerSecond, double P50, double P95, double P99,
    string Processor = "n/a")
{
    public string ToMarkdownRow() => string.Create(CultureInfo.InvariantCulture,
        $"| `{Path}` | {Requests} | {Errors} | {RequestsPerSecond:0.0} | {P50:0.0} | {P95:0.0} | {P99:0.0} |");
}
