using System.Collections.Concurrent;
using Deque.AxeCore.Commons;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ThresholdPortal.BrowserTests.Infrastructure;

/// <summary>
/// Runs axe-core (the copy Deque.AxeCore.Commons ships) on the page's document in one call. Deque's Playwright
/// wrapper runs axe's cross-frame protocol instead: each frame's partial run, then a new blank page with axe injected
/// again to finish. That cost over two seconds a check on this machine and was most of every browser journey; the
/// portal's pages have no frames, so a plain <c>axe.run</c> checks exactly the same nodes (docs/decisions/0131). A portal
/// under test serves axe to its own pages (<see cref="ServedScript"/>), which load it from there: sent through Playwright
/// into every page checked instead, its half a megabyte cost a third of a second a page (docs/decisions/0142).
/// </summary>
public static class Axe
{
    /// <summary>Where a portal under test serves axe's script, on its own origin, which the portal's CSP allows scripts from.</summary>
    public const string ScriptPath = "/_tests/axe.min.js";

    // The origins of the portals under test that serve the script.
    private static readonly ConcurrentDictionary<string, bool> Serving = new(StringComparer.Ordinal);

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
            await InjectAsync(page);
        }

        // Passes and inapplicable rules are reported with one node each, not every node that passed: what a check reads is
        // the violations and what axe could not decide, and the rest was most of the results' size.
        var options = JsonConvert.SerializeObject(new
        {
            runOnly = new { type = "tag", values = tags },
            resultTypes = new[] { "violations", "incomplete" },
        });
        var json = await page.EvaluateAsync<string>(
            "async options => JSON.stringify(await window.axe.run(document, JSON.parse(options)))", options);
        return new AxeResult(JObject.Parse(json));
    }

    /// <summary>Loads axe into the page: from the portal's own address where it serves it, else sent in whole.</summary>
    private static async Task InjectAsync(IPage page)
    {
        if (Uri.TryCreate(page.Url, UriKind.Absolute, out var address) && Serving.ContainsKey(address.GetLeftPart(UriPartial.Authority)))
        {
            // The browser's cache and V8's keep the compiled script for the next page; the tag goes once it has run.
            var script = await page.AddScriptTagAsync(new() { Url = ScriptPath });
            await script.EvaluateAsync("script => script.remove()");
            return;
        }

        await page.EvaluateAsync(Source.Value);
    }

    /// <summary>
    /// Serves axe's script at <see cref="ScriptPath"/> from the portal at <paramref name="baseUrl"/> (a test host only, ahead of
    /// the portal's own pipeline), and has the checks of its pages load it from there.
    /// </summary>
    public static IStartupFilter ServedScript(string baseUrl)
    {
        Serving[new Uri(baseUrl).GetLeftPart(UriPartial.Authority)] = true;
        return new ServedScriptFilter();
    }

    private sealed class ServedScriptFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(ScriptPath, script => script.Run(context =>
            {
                context.Response.ContentType = "text/javascript; charset=utf-8";
                context.Response.Headers.CacheControl = "private, max-age=86400";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return context.Response.WriteAsync(Source.Value);
            }));
            next(app);
        };
    }
}
