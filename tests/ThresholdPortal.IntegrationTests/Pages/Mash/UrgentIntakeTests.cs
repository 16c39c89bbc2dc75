using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Triage;

namespace ThresholdPortal.IntegrationTests.Pages.Mash;

/// <summary>
/// A contact about a child's disclosure of abuse is urgent from the first minute: due on Red, first in the queue in
/// words, and the duty mailbox is told with the reference and a link only (issue 13, docs/decisions/0089).
/// </summary>
public sealed class UrgentIntakeTests(PortalApp app) : MailIntegrationTest(app)
{
    private static Dictionary<string, string> Contact(string givenName, string category, bool danger = false) =>
        ContactForms.PhoneCall(givenName, $"{givenName} told his grandmother that his mum's partner hit him with a belt; he has bruises.",
            category, danger);

    [Fact]
    public async Task A_disclosure_is_first_in_the_queue_as_urgent_not_yet_rated_and_the_duty_mailbox_gets_the_reference_only()
    {
        var team = await App.MashTeamAsync();

        // Two older cases already overdue, which "most urgent first" would otherwise put on top.
        await App.AddCaseAsync(team, new CaseSeed(TestClock.UtcNow.AddDays(-6)));
        await App.AddCaseAsync(team,
            new CaseSeed(TestClock.UtcNow.AddDays(-5)) { Rating = BragRating.Amber, AssignedTo = team.Practitioner });
        var client = await App.SignInAsync(team.Practitioner.Email!);
        (await Forms.PostAsync(client, ContactForms.Url, Contact("Tyler", "Neglect")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await Forms.PostAsync(client, ContactForms.Url, Contact("Kieran", "Disclosure"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, MashTestData.Text(await response.Content.ReadAsStringAsync()));
        var urgent = await App.ExecuteDbContextAsync(db => db.MashCases.AsNoTracking()
            .SingleAsync(c => (c.Flags & CaseFlags.UrgentAtIntake) != 0));
        urgent.Rating.ShouldBeNull();
        urgent.DecisionDueAt!.Value.ShouldBe(App.Scoped<DecisionClock>().DeadlineFor(urgent.ReceivedAt, BragRating.Red)!.Value,
            TimeSpan.FromMilliseconds(1));

        var queue = MashTestData.Text(await client.GetStringAsync("/mash"));
        var rows = queue[queue.IndexOf("Most urgent first", StringComparison.Ordinal)..];
        rows.IndexOf("NS-", StringComparison.Ordinal).ShouldBe(rows.IndexOf(urgent.Reference, StringComparison.Ordinal),
            "the urgent case's reference is the first in the queue");
        queue.ShouldContain("Urgent: not yet rated");
        queue.Split("Urgent: not yet rated").Length.ShouldBe(2, "only the disclosure is urgent and unrated");

        await Smtp.StartAsync();
        (await DrainAsync(Dispatcher())).ShouldBe(1);
        var message = Smtp.Messages().ShouldHaveSingleItem();
        message.To.Mailboxes.Single().Address.ShouldBe("mash.duty@northshire.example.gov.uk");
        message.Subject.ShouldBe("Urgent referral received: not yet rated");
        var body = message.TextBody!;
        body.ShouldContain($"http://localhost/mash?reference={urgent.Reference}");
        body.ShouldNotContain("Kieran");
        body.ShouldNotContain("Doyle");
        (await App.AuditAsync()).ShouldContain(e => e.Action == CaseEvents.DutyMailboxAlerted && e.SubjectId == urgent.Id.ToString());

        // Rated Green after checks: no longer pinned, and due on Green's timescale.
        await CaseTests.PostCaseFormAsync(client, $"/mash/cases/{urgent.Id}", new(), handler: "Claim");
        (await CaseTests.PostCaseFormAsync(client, $"/mash/cases/{urgent.Id}/rating",
            new() { ["Data.Rating"] = "Green", ["Data.Reason"] = "Police checked: an accident, witnessed at school." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        MashTestData.Text(await client.GetStringAsync("/mash")).ShouldNotContain("Urgent: not yet rated");
        var rated = await App.ExecuteDbContextAsync(db => db.MashCases.AsNoTracking().SingleAsync(c => c.Id == urgent.Id));
        rated.DecisionDueAt!.Value.ShouldBe(App.Scoped<DecisionClock>().DeadlineFor(urgent.ReceivedAt, BragRating.Green)!.Value,
            TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task The_duty_email_link_opens_the_case_for_mash_staff()
    {
        var team = await App.MashTeamAsync();
        var client = await App.SignInAsync(team.Practitioner.Email!);
        await Forms.PostAsync(client, ContactForms.Url, Contact("Kieran", "Neglect", danger: true));
        var urgent = await App.ExecuteDbContextAsync(db => db.MashCases.AsNoTracking().SingleAsync());

        var opened = await client.GetAsync($"/mash?reference={urgent.Reference}");

        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        opened.Headers.Location!.ToString().ShouldBe($"/mash/cases/{urgent.Id}");
    }
}
