using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.BrowserTests.Infrastructure;

/// <summary>
/// Debian's Chromium headless shell (the same Blink, without the full browser's interface layers, which is what Playwright
/// runs headless with its own downloads), launched once for each test class's app and driven by Playwright (never its own
/// browser download). Each test takes fresh contexts: no cookies carried between tests (docs/decisions/0143).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>
    /// How long a page action, or a wait of the tests' own, may take. Generous: two apps and two browsers share a 2-core
    /// machine, which other work may be loading too.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("THRESHOLDPORTAL_CHROMIUM") ?? "/usr/bin/chromium-headless-shell",
            Headless = true,
            // This machine has no network beyond loopback: stop Chromium phoning home at start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
    }

    /// <summary>A fresh context (no cookies carried over); whoever opens it closes it.</summary>
    public async Task<IBrowserContext> NewContextAsync(string baseUrl)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "en-GB",
            TimezoneId = "Europe/London" });
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        return context;
    }
}

public static partial class PageExtensions
{
    private static readonly string[] WcagAa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    // The pages already checked in each browser context (one user's part of a journey): a page shown again in
    // the same state is not checked again, which cost minutes and found nothing new.
    private static readonly ConditionalWeakTable<IBrowserContext, HashSet<string>> Checked = new();

    /// <summary>
    /// Runs axe on the page as it is now and fails with each violation's rule and target, unless this context
    /// has already checked the same page (ids aside) with the same error summary state and <paramref name="state"/>.
    /// </summary>
    public static async Task ShouldHaveNoAxeViolationsAsync(this IPage page, string? state = null)
    {
        var showsErrors = await page.Locator(".govuk-error-summary").CountAsync() > 0;
        if (!Checked.GetOrCreateValue(page.Context).Add($"{PageKey(page.Url)} {(showsErrors ? "errors" : "valid")} {state}"))
        {
            return;
        }

        var result = await Axe.RunAsync(page, WcagAa);
        var violations = result.Violations
            .SelectMany(v =>
                v.Nodes.Where(n => !IsGovukConditionalRevealState(v.Id, n))
                .Select(n => $"{v.Id} ({v.Impact}): {string.Join(' ', n.Target)} on {page.Url}"))
            .ToList();
        violations.ShouldBeEmpty();
    }

    /// <summary>The page's path with its ids, numbers and references taken out: which page, not which case.</summary>
    public static string PageKey(string url) => Ids().Replace(new Uri(url).AbsolutePath, "{id}");

    [GeneratedRegex("(?<=/)([0-9a-f]{8}-[0-9a-f-]{27}|[A-Z]{2}-[0-9]{4}-[0-9]+|[0-9]+)(?=/|$)")]
    private static partial Regex Ids();

    /// <summary>
    /// GOV.UK Frontend's radios and checkboxes script puts aria-expanded on an option that reveals a conditional
    /// question. ARIA 1.2 does not list it for those roles, so axe reports it; the Design System keeps it on
    /// purpose because screen readers announce it (alphagov/govuk-frontend#979, a documented known issue). Only
    /// that exact case is let through: any other attribute, element or rule still fails.
    /// </summary>
    public static bool IsGovukConditionalRevealState(string rule, AxeResultNode node)
    {
        var failures = string.Join(' ',
            new[] { node.Any, node.All, node.None }.Where(checks => checks is not null).SelectMany(checks => checks)
            .Select(check => check.Message));
        var attributes = Regex.Matches(failures, "aria-[a-z]+(?==)").Select(m => m.Value).ToList();
        return rule == "aria-allowed-attr"
            && node.Html.Contains("aria-controls=\"conditional-", StringComparison.Ordinal)
            && (node.Html.Contains("govuk-radios__input", StringComparison.Ordinal)
                || node.Html.Contains("govuk-checkboxes__input", StringComparison.Ordinal))
            && attributes.Count > 0 && attributes.All(attribute => attribute == "aria-expanded");
    }

    /// <summary>
    /// Signs in through the real sign-in page, and through the code page when the account has two-factor
    /// sign-in: the code comes from the authenticator key (the demo users' published key by default).
    /// </summary>
    public static async Task SignInAsync(
        this IPage page, string email, string password = DemoData.DemoDataSeeder.DemoPassword,
        string authenticatorKey = DemoData.DemoDataSeeder.DemoAuthenticatorKey)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await LeftOrRefusedAsync(page, "/account/sign-in");
        if (page.Url.Contains("/account/sign-in-code", StringComparison.Ordinal))
        {
            await page.ShouldHaveNoAxeViolationsAsync();
            await page.GetByLabel("Enter the code from your authenticator app").FillAsync(Totp.Code(authenticatorKey));
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await LeftOrRefusedAsync(page, "/account/sign-in-code");
        }
    }

    /// <summary>
    /// Waits until the page's path is <paramref name="path"/> and that document has loaded. Used instead of Playwright's
    /// WaitForURLAsync, whose wait for the load event could miss it when the page had arrived just before it looked: it hung
    /// on CI for 30 seconds with the page loaded, in two journeys (and sign-in had hung the same way, below). The address is
    /// polled, and whether the document has loaded is asked of the document itself.
    /// </summary>
    public static Task WaitForPathAsync(this IPage page, string path) =>
        ArrivedAsync(page, () => new Uri(page.Url).AbsolutePath == path, path);

    /// <summary>As <see cref="WaitForPathAsync"/>, for the first address that <paramref name="address"/> matches.</summary>
    public static Task WaitForAddressAsync(this IPage page, Regex address) =>
        ArrivedAsync(page, () => address.IsMatch(page.Url), address.ToString());

    private static async Task ArrivedAsync(IPage page, Func<bool> arrived, string expected)
    {
        await UntilAsync(() => Task.FromResult(arrived()), $"The page did not reach {expected} (it is at {page.Url})");
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null,
            new PageWaitForFunctionOptions { PollingInterval = 50 });
    }

    /// <summary>Asks <paramref name="done"/> every 50 ms, for up to <see cref="Chromium.Timeout"/>.</summary>
    private static async Task UntilAsync(Func<Task<bool>> done, string failure)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await done())
        {
            if (waited.Elapsed > Chromium.Timeout)
            {
                throw new TimeoutException($"{failure} within {Chromium.Timeout.TotalSeconds:0} seconds.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Waits until a form posted from <paramref name="path"/> has answered: with another page, or with the same page
    /// and its error summary. A load-state wait straight after the click can still see the old page, which is how
    /// a sign-in once went on before the code page had come.
    /// </summary>
    private static async Task LeftOrRefusedAsync(IPage page, string path)
    {
        await UntilAsync(async () => new Uri(page.Url).AbsolutePath != path || await page.Locator(".govuk-error-summary").IsVisibleAsync(),
            $"The form on {path} did not answer");

        // A locator waits across the redirects that follow (sign-in, then the role's area, then its first page); a
        // load-state wait here once hung on CI with the page already loaded.
        await page.Locator("h1").First.WaitForAsync();
    }
}
