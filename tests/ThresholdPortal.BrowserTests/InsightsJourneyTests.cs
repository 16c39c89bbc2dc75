using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;

namespace ThresholdPortal.BrowserTests;

/// <summary>A MASH manager reads the live measures over the demo data, changes the period and downloads the CSV.</summary>
public sealed class InsightsJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_manager_changes_the_period_sees_the_chart_and_its_table_and_downloads_the_measures()
    {
        var page = await NewPageAsync();
        await page.SignInAsync("manager@example.org");

        await page.GotoAsync("/insights");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Insights");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByLabel("Last 12 months").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show measures" }).ClickAsync();
        page.Url.ShouldContain("Filter.Period=Last12Months");
        (await page.GetByLabel("Last 12 months").IsCheckedAsync()).ShouldBeTrue();

        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Cases received each week" });
        (await chart.IsVisibleAsync()).ShouldBeTrue();
        var table = page.Locator("#weekly-table");
        (await table.IsVisibleAsync()).ShouldBeTrue();
        (await table.Locator("tbody tr").CountAsync()).ShouldBeGreaterThanOrEqualTo(52);
        (await page.Locator("[data-measure=conversion]").InnerTextAsync()).ShouldContain("closed cases");
        await page.ShouldHaveNoAxeViolationsAsync();

        // The custom period reveals its dates; the page stays accessible with them open.
        await page.GetByLabel("Choose dates").CheckAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "These measures (CSV)" }).ClickAsync());
        download.SuggestedFilename.ShouldStartWith("insights-measures-");
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path!);
        lines[0].ShouldBe("PeriodFirstDay,PeriodLastDay,Measure,Title,Numerator,Denominator,Percent,CountedOutOf");
        lines.ShouldContain(l => l.Contains(",conversion,", StringComparison.Ordinal));
    }
}
