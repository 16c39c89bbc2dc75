using Microsoft.EntityFrameworkCore;
using ThresholdPortal.IntegrationTests.Pages.EarlyHelp;
using ThresholdPortal.IntegrationTests.Pages.Insights;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.IntegrationTests.Returns;

/// <summary>
/// Annex A lists 1 and 3 in Ofsted's own columns and labels (issue 17, item 4; docs/decisions/0126), checked cell by cell over
/// the hand-worked March cases of <see cref="InsightsWorld"/>.
/// </summary>
public sealed class AnnexAOfstedTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Lists_one_and_three_carry_ofsteds_columns_with_lettered_labels_dates_and_ages()
    {
        var world = await InsightsWorld.SeedAsync(App);
        var cases = world.Cases;
        await App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync($"""
            UPDATE "ReferralChildren" SET "Sex" = 'F', "Ethnicity" = 'BAFR' WHERE "ReferralId" = {cases["A"].ReferralId}
            """));
        var client = await App.SignInAsync("martin@mash.test");

        var contacts = Csv.Parse(await client.GetStringAsync(
            $"/insights/export/annex-a-contacts.csv?format=ofsted&{InsightsWorld.MarchQuery}"));
        var referrals = Csv.Parse(await client.GetStringAsync(
            $"/insights/export/annex-a-referrals.csv?format=ofsted&{InsightsWorld.MarchQuery}"));

        contacts[0].ShouldBe(["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Date of Contact",
            "Contact Source"]);
        contacts.Count.ShouldBe(8, "the seven March contacts, one child each");
        contacts[1].ShouldBe([world.Child.Id.ToString(), "b) Female", "o) BAFR", "01/01/2016", "10", "02/03/2026", "e) 2A: Schools"]);
        contacts[4].ShouldBe([contacts[4][0], "c) Not stated/recorded", "", "01/01/2016", "10", "05/03/2026", "q) 6: Police"]);
        referrals[0].ShouldBe(["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Date of Referral",
            "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker"]);
        referrals[1].ShouldBe([world.Child.Id.ToString(), "b) Female", "o) BAFR", "01/01/2016", "10", "02/03/2026", "e) 2A: Schools",
            "b) No", "1", "Assessment team", ""]);
        referrals[2][7].ShouldBe("a) Yes");
        referrals.Skip(1).ShouldAllBe(row => !row.Any(cell => cell.Contains("Test")), "no names");
        (await App.AuditAsync()).Count(e => e.SubjectId == "annex-a-referrals").ShouldBe(1);
    }

    [Fact]
    public async Task List_two_has_the_children_the_hub_works_with_their_assessment_and_the_lead_professional()
    {
        var world = await EarlyHelpWorld.CreateAsync(App);
        var (earlyHelpId, _, _) = await world.SteppedDownAsync(App);
        var children = await App.ExecuteDbContextAsync(db => db.EarlyHelpCases.Where(w => w.Id == earlyHelpId)
            .SelectMany(w => db.ReferralChildren.Where(c => c.ReferralId == w.ReferralId).OrderBy(c => c.Order)
                .Select(c => new { c.Id, c.DateOfBirth })).ToListAsync());
        var started = TestClock.Today.AddDays(-3);
        await App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync($"""
            UPDATE "EarlyHelpCases" SET "Status" = 'AcceptedByFamily', "AssessmentStartedOn" = {started},
                "LeadProfessionalId" = {world.FamilyHub}
            WHERE "Id" = {earlyHelpId}
            """));
        var manager = await App.SignInAsync("martin@mash.test");

        var rows = Csv.Parse(await manager.GetStringAsync("/insights/export/annex-a-early-help.csv"));

        rows[0].ShouldBe(["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Assessment start date",
            "Assessment completion date", "Organisation completing assessment"]);
        rows.Skip(1).Select(r => r[0]).ShouldBe(children.Select(c => c.Id.ToString()));
        var first = rows[1];
        first[3].ShouldBe(children[0].DateOfBirth!.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        first[5..].ShouldBe([started.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), "",
            "Northtown family hub"]);
        (await App.AuditAsync()).ShouldContain(e => e.SubjectId == "annex-a-early-help");
    }
}
