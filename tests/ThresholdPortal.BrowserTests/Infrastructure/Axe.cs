using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ThresholdPortal.BrowserTests.Infrastructure;

/// <summary>
/// Runs axe-core (the copy Deque.AxeCore.Commons ships) on the page's document in one call. Deque's Playwright
/// wrapper runs axe's cross-frame protocol instead: each frame's partial run, then a new blank page with axe injected
/// again to finish. That cost over two seconds a check on this machine and was most of every browser journey; the
/// portal's pages have no frames, so a plain <c>axe.run</c> checks exactly the same nodes (docs/decisions/0131).
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        using var stream = typeof(AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("Deque.AxeCore.Commons no longer carries axe.min.js where it did.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>axe's results for the whole document, with only the rules that carry one of <paramref name="tags"/>.</summary>
    public static async Task<AxeResult> RunAsync(IPage page, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (await page.Locator("iframe, frame").CountAsync() > 0)
        {
            throw new InvalidOperationException($"{page.Url} has a frame: check it with Deque's wrapper, which follows frames.");
        }

        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var options = JsonConvert.SerializeObject(new { runOnly = new { type = "tag", values = tags } });
        var json = await page.EvaluateAsync<string>(
            "async options => JSON.stringify(await window.axe.run(document, JSON.parse(options)))", options);
        return new AxeResult(JObject.Parse(json));
    }
}
