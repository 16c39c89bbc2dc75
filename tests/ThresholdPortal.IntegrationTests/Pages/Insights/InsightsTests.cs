using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Insights;
using ThresholdPortal.Web.Pages.Insights;

namespace ThresholdPortal.IntegrationTests.Pages.Insights;

/// <summary>The insights page and exports over a known set of cases (<see cref="InsightsWorld"/>), every count worked out by
/// hand.</summary>
public sealed partial class InsightsTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Each_measure_shows_its_exact_numerator_and_denominator_for_the_period()
    {
        var world = await InsightsWorld.SeedAsync(App);
        var client = await App.SignInAsync("martin@mash.test");

        var html = await client.GetStringAsync($"/insights?{InsightsWorld.MarchQuery}");
        var measures = Measures(html);

        // March holds A, B, C, D, E, I and H (23:30 on 31 March in London); F (28 February) and G (1 April, 00:30 BST) are outside.
        measures["referrals"].ShouldBe((6, 7));
        measures["contacts"].ShouldBe((1, 7));
        measures["progressed"].ShouldBe((4, 7));
        measures["conversion"].ShouldBe((2, 5));
        measures["nfa"].ShouldBe((2, 5));
        measures["step-down"].ShouldBe((1, 5));
        measures["threshold-agreement"].ShouldBe((2, 4));
        measures["threshold-higher"].ShouldBe((1, 4));
        measures["threshold-lower"].ShouldBe((1, 4));
        measures["consent"].ShouldBe((2, 7));
        measures["agencies-considered"].ShouldBe((1, 5));
        measures["feedback"].ShouldBe((3, 4));
        measures["feedback-within-a-day"].ShouldBe((2, 4));
        measures["within-deadline"].ShouldBe((3, 4));
        measures["within-deadline-red"].ShouldBe((0, 1));
        measures["within-deadline-amber"].ShouldBe((1, 1));
        measures["within-deadline-green"].ShouldBe((2, 2));
        measures["re-referral-3-months"].ShouldBe((1, 7));
        measures["re-referral-12-months"].ShouldBe((1, 7));
        measures["escalations"].ShouldBe((1, 3));
        measures["escalations-changed"].ShouldBe((1, 1));
        html.ShouldContain("1 March 2026 to 31 March 2026");
        world.Cases.Count.ShouldBe(9);
    }

    [Fact]
    public async Task Filtering_by_kind_or_organisation_keeps_only_their_cases()
    {
        var world = await InsightsWorld.SeedAsync(App);
        var client = await App.SignInAsync("martin@mash.test");

        var police = Measures(await client.GetStringAsync($"/insights?{InsightsWorld.MarchQuery}&Filter.Kind=Police"));
        police["referrals"].ShouldBe((2, 2));
        police["conversion"].ShouldBe((1, 2));
        police["nfa"].ShouldBe((1, 2));

        var school =
            Measures(await client.GetStringAsync($"/insights?{InsightsWorld.MarchQuery}&Filter.Organisation={world.Team.School.Id}"));
        school["referrals"].ShouldBe((4, 4));
        school["conversion"].ShouldBe((1, 3));
        school["threshold-agreement"].ShouldBe((2, 3));
    }

    [Fact]
    public async Task The_charts_come_with_their_data_tables()
    {
        await InsightsWorld.SeedAsync(App);
        var client = await App.SignInAsync("martin@mash.test");

        var html = await client.GetStringAsync($"/insights?{InsightsWorld.MarchQuery}");

        html.ShouldContain("role=\"img\"");
        html.ShouldContain("<title id=\"weekly-title\">Cases received each week</title>");
        html.ShouldNotContain("style=");
        html.ShouldContain("<text class=\"portal-chart__label\"");
        var weekly = TableRows(html, "weekly-table");
        weekly.ShouldContain(("23 February 2026", "0"));
        weekly.ShouldContain(("2 March 2026", "6"));
        weekly.ShouldContain(("30 March 2026", "1"));
        weekly.Sum(w => int.Parse(w.Value)).ShouldBe(7);
        var byKind = TableRows(html, "by-kind-table");
        byKind.ShouldContain(("Police", "50%"));
        byKind.ShouldContain(("School or early years setting", "33%"));
    }

    [Fact]
    public async Task The_cases_behind_a_measure_are_listed_with_links_for_mash_staff_only()
    {
        var world = await InsightsWorld.SeedAsync(App);
        await App.CreateUserAsync("auditor@partnership.test", world.Team.LocalAuthority, PortalRole.Auditor);
        var manager = await App.SignInAsync("martin@mash.test");
        var auditor = await App.SignInAsync("auditor@partnership.test");
        var address = $"/insights/cases?measure=conversion&set=numerator&{InsightsWorld.MarchQuery}";

        var html = await manager.GetStringAsync(address);
        html.ShouldContain($"href=\"/mash/cases/{world.Cases["A"].Id}\"");
        html.ShouldContain($"href=\"/mash/cases/{world.Cases["C"].Id}\"");
        html.ShouldNotContain(world.Cases["B"].Reference);
        html.ShouldContain("Strategy discussion (section 47)");

        var seenByAuditor = await auditor.GetStringAsync(address);
        seenByAuditor.ShouldContain(world.Cases["A"].Reference);
        seenByAuditor.ShouldNotContain("/mash/cases/");

        (await manager.GetAsync("/insights/cases?measure=nothing")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.GetAsync($"{address}&after={new string('x', 101)}")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound, "a cursor no page could have written names nothing");
    }

    [Fact]
    public async Task Bad_custom_dates_show_the_error_summary()
    {
        await InsightsWorld.SeedAsync(App);
        var client = await App.SignInAsync("martin@mash.test");

        var html =
            await client.GetStringAsync("/insights?Filter.Period=Custom&Filter.From.Day=31&Filter.From.Month=2&Filter.From.Year=2026"
                + "&Filter.To.Day=1&Filter.To.Month=3&Filter.To.Year=2026");

        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("Enter the first day of the period as a real date");
        html.ShouldNotContain("data-measure=");
    }

    [Fact]
    public async Task Measures_csv_holds_every_measure_and_is_audited()
    {
        await InsightsWorld.SeedAsync(App);
        var client = await App.SignInAsync("martin@mash.test");

        var response = await client.GetAsync($"/insights/export/measures.csv?{InsightsWorld.MarchQuery}");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var rows = Csv.Parse(await response.Content.ReadAsStringAsync());
        rows[0].ShouldBe(["PeriodFirstDay", "PeriodLastDay", "Measure", "Title", "Numerator", "Denominator", "Percent", "CountedOutOf"]);
        rows.Count.ShouldBe(InsightsMeasures.Each.Count + 1);
        rows.Single(r => r[2] == "conversion")
            .ShouldBe(["2026-03-01", "2026-03-31", "conversion", "Conversion to assessment or strategy discussion", "2", "5", "40.0",
            "closed cases"]);
        (await App.AuditAsync())
            .ShouldContain(e =>
            e.Action == InsightsEvents.Exported && e.SubjectType == "Insights" && e.SubjectId == "measures"
            && e.Detail == "2026-03-01 to 2026-03-31");
    }

    [Fact]
    public async Task Annex_a_lists_carry_codes_nfa_flags_and_earlier_referrals()
    {
        var world = await InsightsWorld.SeedAsync(App);
        var client = await App.SignInAsync("martin@mash.test");
        var cases = world.Cases;

        var contacts = Csv.Parse(await client.GetStringAsync($"/insights/export/annex-a-contacts.csv?{InsightsWorld.MarchQuery}"));
        contacts[0]
            .ShouldBe(["CaseReference", "CaseId", "ChildId", "ContactDate", "ReferralSource", "Channel", "ContactOutcome", "NfaFlag"]);
        contacts.Skip(1).Select(r => r[0]).ShouldBe([.. new[] { "A", "B", "C", "D", "E", "I", "H" }.Select(k => cases[k].Reference)]);
        contacts[1]
            .ShouldBe([cases["A"].Reference, cases["A"].Id.ToString(), world.Child.Id.ToString(), "2026-03-02", "2A", "Portal",
            "ProgressToMashChecks", "N"]);
        contacts[4].ShouldBe([cases["D"].Reference, cases["D"].Id.ToString(), await ReferralChildIdAsync(cases["D"]), "2026-03-05", "6",
            "Portal", "ClosedAtContact", "Y"]);
        // A source code that a spreadsheet would run as a formula is neutralised.
        contacts[5][4].ShouldBe("'=1A");
        contacts[7][7].ShouldBe("");

        var referrals = Csv.Parse(await client.GetStringAsync($"/insights/export/annex-a-referrals.csv?{InsightsWorld.MarchQuery}"));
        referrals[0]
            .ShouldBe(["CaseReference", "CaseId", "ChildId", "ReferralDate", "ReferralSource", "NfaFlag", "ReferralsInPrevious12Months"]);
        referrals.Skip(1).Select(r => r[0]).ShouldBe([.. new[] { "A", "B", "C", "I" }.Select(k => cases[k].Reference)]);
        referrals[1].ShouldBe([cases["A"].Reference, cases["A"].Id.ToString(), world.Child.Id.ToString(), "2026-03-02", "2A", "N", "1"]);
        referrals[2].ShouldBe([cases["B"].Reference, cases["B"].Id.ToString(), await ReferralChildIdAsync(cases["B"]), "2026-03-03",
            "2A", "Y", ""]);
        referrals[4][5].ShouldBe("Y");
    }

    [Fact]
    public async Task Cin_census_extract_carries_primary_need_and_factor_codes_without_names()
    {
        var world = await InsightsWorld.SeedAsync(App);
        var client = await App.SignInAsync("martin@mash.test");
        var cases = world.Cases;

        var text = await client.GetStringAsync($"/insights/export/cin-census.csv?{InsightsWorld.MarchQuery}");
        var rows = Csv.Parse(text);

        rows[0].ShouldBe(["ReferralId", "ChildId", "ReferralDate", "ReferralSource", "NfaFlag", "PrimaryNeedCode", "Factors",
            "PersonBirthDate", "ExpectedPersonBirthDate", "Sex"]);
        rows.Count.ShouldBe(5);
        rows[1][..7].ShouldBe([cases["A"].ReferralId.ToString(), world.Child.Id.ToString(), "2026-03-02", "2A", "N", "N1", "16A;3B"]);
        rows[2][..7].ShouldBe([cases["B"].ReferralId.ToString(), await ReferralChildIdAsync(cases["B"]),
            "2026-03-03", "2A", "Y", "N9", ""]);
        rows[3][..7].ShouldBe([cases["C"].ReferralId.ToString(), await ReferralChildIdAsync(cases["C"]),
            "2026-03-04", "6", "N", "N1", "19C"]);
        rows[4][..7].ShouldBe([cases["I"].ReferralId.ToString(), await ReferralChildIdAsync(cases["I"]),
            "2026-03-07", "2A", "Y", "N4", "4B"]);
        text.ShouldNotContain("Test");
        (await App.AuditAsync()).ShouldContain(e => e.Action == InsightsEvents.Exported && e.SubjectId == "cin-census");
    }

    [Fact]
    public async Task The_census_extract_codes_an_unborn_child_by_the_expected_date_alone_and_as_sex_u()
    {
        var world = await InsightsWorld.SeedAsync(App);
        var cases = world.Cases;
        var born = await App.ExecuteDbContextAsync(async db =>
        {
            var unborn = await db.ReferralChildren.SingleAsync(c => c.ReferralId == cases["B"].ReferralId);
            (unborn.IsUnborn, unborn.DateOfBirth, unborn.ExpectedDate, unborn.Sex) = (true, null, new DateOnly(2026, 6, 1), null);
            var girl = await db.ReferralChildren.SingleAsync(c => c.ReferralId == cases["C"].ReferralId);
            girl.Sex = "F";
            await db.SaveChangesAsync();
            return girl.DateOfBirth!.Value;
        });
        var client = await App.SignInAsync("martin@mash.test");

        var rows = Csv.Parse(await client.GetStringAsync($"/insights/export/cin-census.csv?{InsightsWorld.MarchQuery}"));

        rows[2][7..].ShouldBe(["", "2026-06-01", "U"]);
        rows[3][7..].ShouldBe([born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "", "F"]);
    }

    [Fact]
    public async Task Every_child_of_a_referral_has_a_row_and_an_id_in_the_returns_matched_or_not()
    {
        var world = await InsightsWorld.SeedAsync(App);
        var siblings = await App.AddCaseAsync(world.Team, new CaseSeed(new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero))
        {
            AssignedTo = world.Team.Practitioner, Rating = BragRating.Amber, ProgressToChecks = true,
            Children = [new("Jayden", "Clarke", new DateOnly(2017, 5, 1)), new("Maisie", "Clarke", new DateOnly(2020, 9, 1))],
        });
        var children = await App.ExecuteDbContextAsync(db => db.ReferralChildren.AsNoTracking()
            .Where(c => c.ReferralId == siblings.ReferralId).OrderBy(c => c.Order).Select(c => c.Id).ToListAsync());
        await App.ExecuteDbContextAsync(async db =>
        {
            db.PersonLinks.Add(new PersonLink
            {
                CaseId = siblings.Id, ReferralId = siblings.ReferralId, Role = PersonRole.Child, SubjectId = children[0],
                PersonId = world.Child.Id, LinkedByUserId = world.Team.Practitioner.Id, LinkedAt = siblings.ReceivedAt.AddHours(1),
            });
            return await db.SaveChangesAsync();
        });
        var client = await App.SignInAsync("martin@mash.test");

        var contacts = Csv.Parse(await client.GetStringAsync($"/insights/export/annex-a-contacts.csv?{InsightsWorld.MarchQuery}"))
            .Where(r => r[0] == siblings.Reference).ToList();
        var referrals = Csv.Parse(await client.GetStringAsync($"/insights/export/annex-a-referrals.csv?{InsightsWorld.MarchQuery}"))
            .Where(r => r[0] == siblings.Reference).ToList();

        // Jayden is matched (the known person's id); Maisie is not (her id as the referral names her), and she is not missing.
        contacts.Select(r => r[2]).ShouldBe([world.Child.Id.ToString(), children[1].ToString()]);
        referrals.Select(r => r[2]).ShouldBe([world.Child.Id.ToString(), children[1].ToString()]);
    }

    private Task<string> ReferralChildIdAsync(MashCase mashCase) => App.ExecuteDbContextAsync(db => db.ReferralChildren.AsNoTracking()
        .Where(c => c.ReferralId == mashCase.ReferralId).OrderBy(c => c.Order).Select(c => c.Id.ToString()).FirstAsync());

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("=a,b", "\"'=a,b\"")]
    public void Csv_cells_are_quoted_and_guarded_against_formulas(string value, string expected) =>
        CsvFileResult.Cell(value).ShouldBe(expected);

    /// <summary>Measure key to (numerator, denominator), read from the page's table rows.</summary>
    internal static Dictionary<string, (int, int)> Measures(string html) =>
        MeasureRow().Matches(html).ToDictionary(
            m => m.Groups["key"].Value,
            m => (int.Parse(m.Groups["n"].Value), int.Parse(m.Groups["d"].Value)));

    private static List<(string Label, string Value)> TableRows(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return [.. DataRow().Matches(table).Select(m => (WebUtility.HtmlDecode(m.Groups["label"].Value), m.Groups["value"].Value))];
    }

    [GeneratedRegex(
        "data-measure=\"(?<key>[a-z0-9-]+)\".*?data-count=\"numerator\">(?<n>\\d+)</a>.*?data-count=\"denominator\">(?<d>\\d+)</a>",
        RegexOptions.Singleline)]
    private static partial Regex MeasureRow();

    // A row's header cell and its first data cell, one after the other: the view puts each cell on its own line.
    [GeneratedRegex("<th scope=\"row\" class=\"govuk-table__header\">(?<label>[^<]+)</th>\\s*<td class=\"govuk-table__cell " +
        "govuk-table__cell--numeric\">(?<value>[^<]+)</td>")]
    private static partial Regex DataRow();
}

/// <summary>A small RFC 4180 reader for asserting on exports.</summary>
public static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') { quoted = false; }
                else { cell.Append(ch); }
            }
            else if (ch == '"') { quoted = true; }
            else if (ch == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString()); cell.Clear(); rows.Add([.. row]); row.Clear(); i++;
            }
            else { cell.Append(ch); }
        }

        return rows;
    }
}

/// <summary>The list of cases behind a count pages by key.</summary>
public sealed class InsightsCasesPagingTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_cases_behind_a_count_page_by_key_without_gaps_or_repeats()
    {
        var team = await MashTestData.MashTeamAsync(App);
        var references = new List<string>();
        for (var i = 0; i < CasesModel.PageSize + 3; i++)
        {
            references.Add((await MashTestData.AddCaseAsync(App, team, new CaseSeed(InsightsWorld.March.AddMinutes(i)))).Reference);
        }

        var client = await App.SignInAsync("martin@mash.test");
        var first = await client.GetStringAsync($"/insights/cases?measure=referrals&set=denominator&{InsightsWorld.MarchQuery}");
        var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"(/insights/cases\\?[^\"]+after=[^\"]+)\" rel=\"next\"")
            .Groups[1].Value;
        next.ShouldNotBeEmpty();
        var second = await client.GetStringAsync(System.Net.WebUtility.HtmlDecode(next));

        var shown = MashTestData.References(first).Concat(MashTestData.References(second)).ToList();
        shown.ShouldBe(Enumerable.Reverse(references));
        second.ShouldNotContain("rel=\"next\"");
    }
}
