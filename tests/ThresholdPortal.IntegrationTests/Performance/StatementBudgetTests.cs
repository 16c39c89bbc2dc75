using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.People;
using ThresholdPortal.IntegrationTests.Pages.Feedback;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Performance;

/// <summary>
/// The busiest pages' statement budgets (issue 18): how many commands EF sends to PostgreSQL to serve one view, counted
/// by an interceptor. A count is the same on every run, so it can fail a build where a timing could not; the benchmarks
/// time the same pages (docs/benchmarks.md).
/// </summary>
public sealed class StatementBudgetTests(PortalApp app) : IntegrationTest(app)
{
    public const int QueueBudget = 5;
    public const int CaseBudget = 15;
    public const int SendBudget = 7;

    [Fact]
    public async Task The_queue_and_a_decided_case_of_two_children_stay_within_their_statement_budgets()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (caseId, _) = await world.DecidedCaseAsync(App, DecisionOutcome.ChildAndFamilyAssessment);
        await LinkEveryChildAsync(caseId, world.Practitioner.Id);
        var practitioner = await App.SignInAsync(world.Practitioner.Email!);
        // The first view of each warms what the app keeps between requests; the budget is for every view after it.
        await ViewAsync(practitioner, "/mash", "warm-queue");
        await ViewAsync(practitioner, $"/mash/cases/{caseId}", "warm-case");

        var queue = await ViewAsync(practitioner, "/mash", "queue");
        var record = await ViewAsync(practitioner, $"/mash/cases/{caseId}", "case");

        queue.Count.ShouldBeLessThanOrEqualTo(QueueBudget, string.Join(Environment.NewLine + "---" + Environment.NewLine, queue));
        record.Count.ShouldBeLessThanOrEqualTo(CaseBudget, string.Join(Environment.NewLine + "---" + Environment.NewLine, record));
        MashTestData.Text(await practitioner.GetStringAsync($"/mash/cases/{caseId}")).ShouldContain("Linked",
            Case.Sensitive, "the case counted shows its children linked to known people");
        record.ShouldContain(statement => statement.Contains("INSERT INTO \"AuditEvents\"", StringComparison.Ordinal),
            "the view is still written to the access log: the budget is met without dropping the audit");
    }

    /// <summary>
    /// The send button: the session's check, the draft read and locked at once, its children, adults and attachments (three
    /// more, read after the lock), the reference and one batch of writes. The organisation's kind, the threshold document and
    /// the glossary come from memory after the first send (ADR 0132).
    /// </summary>
    [Fact]
    public async Task A_referral_send_stays_within_its_statement_budget()
    {
        await App.MashTeamAsync();
        var warm = await App.SignedInReferrerAsync();
        await warm.CompleteAsync();
        await warm.SubmitForReferenceAsync();
        var journey = new ReferralJourney(warm.Client);
        await journey.CompleteAsync();
        var token = await journey.TokenAsync("check-answers");
        using var request = new HttpRequestMessage(HttpMethod.Post, journey.Url("check-answers"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add(StatementCounter.Header, "send");

        using var response = await journey.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var send = App.Statements.Statements("send");
        send.Count.ShouldBeLessThanOrEqualTo(SendBudget, string.Join(Environment.NewLine + "---" + Environment.NewLine, send));
        send.ShouldContain(statement => statement.Contains("INSERT INTO \"MashCases\"", StringComparison.Ordinal),
            "the send opens the MASH case in the same request");
    }

    /// <summary>Each child of the case linked to a known person of one household, as a practitioner's matching leaves it.</summary>
    private Task LinkEveryChildAsync(Guid caseId, Guid practitionerId) => App.ExecuteDbContextAsync(async db =>
    {
        var mashCase = await db.MashCases.SingleAsync(c => c.Id == caseId);
        var household = new Household { CreatedAt = TestClock.UtcNow };
        db.Households.Add(household);
        foreach (var child in await db.ReferralChildren.Where(c => c.ReferralId == mashCase.ReferralId).ToListAsync())
        {
            var person = new Person
            {
                Role = PersonRole.Child, GivenName = child.GivenName ?? "Baby", FamilyName = child.FamilyName ?? "Unknown",
                DateOfBirth = child.DateOfBirth,
                HouseholdId = household.Id, CreatedAt = TestClock.UtcNow,
            };
            db.Persons.Add(person);
            db.PersonLinks.Add(new PersonLink
            {
                CaseId = caseId, ReferralId = mashCase.ReferralId, Role = PersonRole.Child, SubjectId = child.Id, PersonId = person.Id,
                LinkedByUserId = practitionerId, LinkedAt = TestClock.UtcNow,
            });
        }

        await db.SaveChangesAsync();
    });

    private async Task<IReadOnlyList<string>> ViewAsync(HttpClient client, string address, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Add(StatementCounter.Header, key);
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return App.Statements.Statements(key);
    }
}
