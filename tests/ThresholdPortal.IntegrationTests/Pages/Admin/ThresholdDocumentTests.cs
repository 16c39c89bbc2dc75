using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.IntegrationTests.Pages.Admin;

public sealed partial class ThresholdDocumentTests(PortalApp app) : IntegrationTest(app)
{
    private const string Base = "/admin/configuration/threshold-documents";

    [Fact]
    public async Task A_published_version_with_an_added_indicator_is_used_by_new_referrals_while_older_ones_keep_theirs()
    {
        var referrer = await App.SignedInReferrerAsync();
        var older = await referrer.StartAsync();
        var (admin, administrator, _) = await App.SignInAsAdministratorAsync();
        var original = await PublishedAsync();

        var draftId = await CreateDraftAsync(admin);
        (await AddIndicatorAsync(admin, draftId, "housing-3z", "housing", "Targeted", "Has moved home four times this year."))
            .Headers.Location!.ToString().ShouldBe($"{Base}/version/{draftId}");
        (await Forms.PostAsync(admin, $"{Base}/version/{draftId}", new())).Headers.Location!.ToString().ShouldBe(Base);

        var versions = await App.ExecuteDbContextAsync(db =>
            db.ThresholdDocuments.AsNoTracking().AsSplitQuery().ToDictionaryAsync(d => d.Id));
        versions[original.Id].Status.ShouldBe(ThresholdDocumentStatus.Retired);
        versions[original.Id].Indicators.ShouldNotContain(i => i.Code == "housing-3z");
        versions[draftId].Status.ShouldBe(ThresholdDocumentStatus.Published);
        versions[draftId].Version.ShouldBe(original.Version + 1);
        versions[draftId].FindIndicator("housing-3z")!.Level.ShouldBe(ThresholdLevel.Targeted);

        var newer = await referrer.StartAsync();
        var documentOf = await App.ExecuteDbContextAsync(db => db.Referrals.ToDictionaryAsync(r => r.Id, r => r.ThresholdDocumentId));
        (documentOf[older], documentOf[newer]).ShouldBe((original.Id, draftId));

        var audit = (await App.AuditAsync()).Where(e => e.Action.StartsWith("threshold-document.", StringComparison.Ordinal)).ToList();
        audit.Select(e => e.Action)
            .ShouldBe([ConfigurationEvents.ThresholdDraftCreated, ConfigurationEvents.ThresholdIndicatorAdded,
                ConfigurationEvents.ThresholdPublished]);
        audit.ShouldAllBe(e => e.UserId == administrator.Id && e.SubjectId == draftId.ToString());
        audit[2].Detail.ShouldBe($"{original.Name} version {original.Version + 1} published; version {original.Version} retired");
        var list = await admin.GetStringAsync(Base);
        list.ShouldContain("Retired");
        list.ShouldContain("Published");
    }

    [Fact]
    public async Task An_administrator_sets_an_indicators_kind_and_route_and_renaming_its_code_keeps_them()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var draftId = await CreateDraftAsync(admin);
        var draft = await App.ThresholdDocumentAsync(d => d.Id == draftId);
        var routed = draft.Indicators.First(i => i.Route is not null);
        Dictionary<string, string> Change(string code, string kind, string route) => new()
        {
            ["Data.OriginalCode"] = routed.Code, ["Data.Code"] = code, ["Data.SubDomainCode"] = routed.SubDomainCode,
            ["Data.Level"] = routed.Level.ToString(), ["Data.Text"] = routed.Text, ["Data.Kind"] = kind, ["Data.Route"] = route,
        };
        (await admin.GetStringAsync($"{Base}/indicator/{draftId}?code={routed.Code}")).ShouldContain(routed.Route!.Replace("'", "&#x27;"));

        var refused = await Forms.PostAsync(admin, $"{Base}/indicator/{draftId}", Change(routed.Code, "Injury", new string('x', 201)));
        Forms.ErrorSummary(await refused.Content.ReadAsStringAsync()).ShouldContain("The service must be 200 characters or fewer");
        var renamed = await Forms.PostAsync(admin, $"{Base}/indicator/{draftId}", Change("renamed-3z", "Injury", " the test team "));

        renamed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var changed = await App.ThresholdDocumentAsync(d => d.Id == draftId);
        changed.FindIndicator(routed.Code).ShouldBeNull();
        var kept = changed.FindIndicator("renamed-3z").ShouldNotBeNull();
        (kept.Kind, kept.Route, kept.Level).ShouldBe((IndicatorKind.Injury, "the test team", routed.Level));
    }

    [Fact]
    public async Task A_published_version_cannot_be_changed_through_the_pages()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var published = await PublishedAsync();
        var indicator = published.Indicators[0];

        (await admin.GetAsync($"{Base}/indicator/{published.Id}?code={indicator.Code}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"{Base}/level/{published.Id}/3")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = await Forms.TokenAsync(admin, Base);
        var response = await admin.PostAsync($"{Base}/indicator/{published.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Data.OriginalCode"] = indicator.Code, ["Data.Code"] = indicator.Code, ["Data.SubDomainCode"] = indicator.SubDomainCode,
            ["Data.Level"] = "Specialist", ["Data.Text"] = "Rewritten after the event.", ["__RequestVerificationToken"] = token,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("This version has been published, so it cannot be changed");
        (await PublishedAsync()).FindIndicator(indicator.Code)!.Text.ShouldBe(indicator.Text);
        (await App.AuditAsync()).ShouldNotContain(e => e.Action.StartsWith("threshold-document.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_database_refuses_to_change_a_published_version()
    {
        var published = await PublishedAsync();

        var changeIndicator = () => App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "ThresholdIndicators" SET "Text" = 'Rewritten' WHERE "ThresholdDocumentId" = {published.Id}"""));
        var renameDocument = () => App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "ThresholdDocuments" SET "Name" = 'Rewritten' WHERE "Id" = {published.Id}"""));
        var deleteLevel = () => App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync(
            $"""DELETE FROM "ThresholdLevelDescriptions" WHERE "ThresholdDocumentId" = {published.Id}"""));

        (await changeIndicator.ShouldThrowAsync<PostgresException>()).MessageText.ShouldContain("cannot be changed");
        (await renameDocument.ShouldThrowAsync<PostgresException>()).MessageText.ShouldContain("cannot be changed");
        (await deleteLevel.ShouldThrowAsync<PostgresException>()).MessageText.ShouldContain("cannot be changed");
        (await PublishedAsync()).Name.ShouldBe(published.Name);
    }

    [Fact]
    public async Task A_draft_missing_a_level_4_indicator_is_not_published_and_says_why()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var draftId = await CreateDraftAsync(admin);
        var draft = await App.ThresholdDocumentAsync(d => d.Id == draftId);
        foreach (var indicator in draft.Indicators.Where(i => i.Level == ThresholdLevel.Specialist))
        {
            var retired = await Forms.PostAsync(admin, $"{Base}/indicator/{draftId}?handler=Retire",
                [KeyValuePair.Create("Data.OriginalCode", indicator.Code)],
                tokenFrom: $"{Base}/indicator/{draftId}?code={indicator.Code}");
            retired.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var response = await Forms.PostAsync(admin, $"{Base}/version/{draftId}", new());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Forms.ErrorSummary(html).ShouldContain("This version cannot be published: no indicator at Level 4");
        var statuses = await App.ExecuteDbContextAsync(db => db.ThresholdDocuments.Select(d => d.Status).ToListAsync());
        // Version 1 retired by the shipped version 2, which stays published.
        statuses.ShouldBe([ThresholdDocumentStatus.Retired, ThresholdDocumentStatus.Published, ThresholdDocumentStatus.Draft],
            ignoreOrder: true);
        (await App.AuditAsync()).Count(e => e.Action == ConfigurationEvents.ThresholdIndicatorRetired)
            .ShouldBe(draft.Indicators.Count(i => i.Level == ThresholdLevel.Specialist));
        (await App.AuditAsync()).ShouldNotContain(e => e.Action == ConfigurationEvents.ThresholdPublished);
    }

    [Theory]
    [InlineData("health-1a", "housing", "Targeted", "Some text.", "There is already an indicator with the code health-1a")]
    [InlineData("Health 9", "housing", "Targeted", "Some text.", "The code can only contain lower-case letters, digits and hyphens")]
    [InlineData("housing-9", "no-such-sub-domain", "Targeted", "Some text.", "Choose a sub-domain from the list")]
    [InlineData("housing-9", "housing", "", "Some text.", "Choose a level")]
    [InlineData("housing-9", "housing", "Targeted", "", "Enter the indicator's text")]
    public async Task An_invalid_indicator_is_refused_with_a_clear_error(string code, string subDomain, string level, string text,
        string error)
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var draftId = await CreateDraftAsync(admin);

        var response = await AddIndicatorAsync(admin, draftId, code, subDomain, level, text);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Forms.ErrorSummary(await response.Content.ReadAsStringAsync()).ShouldContain(error);
        var draft = await App.ThresholdDocumentAsync(d => d.Id == draftId);
        draft.Indicators.Count.ShouldBe((await PublishedAsync()).Indicators.Count);
    }

    [Fact]
    public async Task Only_one_draft_at_a_time()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        await CreateDraftAsync(admin);

        var second = await Forms.PostAsync(admin, Base, new());

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        Forms.ErrorSummary(await second.Content.ReadAsStringAsync()).ShouldContain("There is already a draft version");
        // The two shipped versions and the one draft.
        (await App.ExecuteDbContextAsync(db => db.ThresholdDocuments.CountAsync())).ShouldBe(3);
    }

    [Fact]
    public async Task Changing_a_level_of_a_draft_is_audited()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var draftId = await CreateDraftAsync(admin);

        var response = await Forms.PostAsync(admin, $"{Base}/level/{draftId}/3", new()
        {
            ["Data.Name"] = "Complex needs", ["Data.Summary"] = "Several agencies, led by a lead professional.",
                ["Data.Description"] = "A family whose needs are complex.",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var draft = await App.ThresholdDocumentAsync(d => d.Id == draftId);
        draft.Describe(ThresholdLevel.Targeted).Name.ShouldBe("Complex needs");
        (await admin.GetAsync($"{Base}/level/{draftId}/5")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PublishedAsync()).Describe(ThresholdLevel.Targeted).Name.ShouldNotBe("Complex needs");
        (await App.AuditAsync()).Single(e => e.Action == ConfigurationEvents.ThresholdLevelChanged)
            .Detail.ShouldBe($"Version {draft.Version}: Level 3 is now Complex needs");
    }

    [Fact]
    public async Task The_preview_shows_the_suggested_level_and_why()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var published = await PublishedAsync();
        var level4 = published.Indicators.First(i => i.Level == ThresholdLevel.Specialist);

        var html = await admin.GetStringAsync($"{Base}/preview/{published.Id}?indicator={level4.Code}&indicator=health-1a");

        html.ShouldContain($"Suggested: {WebUtility.HtmlEncode(published.TitleOf(ThresholdLevel.Specialist))}");
        html.ShouldContain("a level 4 indicator was selected");
    }

    [Fact]
    public async Task A_referrer_cannot_create_or_publish_a_version()
    {
        var referrer = await App.SignedInReferrerAsync();
        var published = await PublishedAsync();

        (await referrer.Client.GetAsync(Base)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var token = await Forms.TokenAsync(referrer.Client, "/referrals/new");
        var response = await referrer.Client.PostAsync(Base,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.ExecuteDbContextAsync(db => db.ThresholdDocuments.CountAsync())).ShouldBe(2);
        (await PublishedAsync()).Id.ShouldBe(published.Id);
    }

    private Task<ThresholdDocument> PublishedAsync() => App.ThresholdDocumentAsync(d => d.Status == ThresholdDocumentStatus.Published);

    private static async Task<Guid> CreateDraftAsync(HttpClient admin)
    {
        var response = await Forms.PostAsync(admin, Base, new());
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return Guid.Parse(DraftIdIn().Match(response.Headers.Location!.ToString()).Groups[1].Value);
    }

    private static Task<HttpResponseMessage> AddIndicatorAsync(HttpClient admin, Guid draftId, string code, string subDomain, string level,
        string text) =>
        Forms.PostAsync(admin, $"{Base}/indicator/{draftId}", new()
        {
            ["Data.OriginalCode"] = string.Empty, ["Data.Code"] = code, ["Data.SubDomainCode"] = subDomain, ["Data.Level"] = level,
                ["Data.Text"] = text,
        });

    [GeneratedRegex("/version/([0-9a-f-]{36})$")]
    private static partial Regex DraftIdIn();
}
