using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.IntegrationTests.Infrastructure.Email;

/// <summary>
/// GOV.UK Notify's delivery receipts, posted as its callback documents them (docs/decisions/0111): only with the bearer
/// token, kept on the outbox row the reference names, the latest report winning, and shown and counted for administrators.
/// </summary>
public sealed class NotifyDeliveryReceiptTests(PortalApp app) : IntegrationTest(app)
{
    private const string Token = "receipts-token-4f1c2b";

    [Fact]
    public async Task A_receipt_needs_the_bearer_token_and_a_permanent_failure_is_kept_shown_and_counted()
    {
        var (failed, delivered) = (await SentMessageAsync("old.address@agency.test"), await SentMessageAsync("worker@agency.test"));
        await using var notify = App.WithWebHostBuilder(b => b.UseSetting("Email:Notify:CallbackBearerToken", Token));
        var client = notify.CreateClient();

        (await PostAsync(client, null, Receipt(failed, "permanent-failure", 10))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync(client, "wrong-token", Receipt(failed, "permanent-failure", 10))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await StatusOfAsync(failed)).ShouldBeNull("nothing is kept from a call without the token");

        (await PostAsync(client, Token, Receipt(failed, "permanent-failure", 10))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await PostAsync(client, Token, Receipt(delivered, "delivered", 5))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await PostAsync(client, Token, Receipt(failed, "delivered", 2))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await StatusOfAsync(failed)).ShouldBe(DeliveryStatus.PermanentFailure, "an older report does not overwrite a newer one");
        (await StatusOfAsync(delivered)).ShouldBe(DeliveryStatus.Delivered);
        (await PostAsync(client, Token, Receipt(Guid.CreateVersion7(), "delivered", 1))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await PostAsync(client, Token, Receipt(failed, "lost-in-the-post", 1))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync(client, Token, "{not json")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var page = MashTestData.Text(await admin.GetStringAsync("/admin/messages"));
        page.ShouldContain("Delivered 1");
        page.ShouldContain("Not delivered 1 (1 to an address that does not exist or refuses e-mail)");
        var problems = MashTestData.Text(await admin.GetStringAsync("/admin/messages?problems=true"));
        problems.ShouldContain("old.address@agency.test");
        problems.ShouldContain("Not delivered: the address does not exist or refuses e-mail");
        problems.ShouldNotContain("worker@agency.test");
    }

    [Fact]
    public async Task Without_a_configured_token_every_receipt_is_refused()
    {
        var message = await SentMessageAsync("worker@agency.test");
        var client = App.CreateClient();

        (await PostAsync(client, string.Empty, Receipt(message, "delivered", 1))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync(client, "anything", Receipt(message, "delivered", 1))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await StatusOfAsync(message)).ShouldBeNull();
    }

    /// <summary>Notify's callback body, as its documentation gives it, reporting on the message with the given reference.</summary>
    private static string Receipt(Guid messageId, string status, int minutesAfterStart) =>
        $$"""
        {
          "id": "{{Guid.NewGuid()}}",
          "reference": "{{messageId:N}}",
          "to": "someone@agency.test",
          "status": "{{status}}",
          "created_at": "{{TestClock.Start:O}}",
          "completed_at": "{{TestClock.Start.AddMinutes(minutesAfterStart):O}}",
          "sent_at": "{{TestClock.Start:O}}",
          "notification_type": "email",
          "template_id": "{{Guid.NewGuid()}}",
          "template_version": 1
        }
        """;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string? token, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, NotifyDeliveryReceipts.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request);
    }

    private async Task<Guid> SentMessageAsync(string recipient) => await App.ExecuteDbContextAsync(async db =>
    {
        new EmailOutbox(db, TestClock.Instance).Enqueue(recipient, EmailTemplate.PasswordReset, "/account/reset-password?token=secret");
        await db.SaveChangesAsync();
        var message = await db.OutboxMessages.SingleAsync(m => m.Recipient == recipient);
        message.MarkSent(TestClock.UtcNow);
        await db.SaveChangesAsync();
        return message.Id;
    });

    private Task<DeliveryStatus?> StatusOfAsync(Guid messageId) =>
        App.ExecuteDbContextAsync(db => db.OutboxMessages.Where(m => m.Id == messageId).Select(m => m.DeliveryStatus).SingleAsync());
}
