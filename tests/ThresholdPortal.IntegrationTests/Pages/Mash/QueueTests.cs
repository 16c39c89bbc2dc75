using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.IntegrationTests.Pages.Mash;

public sealed class QueueTests(PortalApp app) : IntegrationTest(app)
{
    private static readonly DateTimeOffset Start = TestClock.UtcNow.AddDays(-2);

    [Fact]
    public async Task A_sent_referral_opens_its_case_at_once_and_the_queue_shows_its_children_by_initials_and_age_only()
    {
        var team = await App.MashTeamAsync();
        var journey = await App.SignedInReferrerAsync();
        await journey.CompleteAsync();

        var reference = await journey.SubmitForReferenceAsync();

        var (mashCase, referral) = await App.ExecuteDbContextAsync(async db =>
            (await db.MashCases.SingleAsync(), await db.Referrals.SingleAsync()));
        mashCase.Reference.ShouldBe(reference);
        mashCase.Status.ShouldBe(MashCaseStatus.New);
        mashCase.ReceivedAt.ShouldBe(referral.SubmittedAt!.Value);
        // The journey's referral names physical abuse by an adult, always child protection: urgent at intake, due on Red.
        (mashCase.Flags & CaseFlags.UrgentAtIntake).ShouldBe(CaseFlags.UrgentAtIntake);
        mashCase.DecisionDueAt!.Value.ShouldBe(App.Scoped<DecisionClock>().DeadlineFor(mashCase.ReceivedAt, BragRating.Red)!.Value,
            TimeSpan.FromMilliseconds(1));
        mashCase.SourceCode.ShouldBe("2A");
        mashCase.ReferrerLevel.ShouldBe(Domain.Thresholds.ThresholdLevel.Targeted);
        (await App.ExecuteDbContextAsync(db =>
            db.AuditEvents.CountAsync(e => e.Action == CaseEvents.Received && e.SubjectId == mashCase.Id.ToString()))).ShouldBe(1);

        var practitioner = await App.SignInAsync(team.Practitioner.Email!);
        var html = await practitioner.GetStringAsync("/mash");
        MashTestData.References(html).ShouldBe([reference]);
        var text = MashTestData.Text(html);
        text.ShouldContain($"J.C., {Domain.Triage.QueueChild.YearsBetween(new DateOnly(2017, 5, 3), MashDisplay.Today(TestClock.UtcNow))}");
        text.ShouldContain("M.C.,");
        text.ShouldNotContain("Jayden");
        text.ShouldNotContain("Clarke");
        text.ShouldContain("Urgent: not yet rated");
        text.ShouldContain("(source 2A)");
    }

    [Fact]
    public async Task An_early_help_request_goes_to_the_early_help_hub_not_the_mash_queue()
    {
        var team = await App.MashTeamAsync();
        var journey = await App.SignedInReferrerAsync();
        await journey.CompleteAsync();
        await journey.ChooseLevelAsync("EarlyHelp");
        await journey.ShouldRedirectAsync("early-help", new() { ["Data.Choice"] = nameof(EarlyHelpChoice.SendEarlyHelpRequest) });
        await journey.ConsentAsync(decision: "Obtained", basis: "Consent");

        var reference = await journey.SubmitForReferenceAsync();

        (await App.ExecuteDbContextAsync(db => db.MashCases.CountAsync())).ShouldBe(0);
        var practitioner = await App.SignInAsync(team.Practitioner.Email!);
        MashTestData.References(await practitioner.GetStringAsync("/mash")).ShouldBeEmpty();
        (await practitioner.GetStringAsync("/mash/early-help")).ShouldContain(reference);
    }

    [Fact]
    public async Task Filters_select_by_status_rating_holder_flag_and_organisation_and_the_counts_follow()
    {
        var team = await App.MashTeamAsync();
        var police = await App.CreateOrganisationAsync("Test Police", OrganisationKind.Police);
        var newFromSchool = await App.AddCaseAsync(team, new CaseSeed(Start));
        var redMine = await App.AddCaseAsync(team,
            new CaseSeed(Start.AddMinutes(1)) { AssignedTo = team.Practitioner, Rating = BragRating.Red, From = police });
        var amberColleague = await App.AddCaseAsync(team,
            new CaseSeed(Start.AddMinutes(2)) { AssignedTo = team.Colleague, Rating = BragRating.Amber,
            Categories = [ConcernCategory.DomesticAbuse.Key] });
        var checksMine = await App.AddCaseAsync(team,
            new CaseSeed(Start.AddMinutes(3)) { AssignedTo = team.Practitioner, Rating = BragRating.Green, ProgressToChecks = true });
        var phoneContact = await App.AddCaseAsync(team,
            new CaseSeed(Start.AddMinutes(4)) { Channel = ContactChannel.Phone, SourceCode = "1A" });
        var closed = await App.AddCaseAsync(team, new CaseSeed(Start.AddMinutes(5)) { AssignedTo = team.Colleague, CloseAtContact = true });
        var client = await App.SignInAsync(team.Practitioner.Email!);

        async Task<IReadOnlyList<string>> Shown(string query) => MashTestData.References(await client.GetStringAsync("/mash" + query));

        (await Shown(""))
            .ShouldBe([redMine.Reference, amberColleague.Reference, newFromSchool.Reference, phoneContact.Reference, checksMine.Reference],
            ignoreOrder: true);
        (await Shown("?status=New")).ShouldBe([newFromSchool.Reference, phoneContact.Reference], ignoreOrder: true);
        (await Shown("?status=AwaitingInformation")).ShouldBe([checksMine.Reference]);
        (await Shown("?status=Decided")).ShouldBe([closed.Reference]);
        (await Shown("?brag=Red")).ShouldBe([redMine.Reference]);
        (await Shown("?brag=Unrated")).ShouldBe([newFromSchool.Reference, phoneContact.Reference], ignoreOrder: true);
        (await Shown("?assigned=mine")).ShouldBe([redMine.Reference, checksMine.Reference], ignoreOrder: true);
        (await Shown("?assigned=unassigned")).ShouldBe([newFromSchool.Reference, phoneContact.Reference], ignoreOrder: true);
        (await Shown("?flag=DomesticAbuse")).ShouldBe([amberColleague.Reference]);
        (await Shown($"?from={police.Id}")).ShouldBe([redMine.Reference]);
        (await Shown("?from=public")).ShouldBe([phoneContact.Reference]);
        (await Shown("?assigned=mine&brag=Green")).ShouldBe([checksMine.Reference]);

        var counts = await client.GetStringAsync("/mash?assigned=unassigned");
        MashTestData.CountFor(counts, "All open").ShouldBe(2);
        MashTestData.CountFor(counts, "New").ShouldBe(2);
        MashTestData.CountFor(counts, "Screening").ShouldBe(0);
        var all = await client.GetStringAsync("/mash");
        MashTestData.CountFor(all, "All open").ShouldBe(5);
        MashTestData.CountFor(all, "Screening").ShouldBe(2);
        MashTestData.CountFor(all, "Awaiting information").ShouldBe(1);
        MashTestData.CountFor(all, "Decided (closed)").ShouldBe(1);
    }

    [Fact]
    public async Task The_default_order_puts_the_nearest_deadline_first_then_the_higher_rating()
    {
        var team = await App.MashTeamAsync();
        var received = TestClock.UtcNow.AddHours(-1);
        var unrated = await App.AddCaseAsync(team, new CaseSeed(received));
        var green = await App.AddCaseAsync(team,
            new CaseSeed(received.AddMinutes(-30)) { AssignedTo = team.Practitioner, Rating = BragRating.Green });
        var blue = await App.AddCaseAsync(team,
            new CaseSeed(received.AddDays(-20)) { AssignedTo = team.Practitioner, Rating = BragRating.Blue });
        var red = await App.AddCaseAsync(team,
            new CaseSeed(received.AddMinutes(-10)) { AssignedTo = team.Practitioner, Rating = BragRating.Red });
        var overdue = await App.AddCaseAsync(team, new CaseSeed(received.AddDays(-6)));
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var shown = MashTestData.References(await client.GetStringAsync("/mash")).ToList();

        // Overdue first; Red (4 hours) before the unrated (1 working day); Blue, with no deadline, last.
        shown[0].ShouldBe(overdue.Reference);
        shown.IndexOf(red.Reference).ShouldBeLessThan(shown.IndexOf(unrated.Reference));
        shown.IndexOf(unrated.Reference).ShouldBeLessThanOrEqualTo(shown.IndexOf(green.Reference));
        shown[^1].ShouldBe(blue.Reference);
        MashTestData.References(await client.GetStringAsync("/mash?order=Newest"))[0].ShouldBe(unrated.Reference);
    }

    [Fact]
    public async Task Paging_by_key_visits_every_open_case_once_in_order_and_comes_back_the_same_way()
    {
        var team = await App.MashTeamAsync();
        var cases = new List<MashCase>();
        for (var i = 0; i < 57; i++)
        {
            cases.Add(await App.AddCaseAsync(team, i % 3 == 0
                ? new CaseSeed(Start.AddMinutes(i)) { AssignedTo = team.Practitioner, Rating = (BragRating)(1 + (i % 4)) }
                : new CaseSeed(Start.AddMinutes(i))));
        }

        var expected = cases
            .OrderBy(c => c.DecisionDueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.Rating switch { BragRating.Red => 1, BragRating.Amber => 2, null => 3, BragRating.Green => 4, _ => 5 })
            .ThenBy(c => c.ReceivedAt)
            .Select(c => c.Reference)
            .ToList();
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var pages = new List<IReadOnlyList<string>>();
        var addresses = new List<string>();
        string? next = "/mash";
        while (next is not null)
        {
            addresses.Add(next);
            var html = await client.GetStringAsync(next);
            pages.Add(MashTestData.References(html));
            next = MashTestData.NextPage(html);
        }

        pages.Select(p => p.Count).ShouldBe([25, 25, 7]);
        pages.SelectMany(p => p).ShouldBe(expected);
        addresses.Skip(1).ShouldAllBe(a => a.Contains("after=", StringComparison.Ordinal));

        // Back again by key: the previous page ends just before the first row shown.
        var last = await client.GetStringAsync(addresses[2]);
        var back = await client.GetStringAsync(MashTestData.PreviousPage(last)!);
        MashTestData.References(back).ShouldBe(pages[1]);
        var first = await client.GetStringAsync(MashTestData.PreviousPage(back)!);
        MashTestData.References(first).ShouldBe(pages[0]);
        MashTestData.PreviousPage(first).ShouldBeNull();
    }

    [Fact]
    public async Task A_tampered_page_key_shows_the_first_page_rather_than_an_error()
    {
        var team = await App.MashTeamAsync();
        var only = await App.AddCaseAsync(team, new CaseSeed(Start));
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var response = await client.GetAsync("/mash?after=not-a-key&status=Nonsense&brag=Purple&order=Sideways");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        MashTestData.References(await response.Content.ReadAsStringAsync()).ShouldBe([only.Reference]);
    }

    [Fact]
    public async Task A_case_is_found_by_its_reference()
    {
        var team = await App.MashTeamAsync();
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(Start));
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var found = await client.GetAsync($"/mash?reference={mashCase.Reference.ToLowerInvariant()}");
        var missing = await client.GetStringAsync("/mash?reference=NS-1999-000001");

        found.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        found.Headers.Location!.ToString().ShouldBe($"/mash/cases/{mashCase.Id}");
        missing.ShouldContain("No case has the reference NS-1999-000001");
    }

    [Theory]
    [InlineData(PortalRole.Referrer)]
    [InlineData(PortalRole.AgencyResponder)]
    public async Task Referrers_and_agency_responders_are_refused_the_queue_and_every_case(string role)
    {
        var team = await App.MashTeamAsync();
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(Start));
        var outsider = await App.CreateOrganisationAsync("Outside", OrganisationKind.Police);
        await App.CreateUserAsync("outsider@outside.test", outsider, role);
        var client = await App.SignInAsync("outsider@outside.test");

        foreach (var address in new[] { "/mash", $"/mash/cases/{mashCase.Id}", $"/mash/cases/{mashCase.Id}/rating", "/mash/contacts/new",
            $"/mash/cases/{mashCase.Id}/access-log" })
        {
            (await client.GetAsync(address)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, address);
        }

        (await App.ExecuteDbContextAsync(db => db.AuditEvents.CountAsync(e => e.Action == CaseEvents.Viewed))).ShouldBe(0);
    }
}
