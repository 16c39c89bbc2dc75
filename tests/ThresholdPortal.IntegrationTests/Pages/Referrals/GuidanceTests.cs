using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Pages.Referrals;

/// <summary>Categories, ages and the document version feeding the suggestion through the real referral pages.</summary>
public sealed class GuidanceTests(PortalApp app) : IntegrationTest(app)
{
    private Task<Referral> DraftAsync() => App.ExecuteDbContextAsync(db => db.Referrals.AsNoTracking().SingleAsync());

    [Fact]
    public async Task Ticking_a_category_that_is_always_child_protection_on_a_later_page_recomputes_the_suggestion()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();
        await journey.AddChildAsync("Jayden", "Clarke", "education-2a");
        (await DraftAsync()).SuggestedLevel.ShouldBe(ThresholdLevel.EarlyHelp);

        await journey.CategoriesAsync(ConcernCategory.Trafficking.Key);

        var raised = await DraftAsync();
        raised.SuggestedLevel.ShouldBe(ThresholdLevel.Specialist);
        raised.SuggestionReasons.ShouldContain(r => r.Contains(ConcernCategory.Trafficking.Name, StringComparison.Ordinal));
        var check = await journey.Client.GetStringAsync(journey.Url("check-answers"));
        check.ShouldContain("Level 4: Specialist");
        check.ShouldContain(ConcernCategory.Trafficking.Name);

        await journey.CategoriesAsync(ConcernCategory.Neglect.Key);

        (await DraftAsync()).SuggestedLevel.ShouldBe(ThresholdLevel.EarlyHelp);
    }

    [Fact]
    public async Task An_explained_bump_is_universal_until_the_date_of_birth_shows_a_baby_of_three_months()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();
        var baby = await journey.AddChildAsync("Ava", "Clarke", "health-1b");
        (await DraftAsync()).SuggestedLevel.ShouldBe(ThresholdLevel.Universal);

        var born = TestClock.Today.AddMonths(-3);
        await journey.ChildDetailsAsync(baby, "Ava", "Clarke", $"{born.Day}/{born.Month}/{born.Year}");

        var draft = await DraftAsync();
        draft.SuggestedLevel.ShouldBe(ThresholdLevel.Specialist);
        draft.SuggestionReasons.ShouldContain(r => r.Contains("not yet moving about", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_short_breaks_request_names_the_disabled_childrens_team_beside_the_level()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();
        await journey.AddChildAsync("Leo", "Clarke", "disability-3a");

        var level = await journey.Client.GetStringAsync(journey.Url("level"));

        level.ShouldContain("Level 3:");
        level.ShouldContain("sends these needs to the disabled children&#x27;s team");
    }

    [Fact]
    public async Task A_referral_started_on_version_1_keeps_showing_version_1_wording()
    {
        var journey = await App.SignedInReferrerAsync();
        var draftId = await journey.StartAsync();
        var v1 = await App.ThresholdDocumentAsync(d => d.Version == 1);
        await App.ExecuteDbContextAsync(db => db.Referrals.Where(r => r.Id == draftId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ThresholdDocumentId, v1.Id)));
        await journey.ScreenAsync();
        var child = await journey.AddChildAsync("Jayden", "Clarke", "health-4a");

        var indicators = await journey.Client.GetStringAsync(journey.Url($"children/{child}/indicators"));
        var level = await journey.Client.GetStringAsync(journey.Url("level"));

        indicators.ShouldContain("baby who is not yet mobile");
        indicators.ShouldNotContain("short breaks");
        level.ShouldContain("version 1");
        (await DraftAsync()).ThresholdDocumentId.ShouldBe(v1.Id);

        await journey.StartAsync();
        await journey.ScreenAsync();
        var other = await journey.AddChildAsync("Maisie", "Clarke");
        (await journey.Client.GetStringAsync(journey.Url($"children/{other}/indicators"))).ShouldContain("short breaks");
    }

    [Fact]
    public async Task A_teacher_told_of_fgm_is_told_the_reporting_duty_is_theirs_and_to_say_if_other_girls_are_at_risk()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync(fgm: true);
        await journey.AddChildAsync("Amina", "Noor", "family-4b");

        var level = await journey.Client.GetStringAsync(journey.Url("level"));

        level.ShouldContain("As a teacher, if you know that FGM has been carried out");
        level.ShouldContain("by the end of the next working day");
        level.ShouldContain("cannot be passed to your safeguarding lead");
        level.ShouldContain("If her sisters or other girls in the family may be at risk, say so in the referral.");
    }

    [Fact]
    public async Task A_housing_officer_told_of_fgm_is_told_the_duty_is_not_theirs()
    {
        var housing = await App.CreateOrganisationAsync("Northshire Homes", OrganisationKind.Housing, "homes.test");
        var journey = await App.SignedInReferrerAsync("officer@homes.test", housing);
        await journey.StartAsync();
        await journey.ScreenAsync(fgm: true, profession: "Other");
        await journey.AddChildAsync("Amina", "Noor", "family-4b");

        var level = await journey.Client.GetStringAsync(journey.Url("level"));

        level.ShouldNotContain("As a teacher");
        level.ShouldContain("The duty is not yours in your profession: this referral to the MASH is how you report it");
    }
}
