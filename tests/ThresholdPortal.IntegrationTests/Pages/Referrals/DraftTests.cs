using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Pages.Referrals;

public sealed class DraftTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Starting_a_referral_saves_a_draft_judged_against_the_current_threshold_document()
    {
        var journey = await App.SignedInReferrerAsync();

        var draftId = await journey.StartAsync();

        var draft = await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync(r => r.Id == draftId));
        draft.Status.ShouldBe(ReferralStatus.Draft);
        draft.Reference.ShouldBeNull();
        draft.ReferralSourceCode.ShouldBe("2A");
        var document = await App.ThresholdDocumentAsync(d => d.Status == ThresholdDocumentStatus.Published);
        draft.ThresholdDocumentId.ShouldBe(document.Id);
    }

    [Fact]
    public async Task The_same_start_form_posted_twice_starts_one_draft()
    {
        var journey = await App.SignedInReferrerAsync();
        var key = await journey.IdempotencyKeyAsync();

        var first = await journey.PostStartAsync(key);
        var second = await journey.PostStartAsync(key);

        ReferralJourney.DraftIn(second).ShouldBe(ReferralJourney.DraftIn(first));
        (await App.ExecuteDbContextAsync(db => db.Referrals.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_start_form_posted_twice_at_once_starts_one_draft()
    {
        var journey = await App.SignedInReferrerAsync();
        var key = await journey.IdempotencyKeyAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => journey.PostStartAsync(key)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        responses.Select(ReferralJourney.DraftIn).Distinct().Count().ShouldBe(1);
        (await App.ExecuteDbContextAsync(db => db.Referrals.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task A_new_visit_to_the_start_page_starts_a_separate_referral()
    {
        var journey = await App.SignedInReferrerAsync();

        var first = await journey.StartAsync();
        var second = await journey.StartAsync();

        second.ShouldNotBe(first);
    }

    [Fact]
    public async Task Answers_saved_at_each_step_survive_signing_out_and_are_resumed_from_my_referrals()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();
        var childId = await journey.AddChildAsync("Jayden", "Clarke", "basic-care-3a");
        await journey.ConcernsAsync();

        // A new session: nothing was kept in the old one.
        var later = new ReferralJourney(await App.SignInAsync("teacher@school.test"));
        var list = await later.Client.GetStringAsync("/referrals");
        list.ShouldContain($"/referrals/draft/{journey.DraftId}");
        list.ShouldContain("Jayden Clarke");
        var taskList = await later.Client.GetStringAsync($"/referrals/draft/{journey.DraftId}");
        taskList.ShouldContain("About Jayden Clarke");
        taskList.ShouldContain("In progress");
        var concerns = await later.Client.GetStringAsync($"/referrals/draft/{journey.DraftId}/concerns");
        concerns.ShouldContain("his mum&#x27;s partner pushed him into a door");
        var indicators = await later.Client.GetStringAsync($"/referrals/draft/{journey.DraftId}/children/{childId}/indicators");
        indicators.ShouldContain("value=\"basic-care-3a\" checked=\"checked\"");
    }

    [Fact]
    public async Task Selected_indicators_give_the_suggested_level_with_its_reasons_and_local_description()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();
        await journey.AddChildAsync("Jayden", "Clarke", "education-2a", "health-4a");

        var page = await journey.Client.GetStringAsync(journey.Url("level"));

        page.ShouldContain("Level 4: Specialist: acute needs (child protection)");
        page.ShouldContain("Jayden Clarke: a level 4 indicator was selected");
        page.ShouldContain("The child has suffered, or is likely to suffer, significant harm.");
        (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync())).SuggestedLevel.ShouldBe(ThresholdLevel.Specialist);
    }

    [Fact]
    public async Task A_child_in_immediate_danger_is_sent_to_call_999_first()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();

        var response = await journey.ShouldRedirectAsync("screening",
            new() { ["Data.ChildInImmediateDanger"] = "true", ["Data.Fgm"] = "None" });

        response.Headers.Location!.ToString().ShouldEndWith("/immediate-danger");
        (await journey.Client.GetStringAsync(journey.Url("immediate-danger"))).ShouldContain("Call 999 now");
    }

    [Fact]
    public async Task Known_fgm_shows_the_police_reporting_duty_and_needs_the_fgm_category_answered()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync(fgm: true);
        await journey.AddChildAsync("Amina", "Noor", "health-1a");

        var level = await journey.Client.GetStringAsync(journey.Url("level"));
        level.ShouldContain("Your duty to report FGM");
        level.ShouldContain("Level 4: Specialist");

        var categories = await journey.PostAsync("categories", new() { ["Data.Categories"] = "Neglect" });
        (await categories.Content.ReadAsStringAsync()).ShouldContain("You said FGM is a concern");
        var page = await journey.Client.GetStringAsync(journey.Url("categories"));
        page.ShouldContain("value=\"FemaleGenitalMutilation\" checked");
    }

    [Fact]
    public async Task The_early_help_pathway_is_offered_at_level_2_but_not_at_level_3()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();
        await journey.AddChildAsync("Ollie", "Brennan", "guidance-2a");

        var atLevel2 = await journey.ShouldRedirectAsync("level", new() { ["Data.ChosenLevel"] = "EarlyHelp" });
        atLevel2.Headers.Location!.ToString().ShouldEndWith("/early-help");
        var page = await journey.Client.GetStringAsync(journey.Url("early-help"));
        page.ShouldContain("Northshire Family Hubs");
        page.ShouldContain("How to start an Early Help Assessment");

        await journey.ShouldRedirectAsync("early-help", new() { ["Data.Choice"] = "SendEarlyHelpRequest" });
        (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync())).Kind.ShouldBe(ReferralKind.EarlyHelpRequest);

        // A level 3 need found later withdraws the early help request: it goes to the MASH instead.
        await journey.ShouldRedirectAsync($"children/{journey.Children[0]}/indicators", new() { ["Data.IndicatorCodes"] = "housing-3a" });
        var atLevel3 = await journey.ShouldRedirectAsync("level", new() { ["Data.ChosenLevel"] = "Targeted" });
        atLevel3.Headers.Location!.ToString().ShouldEndWith($"/referrals/draft/{journey.DraftId}");
        (await journey.Client.GetAsync(journey.Url("early-help"))).Headers.Location!.ToString().ShouldEndWith("/level");
        (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync())).Kind.ShouldBe(ReferralKind.MashReferral);
    }

    [Fact]
    public async Task Referring_to_the_mash_instead_of_early_help_needs_a_reason()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();
        await journey.AddChildAsync("Ollie", "Brennan", "guidance-2a");
        await journey.ChooseLevelAsync("EarlyHelp");

        var response = await journey.PostAsync("early-help", new() { ["Data.Choice"] = "ReferToMashAnyway" });

        Forms.ErrorSummary(await response.Content.ReadAsStringAsync()).ShouldContain("Explain why you are referring to the MASH");
        (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync())).EarlyHelpChoice.ShouldBeNull();
    }

    [Fact]
    public async Task Removing_a_child_takes_their_indicators_out_of_the_suggestion()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();
        var jayden = await journey.AddChildAsync("Jayden", "Clarke", "health-4a");
        await journey.AddChildAsync("Maisie", "Clarke", "education-2a");

        var token = await journey.TokenAsync("children");
        var response = await journey.Client.PostAsync(journey.Url($"children?handler=Remove&childId={jayden}"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var draft = await App.ExecuteDbContextAsync(db => db.Referrals.Include(r => r.Children).SingleAsync());
        draft.Children.ShouldHaveSingleItem().GivenName.ShouldBe("Maisie");
        draft.SuggestedLevel.ShouldBe(ThresholdLevel.EarlyHelp);
    }

    [Fact]
    public async Task A_draft_keeps_the_document_version_it_started_with_when_a_new_version_is_loaded()
    {
        var journey = await App.SignedInReferrerAsync();
        var first = await journey.StartAsync();
        var original = await App.ThresholdDocumentAsync(d => d.Status == ThresholdDocumentStatus.Published);
        await App.ExecuteDbContextAsync(async db =>
        {
            db.ThresholdDocuments.Add(new ThresholdDocument
            {
                Key = original.Key,
                Name = original.Name,
                Version = original.Version + 1,
                PublishedOn = original.PublishedOn.AddYears(1),
                LoadedAt = TestClock.UtcNow,
                Levels = [.. original.Levels.Select(l =>
                    new ThresholdLevelDescription { Level = l.Level, Name = l.Name + " (2027)", Summary = l.Summary,
                    Description = l.Description })],
                SubDomains = [.. original.SubDomains.Select(s =>
                    new ThresholdSubDomain { Code = s.Code, Domain = s.Domain, Name = s.Name, Order = s.Order })],
                Indicators = [.. original.Indicators.Select(i =>
                    new ThresholdIndicator { Code = i.Code, Level = i.Level, SubDomainCode = i.SubDomainCode, Text = i.Text,
                    Order = i.Order })],
            });
            await db.SaveChangesAsync();
        });

        var second = await journey.StartAsync();

        var drafts = await App.ExecuteDbContextAsync(db => db.Referrals.ToDictionaryAsync(r => r.Id, r => r.ThresholdDocumentId));
        drafts[first].ShouldBe(original.Id);
        drafts[second].ShouldNotBe(original.Id);
        await journey.ScreenAsync();
        await journey.AddChildAsync("Jayden", "Clarke", "housing-3a");
        (await journey.Client.GetStringAsync(journey.Url("level"))).ShouldContain("complex needs (child in need) (2027)");
    }
}
