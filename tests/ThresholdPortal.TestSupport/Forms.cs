using System.Net;
using System.Text.RegularExpressions;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// Reads and posts the portal's forms over HTTP as a browser without JavaScript would, and reads the GOV.UK
/// error summary a refused form shows: the one reader of both for every test.
/// </summary>
public static partial class Forms
{
    /// <summary>GETs the page, takes its antiforgery token and posts the form fields to it.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields) =>
        PostAsync(client, url, fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    /// <summary>As above, with repeated names for checkboxes (<c>Data.Roles</c> twice), the token taken from another page if
    /// given.</summary>
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? tokenFrom = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await TokenAsync(client, tokenFrom ?? url);
        return await client.PostAsync(url,
            new FormUrlEncodedContent([.. fields, KeyValuePair.Create("__RequestVerificationToken", token)]));
    }

    /// <summary>
    /// The key a creating form carries (docs/decisions/0105), read from the page at <paramref name="url"/>, to post with the
    /// form's fields as a browser would.
    /// </summary>
    public static async Task<KeyValuePair<string, string>> IdempotencyKeyAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var key = IdempotencyKey().Match(await client.GetStringAsync(url));
        key.Success.ShouldBeTrue($"{url} should carry an idempotency key");
        return KeyValuePair.Create(key.Groups[1].Value, key.Groups[2].Value);
    }

    /// <summary>The same form sent twice at once, as a double click or a retry over a slow line sends it.</summary>
    public static async Task<HttpResponseMessage[]> PostTwiceAtOnceAsync(
        HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? tokenFrom = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await TokenAsync(client, tokenFrom ?? url);
        List<KeyValuePair<string, string>> body = [.. fields, KeyValuePair.Create("__RequestVerificationToken", token)];
        return await Task.WhenAll(client.PostAsync(url, new FormUrlEncodedContent(body)),
            client.PostAsync(url, new FormUrlEncodedContent(body)));
    }

    /// <summary>The antiforgery token of the form on the page at <paramref name="url"/> (valid for any form of the same client).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = Token().Match(await client.GetStringAsync(url));
        token.Success.ShouldBeTrue($"{url} should contain an antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>
    /// The error summary's messages, decoded and joined with "; " (both the items that link to a field and the
    /// page-level ones that do not), or "(no error summary)": to assert on, and to make a failed step say why.
    /// </summary>
    public static string ErrorSummary(string html)
    {
        var list = SummaryList().Match(html);
        var items = list.Success
            ? Item().Matches(list.Groups[1].Value).Select(m => WebUtility.HtmlDecode(Tag().Replace(m.Groups[1].Value, string.Empty)))
                .ToList()
            : [];
        return items.Count == 0 ? "(no error summary)" : string.Join("; ", items);
    }

    /// <summary>What a posted form answered: nothing for a redirect, else its error summary, or its status if it showed none.</summary>
    public static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return string.Empty;
        }

        var html = await response.Content.ReadAsStringAsync();
        return SummaryList().IsMatch(html) ? ErrorSummary(html) : $"status {(int)response.StatusCode}";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*IdempotencyKey)\" value=\"([^\"]+)\"")]
    private static partial Regex IdempotencyKey();

    [GeneratedRegex("<ul class=\"govuk-list govuk-error-summary__list\">(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex SummaryList();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex Item();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
