using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;
using ThresholdPortal.DemoData;

namespace ThresholdPortal.BrowserTests;

/// <summary>
/// Subject access as the data protection officer meets it (issue 19, item 3; docs/decisions/0123): the search refuses an
/// empty form, finds the demo's Jayden Clarke under both spellings, the officer ticks those records, reads everything held
/// and downloads the bundle. What was searched for never reaches an address. Axe on every page.
/// </summary>
public sealed partial class SubjectAccessJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task The_officer_searches_ticks_the_records_that_are_the_child_reads_them_and_downloads_the_bundle()
    {
        var officer = await NewPageAsync();
        await officer.SignInAsync(DemoDataSeeder.DataProtectionOfficerEmail);
        await officer.WaitForPathAsync("/subject-access");
        (await officer.Locator("h1").InnerTextAsync()).ShouldBe("Find a person for a subject access request");
        await officer.ShouldHaveNoAxeViolationsAsync();

        await officer.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await officer.Locator(".govuk-error-summary").WaitForAsync();
        (await officer.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Enter a name, a date of birth or an NHS number");
        await officer.ShouldHaveNoAxeViolationsAsync();

        await officer.GetByLabel("Name").FillAsync("Jayden Clarke");
        await officer.GetByLabel("Day").FillAsync(MashDemoData.JaydenBorn.Day.ToString(CultureInfo.InvariantCulture));
        await officer.GetByLabel("Month").FillAsync(MashDemoData.JaydenBorn.Month.ToString(CultureInfo.InvariantCulture));
        await officer.GetByLabel("Year").FillAsync(MashDemoData.JaydenBorn.Year.ToString(CultureInfo.InvariantCulture));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await officer.GetByRole(AriaRole.Heading, new() { Name = "Choose the records that are the person" }).WaitForAsync();
        new Uri(officer.Url).PathAndQuery.ShouldBe("/subject-access", "nothing searched for is in the address");
        await officer.ShouldHaveNoAxeViolationsAsync();

        await officer.GetByRole(AriaRole.Button, new() { Name = "Show everything about them" }).ClickAsync();
        await officer.Locator(".govuk-error-summary").WaitForAsync();
        (await officer.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Select the records that are the person");
        await officer.ShouldHaveNoAxeViolationsAsync();

        var jayden = officer.Locator(".govuk-checkboxes__item").Filter(new() { HasTextRegex = TheChild() });
        var count = await jayden.CountAsync();
        count.ShouldBeGreaterThanOrEqualTo(2, "the child as the school spells it and as the earlier referral did");
        for (var i = 0; i < count; i++)
        {
            await jayden.Nth(i).Locator("input").CheckAsync();
        }

        await officer.GetByRole(AriaRole.Button, new() { Name = "Show everything about them" }).ClickAsync();
        await officer.WaitForPathAsync("/subject-access/record");
        new Uri(officer.Url).Query.ShouldBeEmpty();
        var main = await officer.Locator("main").InnerTextAsync();
        main.ShouldContain("Everything held about the person");
        main.ShouldContain("Jaydon came to school with a cut lip", customMessage: "the earlier referral, spelled differently");
        main.ShouldContain("Jayden arrived with a bruise on his cheek", customMessage: "the referral waiting in the queue");
        main.ShouldContain("(another child)", customMessage: "Maisie is someone else");
        await officer.ShouldHaveNoAxeViolationsAsync();

        var download = await officer.RunAndWaitForDownloadAsync(() =>
            officer.GetByRole(AriaRole.Button, new() { Name = "Download bundle (ZIP)" }).ClickAsync());
        download.SuggestedFilename.ShouldStartWith("subject-access-");
        download.SuggestedFilename.ShouldEndWith(".zip");
        var saved = await download.PathAsync();
        using var zip = ZipFile.OpenRead(saved);
        using var index = new StreamReader(zip.GetEntry("index.html").ShouldNotBeNull().Open());
        var html = await index.ReadToEndAsync();
        html.ShouldContain("Subject access bundle");
        html.ShouldContain("Jaydon came to school with a cut lip");
        html.ShouldContain("For redaction review");
    }

    [GeneratedRegex("^Jayd[eo]n Clarke?")]
    private static partial Regex TheChild();
}
