using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Pages.Referrals;

/// <summary>
/// The categories of concern before the suggestion, the current suggestion beside the choice, and the FGM screening
/// answer with the profession (issue 15, items 3 and 4; docs/decisions/0112, 0113).
/// </summary>
public sealed class GuidanceOrderTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_categories_come_after_the_children_and_a_child_protection_category_raises_the_level_first_shown()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();
        await journey.AddChildAsync("Jayden", "Clarke", "education-2a");

        var noMore = await journey.ShouldRedirectAsync("children", new() { ["Data.AddAnother"] = "false" });
        noMore.Headers.Location!.ToString().ShouldEndWith("/categories");
        var categories = await journey.ShouldRedirectAsync("categories",
            new() { ["Data.Categories"] = nameof(ConcernCategory.Trafficking) });
        categories.Headers.Location!.ToString().ShouldEndWith("/level");

        var level = MashTestData.Text(await journey.Client.GetStringAsync(journey.Url("level")));
        level.ShouldContain("Level 4: Specialist");
        level.ShouldContain("You said the concerns include “Trafficking or modern slavery”. This is always a child protection concern");
        (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync())).SuggestedLevel.ShouldBe(ThresholdLevel.Specialist);
    }

    [Fact]
    public async Task Check_your_answers_shows_the_current_suggestion_beside_the_level_chosen_after_a_category_changes()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.CompleteAsync();
        var before = MashTestData.Text(await journey.Client.GetStringAsync(journey.Url("check-answers")));
        before.ShouldContain("Level 3: Targeted: complex needs (child in need), as suggested");

        await journey.ShouldRedirectAsync("categories", new() { ["Data.Categories"] = nameof(ConcernCategory.Radicalisation) });

        var after = MashTestData.Text(await journey.Client.GetStringAsync(journey.Url("check-answers")));
        after.ShouldContain("Suggested level Level 4: Specialist");
        after.ShouldContain("Level 3: Targeted: complex needs (child in need), not the suggested level");
        after.ShouldContain("“Radicalisation");
    }

    [Fact]
    public async Task Known_fgm_needs_the_referrers_profession_and_stores_nothing_without_it()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();

        var refused = await journey.PostAsync("screening", new() { ["Data.ChildInImmediateDanger"] = "false", ["Data.Fgm"] = "Known" });

        MashTestData.Text(await refused.Content.ReadAsStringAsync()).ShouldContain("Select your profession");
        var untouched = await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync());
        untouched.Fgm.ShouldBeNull();
        untouched.ChildInImmediateDanger.ShouldBeNull();
        untouched.ReferrerProfession.ShouldBeNull();

        await journey.ShouldRedirectAsync("screening",
            new() { ["Data.ChildInImmediateDanger"] = "false", ["Data.Fgm"] = "Known", ["Data.Profession"] = "SocialWorker" });
        var saved = await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync());
        (saved.Fgm, saved.ReferrerProfession).ShouldBe((FgmConcern.Known, ReferrerProfession.SocialWorker));
        await journey.AddChildAsync("Amina", "Noor", "health-2a");
        var level = MashTestData.Text(await journey.Client.GetStringAsync(journey.Url("level")));
        level.ShouldContain("Your duty to report FGM As a social worker, if you know that FGM has been carried out");
    }

    [Fact]
    public async Task A_girl_at_risk_of_fgm_gets_the_at_risk_advice_and_no_profession_is_kept()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ShouldRedirectAsync("screening",
            new() { ["Data.ChildInImmediateDanger"] = "false", ["Data.Fgm"] = "AtRisk", ["Data.Profession"] = "Teacher" });
        await journey.AddChildAsync("Amina", "Noor", "health-2a");

        var level = MashTestData.Text(await journey.Client.GetStringAsync(journey.Url("level")));
        level.ShouldContain("A girl at risk of FGM If she is about to travel abroad, call the police on 999 now.");
        level.ShouldNotContain("Your duty to report FGM");
        level.ShouldContain("Level 4: Specialist");
        var saved = await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync());
        saved.Fgm.ShouldBe(FgmConcern.AtRisk);
        saved.ReferrerProfession.ShouldBeNull();
    }
}
