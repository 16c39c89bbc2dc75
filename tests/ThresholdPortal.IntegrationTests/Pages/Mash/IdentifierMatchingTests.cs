using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Pages.Mash;

/// <summary>Matching by NHS number and UPN: the strongest evidence, listed first, its conflicts said in words (issue 17).</summary>
public sealed class IdentifierMatchingTests(PortalApp app) : IntegrationTest(app)
{
    private static readonly DateOnly Born = new(2016, 9, 12);
    private static readonly DateTimeOffset Now = TestClock.UtcNow;

    [Fact]
    public async Task The_same_nhs_number_lists_first_ahead_of_a_closer_name_and_a_different_date_of_birth_is_flagged()
    {
        var team = await App.MashTeamAsync();
        await App.AddKnownPersonAsync(new("Amelia", "Clarke", Born));
        var sameNumber = await App.AddKnownPersonAsync(new("Millie", "Clarkson", new DateOnly(2016, 11, 2), "9434765919"));
        var mashCase = await App.AddCaseAsync(team,
            new CaseSeed(Now) { Children = [new("Amelia", "Clark", Born, "9434765919")], AssignedTo = team.Practitioner });
        var child = await App.ExecuteDbContextAsync(db => db.ReferralChildren.SingleAsync());
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var matches = MashTestData.Text(await client.GetStringAsync($"/mash/cases/{mashCase.Id}/people/{child.Id}"));

        matches.ShouldContain("NHS number 943 476 5919");
        var first = matches.IndexOf("Millie Clarkson: score 80 out of 100 (strong match, exact identifier)", StringComparison.Ordinal);
        var closerName = matches.IndexOf("Amelia Clarke: score", StringComparison.Ordinal);
        first.ShouldBeGreaterThan(0);
        closerName.ShouldBeGreaterThan(first, "the exact NHS number lists ahead of the closer name");
        matches.ShouldContain("NHS number matches exactly");
        matches.ShouldContain("The same NHS number with a different date of birth: check which is right before linking");
        (await App.ExecuteDbContextAsync(db => db.PersonLinks.CountAsync())).ShouldBe(0, "nothing links by itself");
        sameNumber.Id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task Two_records_with_one_nhs_number_are_flagged_as_one_child_perhaps_recorded_twice()
    {
        var team = await App.MashTeamAsync();
        await App.AddKnownPersonAsync(new("Noah", "Patel", Born, "4010232137"));
        await App.AddKnownPersonAsync(new("Noah", "Patil", Born, "4010232137"));
        var mashCase = await App.AddCaseAsync(team,
            new CaseSeed(Now) { Children = [new("Noah", "Patel", Born, "4010232137")], AssignedTo = team.Practitioner });
        var child = await App.ExecuteDbContextAsync(db => db.ReferralChildren.SingleAsync());
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var matches = MashTestData.Text(await client.GetStringAsync($"/mash/cases/{mashCase.Id}/people/{child.Id}"));

        matches.ShouldContain(
            "2 person records have the NHS number 401 023 2137. They may be one person recorded twice: check before linking");
    }

    [Fact]
    public async Task A_confirmed_link_copies_the_identifiers_to_the_person_record_that_lacked_them()
    {
        var team = await App.MashTeamAsync();
        var known = await App.AddKnownPersonAsync(new("Amelia", "Clarke", Born));
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(Now)
        {
            Children = [new("Amelia", "Clarke", Born, "9434765919", "B801200005001")], AssignedTo = team.Practitioner,
        });
        var child = await App.ExecuteDbContextAsync(db => db.ReferralChildren.SingleAsync());
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var confirmed = await CaseTests.PostCaseFormAsync(client, $"/mash/cases/{mashCase.Id}/people/{child.Id}",
            new() { ["Data.Choice"] = known.Id.ToString() });

        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var person = await App.ExecuteDbContextAsync(db => db.Persons.SingleAsync(p => p.Id == known.Id));
        (person.NhsNumber, person.Upn).ShouldBe(("9434765919", "B801200005001"));
    }
}
