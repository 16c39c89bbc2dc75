using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.BrowserTests;

/// <summary>The MASH practitioner's screen in Chromium, with the demo data a newcomer sees, checked with axe on every page.</summary>
public sealed class MashTriageJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_practitioner_picks_up_a_new_referral_claims_it_rates_it_amber_and_matches_a_misspelled_known_child()
    {
        var reference = await App.SendClarkeReferralAsync();
        var page = await NewPageAsync();
        await page.SignInAsync("practitioner@example.org");

        // The queue, newest first: the referral just sent is at the top.
        await page.GotoAsync("/mash");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel("Sort by").SelectOptionAsync(new SelectOptionValue { Label = "Newest first" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        var firstRow = page.Locator("table.portal-queue tbody tr").First;
        (await firstRow.GetByRole(AriaRole.Link).First.InnerTextAsync()).ShouldBe(reference);
        var row = await firstRow.InnerTextAsync();
        // The referral names physical abuse by an adult: urgent at intake, said in words until someone rates it.
        row.ShouldContain("Urgent: not yet rated");
        row.ShouldContain("J.C., ");
        row.ShouldNotContain("Jayden");
        await page.ShouldHaveNoAxeViolationsAsync();

        await firstRow.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe(reference);
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim this case" }).ClickAsync();
        (await SummaryValueAsync(page, "Assigned to")).ShouldBe("Priya Shah");

        await page.GetByRole(AriaRole.Button, new() { Name = "Rate this case" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel("Amber", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Why this rating?").FillAsync("A second injury this year with an account of harm by an adult at home.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the rating" }).ClickAsync();
        (await SummaryValueAsync(page, "BRAG rating")).ShouldStartWith("Amber");
        (await page.Locator("#ratings ~ table").InnerTextAsync()).ShouldContain("A second injury this year");

        await page.GetByRole(AriaRole.Link, new() { Name = "Check for matches for Jayden Clarke" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        var candidate = page.Locator(".govuk-summary-card", new() { HasTextString = "Jaydon Clark: score" });
        (await candidate.InnerTextAsync()).ShouldContain("Date of birth matches exactly");
        await page.GetByLabel("Jaydon Clark, born 3 May 2017").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        var flags = await SummaryValueAsync(page, "Flags");
        flags.ShouldContain("Re-referral within 12 months");
        flags.ShouldContain("Open to social care");
        var main = await page.Locator("main").InnerTextAsync();
        main.ShouldContain("Brothers and sisters in this family are open to different processes");
        var timeline = await page.Locator("ol.portal-timeline").InnerTextAsync();
        foreach (var step in new[] { "Referral sent", "Received by the MASH", "Case viewed", "Claimed", "BRAG rating recorded", "Amber",
            "Matched to a known person" })
        {
            timeline.ShouldContain(step);
        }

        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GotoAsync("/mash?flag=ReReferral");
        (await page.Locator("table.portal-queue").InnerTextAsync()).ShouldContain(reference);
        var stored = await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync(c => c.Reference == reference));
        (stored.Rating, stored.Status).ShouldBe((BragRating.Amber, MashCaseStatus.Screening));
    }

    [Fact]
    public async Task A_referral_a_police_system_sends_through_the_api_is_triaged_in_the_browser_like_any_other()
    {
        // The administrator gives the demo police system a secret: shown once, on the page, never again.
        var admin = await NewPageAsync();
        await admin.SignInAsync("admin@example.org");
        await admin.GotoAsync("/admin/api-clients");
        await admin.ShouldHaveNoAxeViolationsAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Northshire Police case system" }).ClickAsync();
        await admin.ShouldHaveNoAxeViolationsAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add a secret" }).ClickAsync();
        await admin.ShouldHaveNoAxeViolationsAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add secret" }).ClickAsync();
        await admin.ShouldHaveNoAxeViolationsAsync();
        var clientId = await admin.Locator("dt:has-text('client_id') + dd").InnerTextAsync();
        var secret = await admin.GetByTestId("new-secret").InnerTextAsync();

        // The police system: a token, then the referral as JSON, with the same answers the referrer pages take.
        using var http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        var token = await ApiTestData.RequestTokenAsync(http, clientId.Trim(), secret.Trim(), "referrals:write");
        token.StatusCode.ShouldBe(HttpStatusCode.OK, await token.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            (await ApiTestData.JsonAsync(token))["access_token"]!.GetValue<string>());
        var sent = await ApiTestData.SendReferralAsync(http, ApiTestData.GoodReferral());
        sent.StatusCode.ShouldBe(HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
        var reference = (await ApiTestData.JsonAsync(sent))["reference"]!.GetValue<string>();

        var page = await NewPageAsync();
        await page.SignInAsync("practitioner@example.org");
        await page.GotoAsync("/mash");
        await page.GetByLabel("Sort by").SelectOptionAsync(new SelectOptionValue { Label = "Newest first" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        var row = page.Locator("table.portal-queue tbody tr", new() { HasTextString = reference });
        (await row.InnerTextAsync()).ShouldContain("Urgent: not yet rated");
        await row.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("PC Sam Patel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim this case" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rate this case" }).ClickAsync();
        await page.GetByLabel("Amber", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Why this rating?").FillAsync("A police report of an injury with an account of harm by an adult at home.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the rating" }).ClickAsync();
        (await SummaryValueAsync(page, "BRAG rating")).ShouldStartWith("Amber");
        await page.ShouldHaveNoAxeViolationsAsync();
        var stored = await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync(c => c.Reference == reference));
        (stored.Rating, stored.Status).ShouldBe((BragRating.Amber, MashCaseStatus.Screening));
    }

    [Fact]
    public async Task A_phone_call_recorded_by_a_practitioner_joins_the_queue_with_its_source_code()
    {
        var page = await NewPageAsync();
        await page.SignInAsync("practitioner@example.org");
        await page.GotoAsync("/mash");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a contact" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        // Sent empty first: the error summary lists what is missing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the contact" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Enter what the caller told you");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByLabel("Phone", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Individual: family member, relative or carer (1A)").CheckAsync();
        await page.GetByLabel("Caller's name").FillAsync("Margaret Doyle");
        await page.GetByLabel("Their relationship to the child").FillAsync("Grandmother");
        await page.GetByLabel("First name").First.FillAsync("Tyler");
        await page.GetByLabel("Last name").First.FillAsync("Doyle");
        await page.GetByRole(AriaRole.Group, new() { Name = "Is a child in immediate danger?" }).GetByLabel("No").CheckAsync();
        await page.GetByLabel("What the caller told you")
            .FillAsync("Tyler's grandmother found him alone at home at 10pm; his mother came back at midnight.");
        await page.GetByLabel("Neglect", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the contact" }).ClickAsync();

        var reference = await page.Locator("h1").InnerTextAsync();
        (await SummaryValueAsync(page, "Received")).ShouldContain("Phone, from Phone contact (referral source 1A)");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GotoAsync("/mash");
        await page.GetByLabel("From", new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = "Contacts from the public" });
        await page.GetByLabel("Sort by").SelectOptionAsync(new SelectOptionValue { Label = "Newest first" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        var row = await page.Locator("table.portal-queue tbody tr").First.InnerTextAsync();
        row.ShouldContain(reference);
        row.ShouldContain("Phone contact (source 1A)");
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task A_manager_reads_a_cases_access_log_and_the_early_help_hub_lists_its_requests()
    {
        var page = await NewPageAsync();
        await page.SignInAsync("manager@example.org");
        await page.GotoAsync("/mash");
        await page.ShouldHaveNoAxeViolationsAsync();

        // WCAG 1.4.10: at 320 CSS px the queue's rows reflow into blocks; nothing scrolls sideways.
        var wide = page.ViewportSize!;
        await page.SetViewportSizeAsync(320, 800);
        (await page.Locator("table.portal-queue tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        (await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320,
            await page.EvaluateAsync<string>(WiderThanTheScreen));
        await page.SetViewportSizeAsync(wide.Width, wide.Height);

        await page.Locator("table.portal-queue tbody tr").First.GetByRole(AriaRole.Link).First.ClickAsync();

        // Printed, the case record is the record alone: no navigation, no buttons.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        (await page.Locator(".govuk-service-navigation").IsVisibleAsync()).ShouldBeFalse();
        (await page.Locator("main .govuk-button").First.IsVisibleAsync()).ShouldBeFalse();
        (await page.Locator("h1").IsVisibleAsync()).ShouldBeTrue();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GetByRole(AriaRole.Link, new() { Name = "See who has accessed this case" }).ClickAsync();

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Access log");
        var log = await page.Locator("table").InnerTextAsync();
        log.ShouldContain("Martin Hughes");
        log.ShouldContain("case.viewed");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GotoAsync("/mash/early-help");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.Locator("table tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        (await page.Locator(".govuk-caption-l").InnerTextAsync()).ShouldBe("Early help request");
        await page.ShouldHaveNoAxeViolationsAsync();

        // The managers' own lists are in the navigation, with their counts.
        await page.Locator(".govuk-service-navigation").GetByRole(AriaRole.Link, new() { NameRegex = new("^Escalations \\(\\d+\\)$") })
            .ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Escalations from referrers");
    }

    /// <summary>The elements that stick out past the right edge, to say what broke the reflow.</summary>
    private const string WiderThanTheScreen = """
        [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
            .slice(0, 8).map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`).join('; ')
        """;

    private static async Task<string> SummaryValueAsync(IPage page, string key) =>
        (await page.Locator(".govuk-summary-list__row",
            new() { Has = page.Locator(".govuk-summary-list__key", new() { HasTextString = key }) })
            .First.Locator(".govuk-summary-list__value").InnerTextAsync()).Trim();
}
