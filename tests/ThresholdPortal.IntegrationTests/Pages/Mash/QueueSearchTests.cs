using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Triage;

namespace ThresholdPortal.IntegrationTests.Pages.Mash;

/// <summary>The queue found by the referrer's level, a child's name (close spellings too) or date of birth (docs/decisions/0093).</summary>
public sealed class QueueSearchTests(PortalApp app) : IntegrationTest(app)
{
    private static readonly DateTimeOffset Start = TestClock.UtcNow.AddDays(-2);

    [Fact]
    public async Task The_referrers_level_filter_selects_each_level_and_contacts_where_none_was_given()
    {
        var team = await App.MashTeamAsync();
        var targeted = await App.AddCaseAsync(team, new CaseSeed(Start) { Level = ThresholdLevel.Targeted });
        var specialist = await App.AddCaseAsync(team, new CaseSeed(Start.AddMinutes(1)) { Level = ThresholdLevel.Specialist });
        var notGiven = await App.AddCaseAsync(team, new CaseSeed(Start.AddMinutes(2)));
        var client = await App.SignInAsync(team.Practitioner.Email!);

        async Task<IReadOnlyList<string>> Shown(string query) => MashTestData.References(await client.GetStringAsync("/mash" + query));

        (await Shown("?level=3")).ShouldBe([targeted.Reference]);
        (await Shown("?level=4")).ShouldBe([specialist.Reference]);
        (await Shown("?level=1")).ShouldBeEmpty();
        (await Shown("?level=none")).ShouldBe([notGiven.Reference]);
        (await Shown("?level=9")).Count.ShouldBe(3, "an unknown level is ignored, as other hand-edited filters are");
        MashTestData.CountFor(await client.GetStringAsync("/mash?level=3"), "All open").ShouldBe(1);
    }

    [Fact]
    public async Task A_childs_name_finds_close_spellings_in_the_referral_and_in_the_known_person_it_was_matched_to()
    {
        var team = await App.MashTeamAsync();
        var jayden = await App.AddCaseAsync(team,
            new CaseSeed(Start) { Children = [new("Jayden", "Clarke", new DateOnly(2017, 5, 3)), new("Mia", "Clarke", null)] });
        var amira = await App.AddCaseAsync(team, new CaseSeed(Start.AddMinutes(1)) { Children = [new("Amira", "Khan", new(2015, 2, 1))] });
        // The referral misspelled the child; a practitioner matched them to the known person Oliver Grant.
        var matched = await App.AddCaseAsync(team, new CaseSeed(Start.AddMinutes(2)) { Children = [new("Olly", "Grnt", null)] });
        await App.AddKnownPersonAsync(new("Oliver", "Grant", new DateOnly(2014, 9, 9)), earlierCase: matched);
        var client = await App.SignInAsync(team.Practitioner.Email!);

        async Task<IReadOnlyList<string>> Shown(string query) => MashTestData.References(await client.GetStringAsync("/mash" + query));

        (await Shown("?child=Jaydon%20Clark")).ShouldBe([jayden.Reference]);
        (await Shown("?child=clarke")).ShouldBe([jayden.Reference], "a family name alone finds the child");
        (await Shown("?child=AMIRA")).ShouldBe([amira.Reference]);
        (await Shown("?child=Oliver%20Grant")).ShouldBe([matched.Reference], "the known person's name finds the case linked to them");
        (await Shown("?child=Zebedee%20Ormsby")).ShouldBeEmpty();
        (await Shown("?born.day=3&born.month=5&born.year=2017")).ShouldBe([jayden.Reference]);
        (await Shown("?born.day=9&born.month=9&born.year=2014")).ShouldBe([matched.Reference]);
        (await Shown("?child=jayden&born.day=1&born.month=2&born.year=2015")).ShouldBeEmpty("name and date of birth must both match");
    }

    [Fact]
    public async Task A_date_of_birth_that_is_not_a_real_date_is_shown_back_with_the_error_summary_and_the_queue_is_listed_without_it()
    {
        var team = await App.MashTeamAsync();
        var only = await App.AddCaseAsync(team, new CaseSeed(Start));
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var html = await client.GetStringAsync("/mash?born.day=31&born.month=2&born.year=2017");

        html.ShouldContain("govuk-error-summary");
        MashTestData.Text(html).ShouldContain("Date of birth must be a real date, for example 27 3 2019");
        MashTestData.References(html).ShouldBe([only.Reference]);
    }

    [Fact]
    public async Task Each_search_is_in_the_access_log_by_who_and_what_kind_but_the_name_and_date_are_in_no_audit_row_or_log_line()
    {
        var team = await App.MashTeamAsync();
        await App.AddCaseAsync(team, new CaseSeed(Start) { Children = [new("Xanthippe", "Quorndon", new DateOnly(2017, 5, 3))] });
        var client = await App.SignInAsync(team.Practitioner.Email!);

        await client.GetStringAsync("/mash?child=Xanthipe%20Quorndon");
        await client.GetStringAsync("/mash?born.day=3&born.month=5&born.year=2017");
        await client.GetStringAsync("/mash?level=3");

        var searches = await App.ExecuteDbContextAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == CaseEvents.QueueSearched).OrderBy(e => e.Id).ToListAsync());
        searches.Select(e => e.Detail).ShouldBe(
            ["Queue searched by a child's name; 1 shown", "Queue searched by a child's date of birth; 1 shown"]);
        searches.ShouldAllBe(e => e.UserId == team.Practitioner.Id && e.SubjectType == CaseEvents.QueueSubjectType);
        App.Log.Lines.ShouldContain(l => l.StartsWith("HTTP \"GET\" \"/mash\" responded", StringComparison.Ordinal),
            "the app logs each request, into its own log");
        App.Log.Lines.ShouldNotContain(line => line.Contains("xanthip", StringComparison.OrdinalIgnoreCase)
            || line.Contains("quorndon", StringComparison.OrdinalIgnoreCase) || line.Contains("born.", StringComparison.OrdinalIgnoreCase));
    }
}
