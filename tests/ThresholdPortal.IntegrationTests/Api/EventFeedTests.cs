using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.IntegrationTests.Pages.Feedback;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Api;

/// <summary>GET /api/v1/events: one event per child for each approved decision, paged by a cursor that skips and repeats nothing.</summary>
public sealed class EventFeedTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_approved_hand_over_is_in_the_feed_once_per_child_with_what_case_management_needs_and_no_more()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (caseId, reference) = await world.DecidedCaseAsync(App, DecisionOutcome.ChildAndFamilyAssessment);
        var feed = await CouncilFeedAsync();
        await ApiTestData.FeedCaughtUpAsync(App.ConnectionString);

        var page = await PageAsync(feed, null);

        var events = page["events"]!.AsArray();
        events.ShouldNotBeEmpty();
        events.ShouldAllBe(e => e!["type"]!.GetValue<string>() == "decision.handed-over");
        events.Select(e => e!["child"]!["id"]!.GetValue<Guid>()).Distinct().Count().ShouldBe(events.Count, "one event per child");
        var first = events[0]!;
        first["caseId"]!.GetValue<Guid>().ShouldBe(caseId);
        first["referral"]!["reference"]!.GetValue<string>().ShouldBe(reference);
        first["detail"]!["outcome"]!.GetValue<string>().ShouldBe("childAndFamilyAssessment");
        first["detail"]!["handoverTo"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        first["child"]!["givenName"].ShouldNotBeNull();
        first.AsObject().Select(p => p.Key).ShouldBe(["id", "type", "occurredAt", "caseId", "referral", "child", "detail"]);
        first["child"]!.AsObject().Select(p => p.Key).ShouldBe(
            ["id", "personId", "givenName", "familyName", "dateOfBirth", "expectedDate", "nhsNumber", "upn", "sex", "postcode"],
            "who the child is, to match the council's record: not the referral's own words");
        page["hasMore"]!.GetValue<bool>().ShouldBeFalse();

        var again = await PageAsync(feed, page["next"]!.GetValue<string>());
        again["events"]!.AsArray().ShouldBeEmpty();
        again["next"]!.GetValue<string>().ShouldBe(page["next"]!.GetValue<string>(), "an empty page keeps the cursor");
    }

    [Fact]
    public async Task An_escalation_answered_then_a_revised_decision_follow_the_first_decision_in_order()
    {
        var world = await FeedbackWorld.CreateAsync(App);
        var (caseId, reference) = await world.FeedbackSentAsync(App); // stepped down to early help, feedback sent
        var loop = new DecisionLoop(new PortalActor(App.Services));
        var escalation = await loop.DisagreeAsync(reference, world.Referrer, "Jayden disclosed again today: this needs an assessment.");
        await loop.AnswerEscalationAsync(escalation, world.Manager, EscalationResult.Changed, "You are right: an assessment follows.");
        await loop.ProposeAsync(caseId, world.Practitioner, DecisionLoop.Proposal(BragRating.Amber, ThresholdLevel.Targeted,
            DecisionOutcome.ChildAndFamilyAssessment, "The second disclosure changes the risk.", world.Practitioner.FullName,
            TestClock.Today.AddDays(2), consentGiven: false));
        await loop.SignOffAsync(caseId, world.OtherManager);
        var feed = await CouncilFeedAsync();
        await ApiTestData.FeedCaughtUpAsync(App.ConnectionString);

        var events = (await PageAsync(feed, null))["events"]!.AsArray();

        var children = events.Count / 3;
        children.ShouldBeGreaterThan(0);
        events.Count.ShouldBe(children * 3, "each child: the first decision, the escalation's answer, the revision");
        events.Select(e => e!["type"]!.GetValue<string>()).ShouldBe([
            .. Enumerable.Repeat("decision.stepped-down", children), .. Enumerable.Repeat("escalation.answered", children),
            .. Enumerable.Repeat("decision.handed-over", children)]);
        events[children]!["detail"]!["result"]!.GetValue<string>().ShouldBe("changed");
        events[children]!["detail"]!["revisionFollows"]!.GetValue<bool>().ShouldBeTrue();
        events[^1]!["detail"]!["revision"]!.GetValue<int>().ShouldBe(2, "the revision supersedes the first decision");
    }

    [Fact]
    public async Task An_event_committed_late_is_not_skipped_by_a_reader_that_read_a_later_one_first()
    {
        var feed = await CouncilFeedAsync();
        await using var slow = new NpgsqlConnection(App.ConnectionString);
        await using var quick = new NpgsqlConnection(App.ConnectionString);
        await slow.OpenAsync();
        await quick.OpenAsync();
        await using var slowTransaction = await slow.BeginTransactionAsync();
        var early = await InsertEventAsync(slow, "slow");
        await InsertEventAsync(quick, "quick");

        var whileSlowRuns = await PageAsync(feed, null);
        await slowTransaction.CommitAsync();
        await ApiTestData.FeedCaughtUpAsync(App.ConnectionString);
        var afterwards = await PageAsync(feed, whileSlowRuns["next"]!.GetValue<string>());

        whileSlowRuns["events"]!.AsArray().ShouldBeEmpty(
            "the quick event's transaction began after the slow one, which is still running: it must wait behind it");
        afterwards["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["slow", "quick"]);
        early.ShouldBeLessThan(await LastSequenceAsync(quick));
    }

    [Fact]
    public async Task Paging_while_approvals_commit_at_once_sees_every_event_exactly_once()
    {
        var feed = await CouncilFeedAsync();
        const int Writers = 24;
        var random = new Random(21);
        var delays = Enumerable.Range(0, Writers).Select(_ => random.Next(0, 120)).ToList();
        var writing = Task.WhenAll(Enumerable.Range(0, Writers).Select(async i =>
        {
            await using var connection = new NpgsqlConnection(App.ConnectionString);
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await InsertEventAsync(connection, $"w{i}");
            await Task.Delay(delays[i]);
            await transaction.CommitAsync();
        }));

        var seen = new List<string>();
        string? cursor = null;
        while (!writing.IsCompleted || seen.Count < Writers)
        {
            var page = await PageAsync(feed, cursor, limit: 3);
            seen.AddRange(page["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
            cursor = page["next"]!.GetValue<string>();
            if (seen.Count > Writers)
            {
                break;
            }
        }

        await writing;
        seen.Count.ShouldBe(Writers, "nothing repeated");
        seen.ShouldBe(Enumerable.Range(0, Writers).Select(i => $"w{i}"), ignoreOrder: true, "nothing skipped");
    }

    [Fact]
    public async Task A_bad_cursor_or_limit_is_a_problem_and_only_the_council_may_read_the_feed()
    {
        var (administrator, _, mash) = await App.SignInAsAdministratorAsync();
        var feed = await App.ApiClientAsync(await ApiTestData.RegisterApiClientAsync(administrator, mash, "Case management", "cases:read"));
        (await feed.GetAsync("/api/v1/events?after=abc")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await feed.GetAsync("/api/v1/events?limit=5000")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var police = await App.CreateOrganisationAsync("Northshire Police", OrganisationKind.Police);
        var refused = await Forms.PostAsync(administrator, "/admin/api-clients/create",
        [
            await Forms.IdempotencyKeyAsync(administrator, "/admin/api-clients/create"),
            new("Data.Name", "Police reading decisions"), new("Data.OrganisationId", police.Id.ToString()),
            new("Data.RequestsPerMinute", "60"), new("Data.Scopes", "cases:read"),
        ]);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        Forms.ErrorSummary(await refused.Content.ReadAsStringAsync()).ShouldContain("Only a client of the council");
    }

    private async Task<HttpClient> CouncilFeedAsync()
    {
        var (administrator, _, mash) = await App.SignInAsAdministratorAsync();
        return await App.ApiClientAsync(await ApiTestData.RegisterApiClientAsync(administrator, mash, "Case management", "cases:read"));
    }

    private static async Task<JsonNode> PageAsync(HttpClient feed, string? after, int limit = 100)
    {
        var response = await feed.GetAsync($"/api/v1/events?limit={limit}" + (after is null ? string.Empty : $"&after={after}"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await ApiTestData.JsonAsync(response);
    }

    private static async Task<long> InsertEventAsync(NpgsqlConnection connection, string type)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO "ApiEvents" ("Id", "Type", "OccurredAt", "CaseId", "ReferralChildId", "Payload")
            VALUES (gen_random_uuid(), @type, now(), gen_random_uuid(), gen_random_uuid(), json_build_object('type', @type::text)::text)
            RETURNING "Sequence"
            """, connection);
        command.Parameters.AddWithValue("type", type);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> LastSequenceAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""SELECT max("Sequence") FROM "ApiEvents" WHERE "Type" = 'quick'""", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
