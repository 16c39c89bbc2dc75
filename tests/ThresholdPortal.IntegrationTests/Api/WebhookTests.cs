using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.IntegrationTests.Pages.Feedback;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Api.Webhooks;
using ThresholdPortal.Web.Features.ApiClients;

namespace ThresholdPortal.IntegrationTests.Api;

/// <summary>Webhooks: each event posted signed, through the outbox, at least once, retried until the receiver accepts.</summary>
public sealed partial class WebhookTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Each_event_is_posted_signed_and_retried_until_a_receiver_that_fails_twice_accepts()
    {
        await using var receiver = await LoopbackWebhookReceiver.StartAsync();
        receiver.FailuresPerEvent = 2;
        var (key, feed, _, _) = await SubscribeAsync(receiver.Url);
        var world = await FeedbackWorld.CreateAsync(App);
        await world.DecidedCaseAsync(App, DecisionOutcome.ChildAndFamilyAssessment);
        await ApiTestData.FeedCaughtUpAsync(App.ConnectionString);
        var events = (await ApiTestData.JsonAsync(await feed.GetAsync("/api/v1/events")))["events"]!.AsArray();
        var sender = App.Services.GetRequiredService<WebhookSender>();

        var start = TestClock.UtcNow;
        var delivered = new List<int>();
        foreach (var after in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(31), TimeSpan.FromSeconds(31 + 61) })
        {
            using (TestClock.Instance.HoldAt(start + after))
            {
                delivered.Add(await sender.DeliverDueAsync(CancellationToken.None));
            }
        }

        delivered.ShouldBe([0, 0, events.Count], "two refusals each, then every event accepted on its third attempt");
        var accepted = receiver.Received.Where(r => r.Accepted).ToList();
        accepted.Select(r => r.EventId).ShouldBe(events.Select(e => e!["id"]!.GetValue<string>()), ignoreOrder: true);
        foreach (var request in receiver.Received)
        {
            WebhookSignature.Verify(key, request.Signature, request.Body, start, TimeSpan.FromMinutes(5))
                .ShouldBeTrue("the receiver checks each delivery with the key the administrator gave it");
            WebhookSignature.Verify(key + "x", request.Signature, request.Body, start, TimeSpan.FromMinutes(5)).ShouldBeFalse();
            JsonNode.Parse(request.Body)!["id"]!.GetValue<string>().ShouldBe(request.EventId, "the event id is the idempotency key");
        }

        var rows = await App.ExecuteDbContextAsync(db => db.WebhookDeliveries.AsNoTracking().ToListAsync());
        rows.ShouldAllBe(d => d.Attempts == 3 && d.DeliveredAt != null && d.FailedAt == null);
        (await sender.DeliverDueAsync(CancellationToken.None)).ShouldBe(0, "nothing is delivered twice once accepted");
    }

    [Fact]
    public async Task A_receiver_that_never_accepts_is_given_up_on_after_the_last_attempt_and_a_signature_out_of_date_is_refused()
    {
        await using var receiver = await LoopbackWebhookReceiver.StartAsync();
        receiver.FailuresPerEvent = int.MaxValue;
        var (_, _, administrator, client) = await SubscribeAsync(receiver.Url);
        var world = await FeedbackWorld.CreateAsync(App);
        await world.DecidedCaseAsync(App, DecisionOutcome.NoFurtherAction);
        var sender = App.Services.GetRequiredService<WebhookSender>();

        var start = TestClock.UtcNow;
        for (var round = 0; round < WebhookDelivery.MaxAttempts + 2; round++)
        {
            using (TestClock.Instance.HoldAt(start + TimeSpan.FromHours(7 * round)))
            {
                await sender.DeliverDueAsync(CancellationToken.None);
            }
        }

        var rows = await App.ExecuteDbContextAsync(db => db.WebhookDeliveries.AsNoTracking().ToListAsync());
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(d => d.Attempts == WebhookDelivery.MaxAttempts && d.FailedAt != null && d.DeliveredAt == null
            && d.LastError == "HTTP 503");
        var page = MashTestData.Text(await administrator.GetStringAsync($"/admin/api-clients/details/{client.Id}"));
        page.ShouldContain($"Given up after 10 attempts {rows.Count}: the events are still in the feed");
        page.ShouldContain("Latest failure HTTP 503", Case.Sensitive, "administrators see why deliveries fail");
        var first = receiver.Received[0];
        WebhookSignature.Verify("whk_any", first.Signature, first.Body, start.AddHours(1), TimeSpan.FromMinutes(5)).ShouldBeFalse();
    }

    [Fact]
    public async Task Events_past_their_keeping_are_removed_and_newer_ones_kept()
    {
        // Far ahead of any other test's held clock, so the sender's hourly removal is due whatever ran before.
        var now = TestClock.UtcNow.AddDays(400);
        await App.ExecuteDbContextAsync(async db =>
        {
            foreach (var (type, age) in new[] { ("old", 91), ("recent", 89) })
            {
                db.ApiEvents.Add(new ApiEvent
                {
                    Type = type, OccurredAt = now.AddDays(-age), CaseId = Guid.NewGuid(), ReferralChildId = Guid.NewGuid(), Payload = "{}",
                });
            }

            await db.SaveChangesAsync();
        });

        using (TestClock.Instance.HoldAt(now))
        {
            await App.Services.GetRequiredService<WebhookSender>().DeliverDueAsync(CancellationToken.None);
        }

        (await App.ExecuteDbContextAsync(db => db.ApiEvents.Select(e => e.Type).ToListAsync())).ShouldBe(["recent"]);
    }

    private async Task<(string Key, HttpClient Feed, HttpClient Administrator, RegisteredApiClient Client)> SubscribeAsync(Uri url)
    {
        var (administrator, _, mash) = await App.SignInAsAdministratorAsync();
        var client = await ApiTestData.RegisterApiClientAsync(administrator, mash, "Case management", "cases:read");
        var saved = await Forms.PostAsync(administrator, $"/admin/api-clients/webhook/{client.Id}",
            new() { ["Data.Url"] = url.ToString() });
        var html = await saved.Content.ReadAsStringAsync();
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, Forms.ErrorSummary(html));
        saved.Headers.CacheControl?.NoStore.ShouldBe(true);
        var key = WebhookKey().Match(html);
        key.Success.ShouldBeTrue("the page shows the signing key once");
        return (WebUtility.HtmlDecode(key.Groups[1].Value), await App.ApiClientAsync(client), administrator, client);
    }

    [GeneratedRegex("data-testid=\"new-webhook-key\">([^<]+)<")]
    private static partial Regex WebhookKey();
}
