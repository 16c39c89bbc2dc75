using ThresholdPortal.BrowserTests.Infrastructure;

namespace ThresholdPortal.BrowserTests;

/// <summary>The project's own axe runner finds what axe finds: it is what every page and journey is checked with.</summary>
public sealed class AxeTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task It_reports_a_missing_alternative_text_and_poor_contrast_and_nothing_on_a_clean_page()
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Faulty</title></head><body><main>
            <h1>Faulty</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            <p style="color:#bbb;background:#fff">Hard to read</p></main></body></html>
            """);

        var faulty = await Axe.RunAsync(page, "wcag2a", "wcag2aa");

        faulty.Violations.Select(violation => violation.Id).ShouldBe(["color-contrast", "image-alt"], ignoreOrder: true);

        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Clean</title></head><body><main><h1>Clean</h1><p>Fine</p></main></body></html>
            """);
        var clean = await Axe.RunAsync(page, "wcag2a", "wcag2aa");
        clean.Violations.ShouldBeEmpty();
        clean.Passes.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_page_with_a_frame_is_refused_as_this_runner_does_not_follow_frames()
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Framed</title></head><body><iframe title="x"></iframe></body></html>
            """);

        await Should.ThrowAsync<InvalidOperationException>(() => Axe.RunAsync(page, "wcag2a"));
    }
}
