using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ThresholdPortal.Benchmarks;

/// <summary>
/// Issue 21's benchmark: a whole referral sent through the API (one POST that runs every page's command and the send)
/// against the browser journey's final send (the check answers POST of a draft completed beforehand, untimed), in rounds
/// that alternate, on the same running portal with its demo data. The API client is registered through the
/// administrators' pages with a limit high enough not to be the thing measured.
/// </summary>
public sealed partial class ReferralSendTiming(Uri baseAddress, string referrerEmail, string password, string administratorEmail,
    string authenticatorKey)
{
    public async Task<string> RunAsync(int perRound, int rounds, int workers, CancellationToken cancellationToken)
    {
        LoadDriver.EnsureLoopback(baseAddress);
        var administrator = await new LoadDriver(baseAddress, administratorEmail, password, authenticatorKey)
            .SignInAsync(cancellationToken);
        var (clientId, secret) = await RegisterClientAsync(administrator, cancellationToken);
        var browser = new List<double>();
        var api = new List<double>();
        var browserSeconds = 0.0;
        var apiSeconds = 0.0;
        var browserFailed = 0;
        var apiFailed = 0;
        for (var round = 0; round < rounds; round++)
        {
            var referrers = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ =>
                new LoadDriver(baseAddress, referrerEmail, password).SignInAsync(cancellationToken)));
            var drafts = await InTurnsAsync(perRound, workers, i => BrowserDraft.CompleteAsync(referrers[i % workers], cancellationToken),
                cancellationToken);
            var (browserTimes, browserElapsed, browserErrors) = await TimeAsync(perRound, workers, i =>
                BrowserDraft.SendAsync(referrers[i % workers], drafts[i], cancellationToken));
            var tokens = await TokenClientsAsync(clientId, secret, workers, cancellationToken);
            var (apiTimes, apiElapsed, apiErrors) = await TimeAsync(perRound, workers, i => SendThroughApiAsync(tokens[i % workers],
                cancellationToken));
            browser.AddRange(browserTimes);
            api.AddRange(apiTimes);
            browserSeconds += browserElapsed;
            apiSeconds += apiElapsed;
            browserFailed += browserErrors;
            apiFailed += apiErrors;
        }

        return Render(perRound, rounds, workers, (browser, browserSeconds, browserFailed), (api, apiSeconds, apiFailed));
    }

    /// <summary>
    /// Does <paramref name="count"/> pieces of work, <paramref name="workers"/> at a time, and gives their results in order:
    /// the untimed preparation as much as the timed sends. Preparing all at once grew the portal's connection pool to its
    /// limit, and the timed sends then went round a hundred connections, each with its statements not yet prepared, where
    /// the baseline kept eight.
    /// </summary>
    internal static async Task<T[]> InTurnsAsync<T>(int count, int workers, Func<int, Task<T>> work, CancellationToken cancellationToken)
    {
        var done = new T[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
            async (i, _) => done[i] = await work(i));
        return done;
    }

    internal static async Task<(List<double> Times, double Seconds, int Errors)> TimeAsync(int count, int workers,
        Func<int, Task<bool>> send)
    {
        var total = Stopwatch.StartNew();
        var sends = await InTurnsAsync(count, workers, async i =>
        {
            var watch = Stopwatch.StartNew();
            var ok = await send(i);
            return (Milliseconds: watch.Elapsed.TotalMilliseconds, Ok: ok);
        }, CancellationToken.None);
        return ([.. sends.Select(s => s.Milliseconds)], total.Elapsed.TotalSeconds, sends.Count(s => !s.Ok));
    }

    private async Task<(string ClientId, string Secret)> RegisterClientAsync(HttpClient administrator, CancellationToken cancellationToken)
    {
        var form = await administrator.GetStringAsync("/admin/api-clients/create", cancellationToken);
        var police = PoliceOption().Match(form).Groups[1].Value;
        using var created = await PostFormAsync(administrator, "/admin/api-clients/create", form,
        [
            new("Data.IdempotencyKey", IdempotencyKey().Match(form).Groups[1].Value),
            new("Data.Name", $"Benchmark {Guid.NewGuid():N}"[..20]),
            new("Data.OrganisationId", police), new("Data.Scopes", "referrals:write"), new("Data.RequestsPerMinute", "6000"),
        ], cancellationToken);
        var id = created.Headers.Location?.OriginalString.Split('/')[^1]
            ?? throw new InvalidOperationException($"Registering the benchmark's API client answered {(int)created.StatusCode}.");
        var secretPage = await administrator.GetStringAsync($"/admin/api-clients/secret/{id}", cancellationToken);
        using var shown = await PostFormAsync(administrator, $"/admin/api-clients/secret/{id}", secretPage,
            [new("Data.Months", "1")], cancellationToken);
        var html = await shown.Content.ReadAsStringAsync(cancellationToken);
        return (WebUtility.HtmlDecode(ShownClientId().Match(html).Groups[1].Value),
            WebUtility.HtmlDecode(ShownSecret().Match(html).Groups[1].Value));
    }

    private async Task<HttpClient[]> TokenClientsAsync(string clientId, string secret, int workers, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var response = await http.PostAsync("/api/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }), cancellationToken);
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!["access_token"]!.GetValue<string>();
        return [.. Enumerable.Range(0, workers).Select(_ =>
        {
            var client = new HttpClient { BaseAddress = baseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        })];
    }

    private static async Task<bool> SendThroughApiAsync(HttpClient api, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals")
        {
            Content = new StringContent(BrowserDraft.ApiBody, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await api.SendAsync(request, cancellationToken);
        return response.StatusCode == HttpStatusCode.Created;
    }

    internal static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string page,
        List<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        fields.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(LoadDriver.AntiforgeryToken().Match(page).Groups[1].Value)));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields), cancellationToken);
    }

    private static string Render(int perRound, int rounds, int workers, (List<double> Times, double Seconds, int Failed) browser,
        (List<double> Times, double Seconds, int Failed) api)
    {
        browser.Times.Sort();
        api.Times.Sort();
        static double P95(List<double> sorted) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(0.95 * sorted.Count) - 1)];
        static string Row(string path, (List<double> Times, double Seconds, int Failed) run) => string.Create(CultureInfo.InvariantCulture,
            $"| {path} | {run.Times.Count} | {run.Failed} | {run.Times.Count / run.Seconds:0.0} | {run.Times[run.Times.Count / 2]:0.0} | "
            + $"{P95(run.Times):0.0} |");
        var ratio = api.Times.Count / api.Seconds / (browser.Times.Count / browser.Seconds);
        return string.Join(Environment.NewLine,
        [
            string.Create(CultureInfo.InvariantCulture,
                $"## Referral send, API against the browser's final send: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, ")
                + string.Create(CultureInfo.InvariantCulture,
                    $"{Environment.ProcessorCount} cores, {workers} workers, {rounds} rounds of {perRound} each way, ")
                + $"load average {Report.LoadAverage()} at the end",
            string.Empty,
            "| path | sends | failed | sends/s | p50 ms | p95 ms |",
            "|---|---|---|---|---|---|",
            Row("browser: check answers POST of a completed draft", browser),
            Row("API: POST /api/v1/referrals, the whole referral", api),
            string.Empty,
            string.Create(CultureInfo.InvariantCulture,
                $"Ratio API / browser: throughput {ratio:0.00}, p95 {P95(api.Times) / P95(browser.Times):0.00}."),
            string.Empty,
        ]);
    }


    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\">Northshire Police</option>")]
    private static partial Regex PoliceOption();

    [GeneratedRegex("name=\"Data.IdempotencyKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex IdempotencyKey();

    [GeneratedRegex("data-testid=\"new-secret\">([^<]+)<")]
    private static partial Regex ShownSecret();

    [GeneratedRegex("client_id</dt>\\s*<dd class=\"govuk-summary-list__value\"><code>([^<]+)</code>")]
    private static partial Regex ShownClientId();
}
