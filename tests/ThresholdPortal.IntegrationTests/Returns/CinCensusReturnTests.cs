using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Returns;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.IntegrationTests.Pages.Insights;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Insights;

namespace ThresholdPortal.IntegrationTests.Returns;

/// <summary>
/// The Children in Need census return as XML (issue 17, item 4; docs/decisions/0125): a two-child referral with
/// identifiers, decided with a different outcome for each child, read back element by element and checked against the
/// schema written from the 2025 to 2026 specification; the front door's rules shown on the page before download.
/// </summary>
public sealed class CinCensusReturnTests(PortalApp app) : IntegrationTest(app)
{
    private const string Upn = "B801200005001";

    [Fact]
    public async Task A_two_child_referral_becomes_one_child_element_each_valid_against_the_schema_with_each_childs_own_outcome()
    {
        var mashCase = await TwoChildReferralAsync();
        var manager = await App.SignInAsync("martin@mash.test");

        using var response = await manager.GetAsync($"/insights/returns/cin-census?handler=Xml&year={Year}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Validate(bytes).ShouldBeEmpty();
        var message = XDocument.Load(new MemoryStream(bytes)).Root!;
        var header = message.Element("Header")!;
        header.Element("CollectionDetails")!.Elements().Select(e => e.Value).ShouldBe(["CIN", Year.ToString(), $"{Year}-03-31"]);
        header.Element("Source")!.Element("LEA")!.Value.ShouldBe("999");
        header.Element("Source")!.Element("SerialNo")!.Value.ShouldBe("1");
        var children = message.Element("Children")!.Elements("Child").ToList();
        children.Count.ShouldBe(2);

        var assessed = children[0];
        assessed.Element("ChildIdentifiers")!.Elements().Select(e => e.Name.LocalName)
            .ShouldBe(["LAchildID", "UPN", "PersonBirthDate", "Sex"], "in the specification's order");
        assessed.Element("ChildIdentifiers")!.Element("UPN")!.Value.ShouldBe(Upn);
        assessed.Element("ChildIdentifiers")!.Element("PersonBirthDate")!.Value.ShouldBe("2016-01-01");
        assessed.Element("ChildIdentifiers")!.Element("Sex")!.Value.ShouldBe("F");
        assessed.Element("ChildCharacteristics")!.Element("Ethnicity")!.Value.ShouldBe("WBRI");
        assessed.Element("ChildCharacteristics")!.Descendants("Disability").Select(d => d.Value).ShouldBe(["AUT", "COMM"]);
        var referral = assessed.Element("CINdetails")!;
        referral.Elements().Select(e => (e.Name.LocalName, e.Value)).ShouldBe(
        [
            ("CINreferralDate", Received.ToString("yyyy-MM-dd")), ("ReferralSource", "2A"), ("PrimaryNeedCode", "N1"),
            ("ReferralNFA", "false"),
        ]);

        var nfa = children[1];
        var nfaId = nfa.Element("ChildIdentifiers")!.Element("LAchildID")!.Value;
        nfaId.ShouldNotBe(assessed.Element("ChildIdentifiers")!.Element("LAchildID")!.Value);
        nfaId.Length.ShouldBe(20);
        nfa.Element("ChildCharacteristics")!.Element("Ethnicity")!.Value.ShouldBe("NOBT");
        nfa.Element("CINdetails")!.Elements().Select(e => (e.Name.LocalName, e.Value)).ShouldBe(
        [
            ("CINreferralDate", Received.ToString("yyyy-MM-dd")), ("ReferralSource", "2A"),
            ("CINclosureDate", Received.AddDays(1).ToString("yyyy-MM-dd")), ("ReasonForClosure", "RC7"), ("ReferralNFA", "true"),
        ]);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        text.ShouldNotContain("Jaiden");
        text.ShouldNotContain(mashCase.Reference);
        (await App.AuditAsync()).ShouldContain(e => e.Action == InsightsEvents.Exported && e.SubjectId == CinCensusReturn.Subject
            && e.Detail == new CensusYear(Year).Name);
        (await (await manager.GetAsync($"/insights/returns/cin-census?handler=Xml&year={Year}")).Content.ReadAsStringAsync())
            .ShouldContain("<SerialNo>2</SerialNo>", customMessage: "each download of a year is numbered");
    }

    [Fact]
    public async Task The_page_lists_each_rule_a_child_breaks_before_download_and_other_roles_are_refused()
    {
        var mashCase = await TwoChildReferralAsync();
        await App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync($"""
            UPDATE "ReferralChildren" SET "Ethnicity" = NULL, "Disabilities" = ARRAY[]::text[], "Upn" = NULL
            WHERE "ReferralId" = {mashCase.ReferralId} AND "Order" = 0
            """));
        var manager = await App.SignInAsync("martin@mash.test");

        var page = WebUtility.HtmlDecode(await manager.GetStringAsync($"/insights/returns/cin-census?year={Year}"));

        var words = string.Join(' ', page.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        words.ShouldContain("2 children, 2 referrals. 2 errors and 1 query to check.");
        var rows = page[page.IndexOf("census-failures", StringComparison.Ordinal)..].Split("<tr class=\"govuk-table__row\">").Skip(2)
            .ToList();
        rows.Count.ShouldBe(3);
        rows.ShouldContain(r => r.Contains("4220") && r.Contains("ethnicity is missing"));
        rows.ShouldContain(r => r.Contains("8540") && r.Contains("needs a disability code"));
        rows.ShouldContain(r => r.Contains("8770Q") && r.Contains("Query") && r.Contains("should have a UPN"));
        page.ShouldNotContain("Jaiden");

        var practitioner = await App.SignInAsync("priya@mash.test");
        var refused = await practitioner.GetAsync($"/insights/returns/cin-census?handler=Xml&year={Year}");
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    private static DateOnly Received => DateOnly.FromDateTime(TestClock.UtcNow.AddDays(-10).UtcDateTime);

    private static int Year => CensusYear.Containing(Received).Ending;

    /// <summary>
    /// A school's referral of two children received ten days ago: Jaiden (UPN, NHS number, F, WBRI, autism and
    /// communication) is assessed; his sibling (ethnicity not yet obtained, no disability) is no further action.
    /// </summary>
    private async Task<MashCase> TwoChildReferralAsync()
    {
        var team = await App.MashTeamAsync();
        var seeded = await App.AddCaseAsync(team, new CaseSeed(new DateTimeOffset(Received.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero))
        {
            AssignedTo = team.Practitioner, Rating = BragRating.Amber, ProgressToChecks = true,
            Children =
            [
                new("Jaiden", "Clark", new DateOnly(2016, 1, 1), "4857773456", Upn), new("Ruby", "Clark", new DateOnly(2024, 2, 1)),
            ],
        });
        await App.ExecuteDbContextAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "ReferralChildren" SET "Sex" = 'F', "Ethnicity" = 'WBRI', "Disabilities" = ARRAY['AUT', 'COMM']
                WHERE "ReferralId" = {seeded.ReferralId} AND "Order" = 0
                """);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "ReferralChildren" SET "Sex" = 'F', "Ethnicity" = 'NOBT' WHERE "ReferralId" = {seeded.ReferralId} AND "Order" = 1
                """);
        });
        await InsightsWorld.DecideAsync(App, team, seeded, DecisionOutcome.ChildAndFamilyAssessment, ThresholdLevel.Specialist,
            BragRating.Amber, PrimaryNeed.N1AbuseOrNeglect, ["2A"], TimeSpan.FromDays(1), feedbackAfter: null);
        await App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync($"""
            UPDATE "ChildOutcomes" co SET "Outcome" = 'NoFurtherAction' FROM "ReferralChildren" rc
            WHERE rc."Id" = co."ReferralChildId" AND rc."ReferralId" = {seeded.ReferralId} AND rc."Order" = 1
            """));
        return seeded;
    }

    private static List<string> Validate(byte[] xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Returns", "cin-census-2025-26.xsd"));
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }

        return problems;
    }
}
