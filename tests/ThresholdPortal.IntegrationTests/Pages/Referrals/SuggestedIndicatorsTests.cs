using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Pages.Referrals;

/// <summary>
/// Statements suggested from the referrer's own words (issue 15, item 5; docs/decisions/0121): offered on request, the
/// matched words highlighted, nothing ticked until the referrer ticks it, and each answer kept for the acceptance page.
/// </summary>
public sealed class SuggestedIndicatorsTests(PortalApp app) : IntegrationTest(app)
{
    private const string WhatHappened = "Zara told me at lunchtime that her dad hit her with his belt last night. She showed me " +
        "red welts on the back of her legs. There was no bruising on her arms. Her attendance is good.";

    private static readonly string[] Ticks = ["education-1a"];

    private async Task<(ReferralJourney Journey, Guid ChildId)> DraftWithWordsAsync()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();
        var childId = await journey.AddChildAsync("Zara", "Iqbal", Ticks);
        await journey.ConcernsAsync(WhatHappened);
        return (journey, childId);
    }

    private static Task<HttpResponseMessage> RespondAsync(ReferralJourney journey, Guid childId, string decision, params string[] ticks) =>
        Forms.PostAsync(journey.Client, journey.Url($"children/{childId}/indicators?handler=Respond"),
            [new("decision", decision), .. (ticks.Length == 0 ? Ticks : ticks).Select(t => KeyValuePair.Create("Data.IndicatorCodes", t))],
            tokenFrom: journey.Url($"children/{childId}/indicators"));

    [Fact]
    public async Task Asking_shows_the_matching_statements_with_the_words_highlighted_and_ticks_nothing()
    {
        var (journey, childId) = await DraftWithWordsAsync();
        var before = await journey.Client.GetStringAsync(journey.Url($"children/{childId}/indicators"));
        before.ShouldContain("Suggest statements from what you wrote");
        before.ShouldNotContain("<mark>");

        var asked = await Forms.PostAsync(journey.Client, journey.Url($"children/{childId}/indicators?handler=Suggest"),
            [new("Data.IndicatorCodes", "education-1a")], tokenFrom: journey.Url($"children/{childId}/indicators"));

        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        asked.Headers.Location!.ToString().ShouldEndWith($"/children/{childId}/indicators?suggest=True#suggestions");
        var page = await journey.Client.GetStringAsync(asked.Headers.Location);
        page.ShouldContain("<mark>hit her with</mark>");
        page.ShouldContain("<mark>welts</mark>");
        page.ShouldContain("value=\"accept:identity-4a\"");
        page.ShouldContain("value=\"accept:health-4a\"");
        // "no bruising" is negated; "attendance is good" suggests a level 1 statement only.
        page.ShouldNotContain("<mark>bruising</mark>");
        var child = await App.ExecuteDbContextAsync(db => db.ReferralChildren.AsNoTracking().SingleAsync(c => c.Id == childId));
        child.IndicatorCodes.ShouldBe(Ticks);
    }

    [Fact]
    public async Task Ticking_a_suggestion_keeps_the_other_ticks_and_turning_one_down_ticks_nothing_and_both_are_kept()
    {
        var (journey, childId) = await DraftWithWordsAsync();

        (await RespondAsync(journey, childId, "accept:identity-4a")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The page now shows identity-4a ticked, so the next answer posts it with the other ticks, as a browser does.
        (await RespondAsync(journey, childId, "reject:health-4a", "education-1a", "identity-4a")).StatusCode
            .ShouldBe(HttpStatusCode.Redirect);

        var (child, referral, answers) = await App.ExecuteDbContextAsync(async db => (
            await db.ReferralChildren.AsNoTracking().SingleAsync(c => c.Id == childId),
            await db.Referrals.AsNoTracking().SingleAsync(),
            await db.IndicatorSuggestionResponses.AsNoTracking().OrderBy(r => r.IndicatorCode).ToListAsync()));
        child.IndicatorCodes.ShouldBe(["education-1a", "identity-4a"], ignoreOrder: true);
        referral.SuggestedLevel.ShouldBe(ThresholdLevel.Specialist);
        answers.Select(a => (a.IndicatorCode, a.Accepted, a.ThresholdDocumentId))
            .ShouldBe([("health-4a", false, referral.ThresholdDocumentId), ("identity-4a", true, referral.ThresholdDocumentId)]);

        var page = await journey.Client.GetStringAsync(journey.Url($"children/{childId}/indicators?suggest=true"));
        page.ShouldNotContain("value=\"accept:identity-4a\"");
        page.ShouldNotContain("value=\"reject:health-4a\"");
        page.ShouldContain("You have ticked 1 and turned down 1 of the suggestions");
    }

    [Fact]
    public async Task A_suggestion_answered_twice_or_never_offered_is_refused_with_the_error_summary_and_nothing_changes()
    {
        var (journey, childId) = await DraftWithWordsAsync();
        await RespondAsync(journey, childId, "reject:identity-4a");

        var again = await RespondAsync(journey, childId, "accept:identity-4a");
        var neverOffered = await RespondAsync(journey, childId, "accept:pre-birth-4a");

        foreach (var refused in new[] { again, neverOffered })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            Forms.ErrorSummary(await refused.Content.ReadAsStringAsync()).ShouldContain("This suggestion has already been answered");
        }

        var (child, answers) = await App.ExecuteDbContextAsync(async db => (
            await db.ReferralChildren.AsNoTracking().SingleAsync(c => c.Id == childId),
            await db.IndicatorSuggestionResponses.AsNoTracking().ToListAsync()));
        child.IndicatorCodes.ShouldBe(Ticks);
        answers.ShouldHaveSingleItem().Accepted.ShouldBeFalse();
    }

    [Fact]
    public async Task Another_referrers_draft_cannot_be_answered_and_a_deleted_draft_takes_its_answers_with_it()
    {
        var (journey, childId) = await DraftWithWordsAsync();
        var other = await App.SignedInReferrerAsync("other@school.test");

        (await other.Client.GetAsync(journey.Url($"children/{childId}/indicators?suggest=true"))).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
        var refused = await Forms.PostAsync(other.Client, journey.Url($"children/{childId}/indicators?handler=Respond"),
            [new("decision", "accept:identity-4a")], tokenFrom: "/referrals/new");
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.ExecuteDbContextAsync(db => db.IndicatorSuggestionResponses.CountAsync())).ShouldBe(0);
        await RespondAsync(journey, childId, "accept:identity-4a");
        (await App.ExecuteDbContextAsync(db => db.IndicatorSuggestionResponses.CountAsync())).ShouldBe(1);

        await journey.ShouldRedirectAsync("delete", new());

        (await App.ExecuteDbContextAsync(db => db.IndicatorSuggestionResponses.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Without_what_happened_the_page_says_where_to_write_it_and_offers_no_button()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();
        var childId = await journey.AddChildAsync("Zara", "Iqbal");

        var page = MashTestData.Text(await journey.Client.GetStringAsync(journey.Url($"children/{childId}/indicators")));

        page.ShouldContain("When you have written what happened, this page can suggest statements that match your words.");
        page.ShouldNotContain("Suggest statements from what you wrote");
    }
}
