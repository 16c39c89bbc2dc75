using Microsoft.EntityFrameworkCore;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Pages.Mash;

/// <summary>Known people at the child's address suggested as the household on the matching page (issue 17, item 3).</summary>
public sealed class HouseholdAtAddressTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task People_known_at_the_same_first_line_and_postcode_are_suggested_and_neighbours_are_not()
    {
        var team = await App.MashTeamAsync();
        var sister = await App.AddKnownPersonAsync(new("Leah", "Stone", new DateOnly(2012, 4, 2)));
        var brother = await App.AddKnownPersonAsync(new("Kai", "Stone", new DateOnly(2019, 8, 30)));
        var neighbour = await App.AddKnownPersonAsync(new("Ivy", "Moss", new DateOnly(2015, 1, 9)));
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(TestClock.UtcNow)
        {
            Children = [new("Ava", "Stone", new DateOnly(2017, 5, 3))], AssignedTo = team.Practitioner,
        });
        await App.ExecuteDbContextAsync(async db =>
        {
            await db.ReferralChildren.ExecuteUpdateAsync(u => u.SetProperty(c => c.AddressLine1, "14 High Street")
                .SetProperty(c => c.Postcode, "NT1 1AA"));
            var homes = new[] { (sister.Id, "14 High Street"), (brother.Id, "14 HIGH STREET"), (neighbour.Id, "16 High Street") };
            foreach (var (id, line) in homes)
            {
                await db.Persons.Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.AddressLine1, line)
                    .SetProperty(p => p.Postcode, "NT1 1AA"));
            }
        });
        var child = await App.ExecuteDbContextAsync(db => db.ReferralChildren.SingleAsync());
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var page = MashTestData.Text(await client.GetStringAsync($"/mash/cases/{mashCase.Id}/people/{child.Id}"));

        var section = page[page.IndexOf("Known people at this address", StringComparison.Ordinal)..];
        section.ShouldContain("They may be Ava Stone's household: check before you treat them as one.");
        section.ShouldContain("Kai Stone Child 30 August 2019");
        section.ShouldNotContain("Ivy Moss");
        (page.Contains("Leah Stone: score", StringComparison.Ordinal) || section.Contains("Leah Stone", StringComparison.Ordinal))
            .ShouldBeTrue("Leah is listed once: as a candidate or as household");
        (await App.ExecuteDbContextAsync(db => db.PersonLinks.CountAsync())).ShouldBe(0, "nothing links by itself");
    }
}
