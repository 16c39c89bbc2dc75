using Microsoft.Playwright;

namespace ThresholdPortal.BrowserTests.Infrastructure;

/// <summary>
/// Base class: one app (with its own Chromium) per test class, so classes run side by side (each its own
/// xunit collection); every browser context a test opens is closed when the test ends, pass or fail, so no
/// renderer outlives its test.
/// </summary>
public abstract class BrowserTest<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime
    where TApp : BrowserApp
{
    private readonly List<IBrowserContext> contexts = [];

    protected TApp App { get; } = app;

    /// <summary>A page in a fresh context (no cookies from another user), on the app's address.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var context = await App.Chromium.NewContextAsync(App.BaseUrl);
        contexts.Add(context);
        return await context.NewPageAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }
}

/// <summary>A browser test on the app with the demo data and its usual settings.</summary>
public abstract class BrowserTest(BrowserApp app) : BrowserTest<BrowserApp>(app);
