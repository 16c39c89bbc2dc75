using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.IntegrationTests.Pages.Admin;

/// <summary>
/// The lexicon stored with each version of the threshold document: shipped with version 2, copied to a draft, edited per
/// indicator by an administrator, and the acceptance page that shows how referrers answered its suggestions (issue 15,
/// item 5; docs/decisions/0121).
/// </summary>
public sealed partial class LexiconTests(PortalApp app) : IntegrationTest(app)
{
    private const string Base = "/admin/configuration/threshold-documents";

    private Task<ThresholdDocument> PublishedAsync() => App.ExecuteDbContextAsync(db =>
        db.ThresholdDocuments.AsNoTracking().AsSplitQuery().SingleAsync(d => d.Status == ThresholdDocumentStatus.Published));

    private static Dictionary<string, string> Edit(ThresholdIndicator indicator, string phrases) => new()
    {
        ["Data.OriginalCode"] = indicator.Code, ["Data.Code"] = indicator.Code, ["Data.SubDomainCode"] = indicator.SubDomainCode,
        ["Data.Level"] = indicator.Level.ToString(), ["Data.Text"] = indicator.Text, ["Data.Kind"] = indicator.Kind.ToString(),
        ["Data.Route"] = indicator.Route ?? string.Empty, ["Data.Phrases"] = phrases,
    };

    [Fact]
    public async Task A_draft_starts_with_the_published_phrases_and_an_administrator_changes_them_with_bad_ones_refused()
    {
        var published = await PublishedAsync();
        published.FindIndicator("health-4a")!.Phrases.ShouldContain("unexplained bruise");
        var (admin, administrator, _) = await App.SignInAsAdministratorAsync();
        var created = await Forms.PostAsync(admin, Base, new());
        var draftId = Guid.Parse(DraftIdIn().Match(created.Headers.Location!.ToString()).Groups[1].Value);
        var draft = await App.ThresholdDocumentAsync(d => d.Id == draftId);
        var indicator = draft.FindIndicator("health-4a")!;
        indicator.Phrases.ShouldBe(published.FindIndicator("health-4a")!.Phrases);
        (await admin.GetStringAsync($"{Base}/indicator/{draftId}?code=health-4a")).ShouldContain("unexplained bruise");

        foreach (var (bad, message) in new[]
        {
            ($"bruise\n{new string('x', 101)}", "a phrase is empty, has no letters or is over 100 characters"),
            ("bruise\nBruise ", "the phrase \"bruise\" appears more than once"),
            (string.Join('\n', Enumerable.Range(1, 41).Select(i => $"phrase {i}")), "more than 40 phrases"),
        })
        {
            var refused = await Forms.PostAsync(admin, $"{Base}/indicator/{draftId}", Edit(indicator, bad));
            Forms.ErrorSummary(await refused.Content.ReadAsStringAsync()).ShouldContain(message);
        }

        var saved = await Forms.PostAsync(admin, $"{Base}/indicator/{draftId}",
            Edit(indicator, " fingertip marks \r\n\r\ncigarette burn\n"));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var changed = await App.ThresholdDocumentAsync(d => d.Id == draftId);
        changed.FindIndicator("health-4a")!.Phrases.ShouldBe(["fingertip marks", "cigarette burn"]);
        (await PublishedAsync()).FindIndicator("health-4a")!.Phrases.ShouldBe(published.FindIndicator("health-4a")!.Phrases);
        var audit = (await App.AuditAsync()).Last(e => e.Action == ConfigurationEvents.ThresholdIndicatorChanged);
        audit.UserId.ShouldBe(administrator.Id);
        audit.Detail.ShouldEndWith($"({indicator.Phrases.Count} phrases before, 2 now)");
    }

    [Fact]
    public async Task The_acceptance_page_counts_each_indicators_answers_lowest_acceptance_first_and_names_no_one()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();
        var childId = await journey.AddChildAsync("Zara", "Iqbal");
        await journey.ConcernsAsync("Her dad hit her with his belt and she has welts on her legs.");
        foreach (var decision in new[] { "accept:identity-4a", "reject:health-4a" })
        {
            (await Forms.PostAsync(journey.Client, journey.Url($"children/{childId}/indicators?handler=Respond"),
                [new("decision", decision)], tokenFrom: journey.Url($"children/{childId}/indicators"))).StatusCode
                .ShouldBe(HttpStatusCode.Redirect);
        }

        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var published = await PublishedAsync();
        var page = MashTestData.Text(await admin.GetStringAsync($"{Base}/suggestions/{published.Id}"));

        page.ShouldContain("Referrers answered 2 suggestions and ticked 1 of them (50%).");
        page.IndexOf("health-4a", StringComparison.Ordinal).ShouldBeLessThan(page.IndexOf("identity-4a", StringComparison.Ordinal));
        page.ShouldContain("0 1 0%");
        page.ShouldContain("1 0 100%");
        page.ShouldNotContain("Zara");
        page.ShouldNotContain("teacher@school.test");
        (await journey.Client.GetAsync($"{Base}/suggestions/{published.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [GeneratedRegex(@"/version/([0-9a-f-]{36})$")]
    private static partial Regex DraftIdIn();
}
