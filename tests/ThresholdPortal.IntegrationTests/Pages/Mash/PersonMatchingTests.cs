using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Triage;

namespace ThresholdPortal.IntegrationTests.Pages.Mash;

public sealed class PersonMatchingTests(PortalApp app) : IntegrationTest(app)
{
    private static readonly DateOnly JaydenBorn = new(2017, 5, 3);
    private static readonly DateTimeOffset Now = TestClock.UtcNow;

    [Fact]
    public async Task A_misspelled_known_child_is_found_by_trigram_similarity_and_nothing_links_until_the_practitioner_confirms()
    {
        var team = await App.MashTeamAsync();
        var earlier = await App.AddCaseAsync(team,
            new CaseSeed(Now.AddMonths(-4)) { Children = [new("Jaydon", "Clark", JaydenBorn)], AssignedTo = team.Colleague,
            CloseAtContact = true });
        var known = await App.AddKnownPersonAsync(new("Jaydon", "Clark", JaydenBorn), OpenInvolvement.SocialCare, earlier);
        await App.AddKnownPersonAsync(new("Priya", "Noone", new DateOnly(2010, 1, 1)));
        var journey = await App.SignedInReferrerAsync();
        await journey.CompleteAsync();
        await journey.SubmitForReferenceAsync();
        var mashCase = await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync(c => c.Id != earlier.Id));
        var jayden = await App.ExecuteDbContextAsync(db =>
            db.ReferralChildren.SingleAsync(c => c.ReferralId == mashCase.ReferralId && c.GivenName == "Jayden"));

        // Received, but not linked to anyone: that is the practitioner's call.
        (await App.ExecuteDbContextAsync(db => db.PersonLinks.CountAsync(l => l.CaseId == mashCase.Id))).ShouldBe(0);
        (mashCase.Flags & ~CaseFlags.UrgentAtIntake).ShouldBe(CaseFlags.None, "no flag from known people before a link");

        var client = await App.SignInAsync(team.Practitioner.Email!);
        await CaseTests.PostCaseFormAsync(client, $"/mash/cases/{mashCase.Id}", new(), handler: "Claim");
        var matches = MashTestData.Text(await client.GetStringAsync($"/mash/cases/{mashCase.Id}/people/{jayden.Id}"));
        matches.ShouldContain("Jaydon Clark: score 71 out of 100 (possible match)");
        matches.ShouldContain("Family name is similar (62%)");
        matches.ShouldContain("Date of birth matches exactly");
        matches.ShouldContain("Open to children's social care; 1 earlier referral");
        matches.ShouldNotContain("Priya Noone");
        (await App.ExecuteDbContextAsync(db =>
            db.AuditEvents.CountAsync(e =>
            e.Action == CaseEvents.Viewed && e.Detail == "Matching Child 1" && e.UserId == team.Practitioner.Id))).ShouldBe(1);

        var confirmed = await CaseTests.PostCaseFormAsync(client, $"/mash/cases/{mashCase.Id}/people/{jayden.Id}",
            new() { ["Data.Choice"] = known.Id.ToString() });

        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = await App.ExecuteDbContextAsync(db => db.PersonLinks.SingleAsync(l => l.CaseId == mashCase.Id));
        (link.PersonId, link.SubjectId, link.MatchScore, link.LinkedByUserId)
            .ShouldBe((known.Id, jayden.Id, (int?)71, team.Practitioner.Id));
        var flags = (await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync(c => c.Id == mashCase.Id))).Flags;
        flags.ShouldBe(CaseFlags.ReReferral | CaseFlags.OpenToSocialCare | CaseFlags.UrgentAtIntake);
        var page = MashTestData.Text(await client.GetStringAsync($"/mash/cases/{mashCase.Id}"));
        page.ShouldContain("Re-referral within 12 months");
        page.ShouldContain($"{earlier.Reference}, received");
        page.ShouldContain("Within 12 months");
        page.ShouldContain("Matched to a known person Child 1 of the referral; match score 71");
        MashTestData.Text(await client.GetStringAsync("/mash?flag=ReReferral")).ShouldContain(mashCase.Reference);
    }

    [Fact]
    public async Task Swapped_given_and_family_names_are_found_too()
    {
        var team = await App.MashTeamAsync();
        await App.AddKnownPersonAsync(new("Clarke", "Amelia", new DateOnly(2015, 2, 1)));
        var mashCase = await App.AddCaseAsync(team,
            new CaseSeed(Now) { Children = [new("Amelia", "Clarke", new DateOnly(2015, 2, 1))], AssignedTo = team.Practitioner });
        var child = await App.ExecuteDbContextAsync(db => db.ReferralChildren.SingleAsync());
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var matches = MashTestData.Text(await client.GetStringAsync($"/mash/cases/{mashCase.Id}/people/{child.Id}"));

        matches.ShouldContain("Clarke Amelia: score 100 out of 100 (strong match)");
        matches.ShouldContain("Given and family names appear swapped");
    }

    [Fact]
    public async Task A_new_person_is_created_from_the_referral_and_a_second_child_joins_the_same_household()
    {
        var team = await App.MashTeamAsync();
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(Now)
        {
            Children = [new("Ollie", "Brennan", new DateOnly(2018, 6, 1)), new("Ava", "Brennan", new DateOnly(2020, 3, 9))],
            AssignedTo = team.Practitioner,
        });
        var children = await App.ExecuteDbContextAsync(db => db.ReferralChildren.OrderBy(c => c.Order).ToListAsync());
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var noMatches = MashTestData.Text(await client.GetStringAsync($"/mash/cases/{mashCase.Id}/people/{children[0].Id}"));
        noMatches.ShouldContain("No one known to the portal has a similar name or the same date of birth");
        foreach (var child in children)
        {
            (await CaseTests.PostCaseFormAsync(client, $"/mash/cases/{mashCase.Id}/people/{child.Id}", new() { ["Data.Choice"] = "new" }))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var people = await App.ExecuteDbContextAsync(db => db.Persons.OrderBy(p => p.DateOfBirth).ToListAsync());
        people.Select(p => (p.GivenName, p.FamilyName, p.DateOfBirth, p.SearchName)).ShouldBe(
            [("Ollie", "Brennan", (DateOnly?)new DateOnly(2018, 6, 1), "ollie brennan"),
                ("Ava", "Brennan", new DateOnly(2020, 3, 9), "ava brennan")]);
        people.Select(p => p.HouseholdId).Distinct().Count().ShouldBe(1);
        (await App.ExecuteDbContextAsync(db => db.PersonLinks.Where(l => l.CaseId == mashCase.Id).Select(l => l.MatchScore).ToListAsync()))
            .ShouldAllBe(s => s == null);
        var page = MashTestData.Text(await client.GetStringAsync($"/mash/cases/{mashCase.Id}"));
        page.ShouldContain("Ava Brennan (sibling, born 9 March 2020)");
    }

    [Fact]
    public async Task Siblings_open_to_different_processes_are_warned_about_and_a_wrong_link_can_be_removed()
    {
        var team = await App.MashTeamAsync();
        var older = await App.AddKnownPersonAsync(new("Leo", "Hart", new DateOnly(2012, 4, 4)), OpenInvolvement.SocialCare);
        await App.AddKnownPersonAsync(new("Isla", "Hart", new DateOnly(2016, 8, 8)), OpenInvolvement.EarlyHelp,
            household: older.HouseholdId);
        var mashCase = await App.AddCaseAsync(team,
            new CaseSeed(Now) { Children = [new("Leo", "Hart", new DateOnly(2012, 4, 4))], AssignedTo = team.Practitioner });
        var child = await App.ExecuteDbContextAsync(db => db.ReferralChildren.SingleAsync());
        var client = await App.SignInAsync(team.Practitioner.Email!);

        await CaseTests.PostCaseFormAsync(client, $"/mash/cases/{mashCase.Id}/people/{child.Id}",
            new() { ["Data.Choice"] = older.Id.ToString() });

        var page = MashTestData.Text(await client.GetStringAsync($"/mash/cases/{mashCase.Id}"));
        page.ShouldContain("Brothers and sisters in this family are open to different processes: Isla Hart is open to early help; Leo " +
            "Hart is open to children's social care.");
        (await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync())).Flags.ShouldBe(CaseFlags.OpenToSocialCare);

        var removed = await CaseTests.PostCaseFormAsync(client, $"/mash/cases/{mashCase.Id}/people/{child.Id}", new(), handler: "Unlink");

        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.ExecuteDbContextAsync(db => db.PersonLinks.CountAsync())).ShouldBe(0);
        ((await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync())).Flags & ~CaseFlags.UrgentAtIntake).ShouldBe(CaseFlags.None);
        (await App.ExecuteDbContextAsync(db => db.AuditEvents.CountAsync(e => e.Action == CaseEvents.PersonUnlinked))).ShouldBe(1);
    }
}
