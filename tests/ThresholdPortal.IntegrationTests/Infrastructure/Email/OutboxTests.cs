using Microsoft.EntityFrameworkCore;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.IntegrationTests.Infrastructure.Email;

/// <summary>The outbox against a real SMTP server on loopback (aiosmtpd), with dispatchers as each app instance runs them.</summary>
public sealed class OutboxTests(PortalApp app) : MailIntegrationTest(app)
{
    [Fact]
    public async Task Two_dispatchers_deliver_each_message_exactly_once()
    {
        await Smtp.StartAsync();
        const int count = 40;
        await EnqueueAsync(count);
        var first = Dispatcher();
        var second = Dispatcher();

        // Both run flat out at once, as two app instances would, until nothing is left to send.
        var sentByEach = await Task.WhenAll(DrainAsync(first), DrainAsync(second));

        // Both drains have returned, so every send has had the server's reply, which comes only after the
        // message is in the drop folder: the folder is final, and a duplicate would already be in it.
        var received = Smtp.Messages();
        received.Count.ShouldBe(count);
        received.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count().ShouldBe(count);
        received.Select(m => m.MessageId).Distinct().Count().ShouldBe(count);
        sentByEach.Sum().ShouldBe(count);
        sentByEach.ShouldAllBe(sent => sent > 0, "both dispatchers should have taken a share of the work");
        var outbox = await App.OutboxAsync();
        outbox.ShouldAllBe(m => m.SentAt != null && m.Attempts == 1 && m.Link == null);
    }

    [Fact]
    public async Task A_message_waits_while_the_smtp_server_is_down_and_is_delivered_once_it_returns()
    {
        await EnqueueAsync(1);
        var dispatcher = Dispatcher(pollInterval: TimeSpan.FromMilliseconds(100), retryBaseDelay: TimeSpan.FromMilliseconds(300));
        using var stopping = new CancellationTokenSource();
        await dispatcher.StartAsync(stopping.Token);
        try
        {
            // The server is down: attempts fail, the message stays queued with its link, nothing is lost.
            await Eventually.HoldsAsync(async () => (await App.OutboxAsync()).Single().Attempts >= 2);
            var waiting = (await App.OutboxAsync()).Single();
            waiting.SentAt.ShouldBeNull();
            waiting.GaveUpAt.ShouldBeNull();
            waiting.Link.ShouldNotBeNull();
            waiting.LastError.ShouldNotBeNullOrEmpty();
            waiting.NextAttemptAt.ShouldBeGreaterThan(waiting.CreatedAt);

            await Smtp.StartAsync();

            await Eventually.HoldsAsync(async () => (await App.OutboxAsync()).Single().SentAt is not null);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }

        // The dispatcher has stopped, so any second send would already be in the drop folder.
        var delivered = Smtp.Messages().ShouldHaveSingleItem();
        delivered.To.Mailboxes.Single().Address.ShouldBe("person0@agency.test");
        delivered.Subject.ShouldBe(EmailTemplate.PasswordReset.Subject);
        delivered.TextBody!.ShouldContain("http://localhost/account/reset-password?token=secret-0");
        var sent = (await App.OutboxAsync()).Single();
        sent.Attempts.ShouldBeGreaterThanOrEqualTo(3);
        sent.Link.ShouldBeNull("a link with a token should not outlive its e-mail");
    }

    [Fact]
    public async Task After_the_smtp_server_returns_one_success_releases_the_whole_backlog_oldest_first()
    {
        // The server is down: each queued message fails once and waits out a back-off of five minutes.
        for (var i = 0; i < 3; i++)
        {
            await EnqueueOneAsync($"waiting{i}@agency.test");
        }

        var dispatcher = Dispatcher(retryBaseDelay: TimeSpan.FromMinutes(5));
        for (var i = 0; i < 3; i++)
        {
            (await dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(0);
        }

        var backlog = await App.OutboxAsync();
        backlog.ShouldAllBe(m => m.Attempts == 1 && m.SentAt == null && m.NextAttemptAt > TestClock.UtcNow.AddMinutes(4));

        // The server returns; a new message is the first to go through, and proves it.
        await Smtp.StartAsync();
        await EnqueueOneAsync("new@agency.test");

        (await dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(4, "one round sends the new message and the whole backlog");

        Smtp.Messages().Select(m => m.To.Mailboxes.Single().Address)
            .ShouldBe(["new@agency.test", "waiting0@agency.test", "waiting1@agency.test", "waiting2@agency.test"]);
        var sent = await App.OutboxAsync();
        sent.ShouldAllBe(m => m.SentAt != null);
        sent.Where(m => m.Recipient.StartsWith("waiting", StringComparison.Ordinal))
            .ShouldAllBe(m => m.Attempts == 2 && m.SentAt < backlog[0].NextAttemptAt, "well before the back-off would have ended");
    }

    [Fact]
    public async Task A_message_queued_in_a_transaction_that_rolls_back_is_never_sent()
    {
        await Smtp.StartAsync();
        await App.ExecuteDbContextAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            new EmailOutbox(db, TestClock.Instance)
                .Enqueue("someone@agency.test", EmailTemplate.PasswordReset, "/account/reset-password?token=x");
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });

        (await Dispatcher().DispatchDueAsync(CancellationToken.None)).ShouldBe(0);
        (await App.OutboxAsync()).ShouldBeEmpty();
        Smtp.Messages().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_message_is_given_up_after_the_last_attempt()
    {
        await EnqueueAsync(1);
        var dispatcher = Dispatcher(retryBaseDelay: TimeSpan.FromMilliseconds(1), maxAttempts: 2);

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        await Task.Delay(20);
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        await Smtp.StartAsync();
        await Task.Delay(20);
        (await dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(0);

        var message = (await App.OutboxAsync()).Single();
        message.Attempts.ShouldBe(2);
        message.GaveUpAt.ShouldNotBeNull();
        message.SentAt.ShouldBeNull();
        message.Link.ShouldBeNull();
        Smtp.Messages().ShouldBeEmpty();
    }

    /// <summary>One message, queued a moment after the one before, so "oldest first" has a single answer.</summary>
    private async Task EnqueueOneAsync(string recipient)
    {
        await Task.Delay(5);
        await App.ExecuteDbContextAsync(async db =>
        {
            new EmailOutbox(db, TestClock.Instance).Enqueue(recipient, EmailTemplate.PasswordReset, "/account/reset-password?token=t");
            await db.SaveChangesAsync();
        });
    }

    private async Task EnqueueAsync(int count) =>
        await App.ExecuteDbContextAsync(async db =>
        {
            var outbox = new EmailOutbox(db, TestClock.Instance);
            for (var i = 0; i < count; i++)
            {
                outbox.Enqueue($"person{i}@agency.test", EmailTemplate.PasswordReset, $"/account/reset-password?token=secret-{i}");
            }

            await db.SaveChangesAsync();
        });
}
