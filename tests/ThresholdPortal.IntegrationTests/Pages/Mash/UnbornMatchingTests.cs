using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Pages.Mash;

/// <summary>
/// An unborn baby through matching (issue 15, item 2): it is compared on its expected date of delivery, finds the record an
/// earlier pre-birth referral made, and a record made for it keeps that date.
/// </summary>
public sealed class UnbornMatchingTests(PortalApp app) : IntegrationTest(app)
{
    private static readonly DateOnly Due = new(2027, 3, 14);
    private static readonly DateTimeOffset Now = TestClock.UtcNow;

    private async Task<(MashTeam Team, Guid CaseId, Guid ChildId)> UnbornCaseAsync(DateOnly due)
    {
        var team = await App.MashTeamAsync();
        var mashCase = await App.AddCaseAsync(team,
            new CaseSeed(Now) { Children = [new("Baby", "Lyons", new DateOnly(2020, 1, 1))], AssignedTo = team.Practitioner });
        var childId = await App.ExecuteDbContextAsync(async db =>
        {
            var child = await db.ReferralChildren.SingleAsync();
            (child.IsUnborn, child.DateOfBirth, child.ExpectedDate) = (true, null, due);
            await db.SaveChangesAsync();
            return child.Id;
        });
        return (team, mashCase.Id, childId);
    }

    [Fact]
    public async Task An_unborn_baby_finds_the_record_of_an_earlier_pre_birth_referral_due_within_four_weeks()
    {
        var known = await App.AddKnownPersonAsync(new("Baby", "Lyons", null));
        await App.ExecuteDbContextAsync(db => db.Persons.Where(p => p.Id == known.Id)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.ExpectedDate, Due.AddDays(-18))));
        var (team, caseId, childId) = await UnbornCaseAsync(Due);
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var page = MashTestData.Text(await client.GetStringAsync($"/mash/cases/{caseId}/people/{childId}"));

        page.ShouldContain("Unborn, due 14 March 2027");
        page.ShouldContain("Baby Lyons (child), unborn when recorded, due February 2027");
        page.ShouldContain("Expected dates of birth within 4 weeks of each other");
        page.ShouldContain("Baby Lyons: score 90 out of 100 (strong match)");
    }

    [Fact]
    public async Task A_record_made_for_an_unborn_baby_keeps_its_expected_date_and_no_date_of_birth()
    {
        var (team, caseId, childId) = await UnbornCaseAsync(Due);
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var created = await CaseTests.PostCaseFormAsync(client, $"/mash/cases/{caseId}/people/{childId}",
            new() { ["Data.Choice"] = "new" });

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var person = await App.ExecuteDbContextAsync(db => db.Persons.SingleAsync());
        (person.DateOfBirth, person.ExpectedDate).ShouldBe((null, Due));
    }
}
