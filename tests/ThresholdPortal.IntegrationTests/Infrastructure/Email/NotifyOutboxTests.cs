using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.IntegrationTests.Infrastructure.Email;

/// <summary>The outbox delivering through GOV.UK Notify, against the Notify contract fake on loopback (docs/decisions/0110).</summary>
public sealed class NotifyOutboxTests(PortalApp app) : IntegrationTest(app), IAsyncLifetime
{
    private static readonly Guid PasswordResetTemplate = Guid.Parse("0b3b1d59-2f54-4b4a-9c39-1f0f2c6a7e01");

    private NotifyContractFake notify = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        notify = await NotifyContractFake.StartAsync(TestClock.Instance);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await notify.DisposeAsync();
        await DisposeAsync();
    }

    [Fact]
    public async Task A_message_goes_to_notify_with_its_template_the_emails_content_and_the_outbox_row_as_reference()
    {
        await EnqueueAsync("worker@agency.test");

        (await Dispatcher().DispatchDueAsync(CancellationToken.None)).ShouldBe(1);

        var row = (await App.OutboxAsync()).Single();
        row.SentAt.ShouldNotBeNull();
        row.Link.ShouldBeNull();
        var sent = notify.Emails.ShouldHaveSingleItem();
        sent.EmailAddress.ShouldBe("worker@agency.test");
        sent.TemplateId.ShouldBe(PasswordResetTemplate);
        sent.Reference.ShouldBe(row.Id.ToString("N"));
        sent.Personalisation["subject"].ShouldBe(EmailTemplate.PasswordReset.Subject);
        sent.Personalisation["link"].ShouldBe("http://localhost/account/reset-password?token=secret");
        sent.Personalisation["body"].ShouldBe(
            EmailTemplate.PasswordReset.RenderBody(new Uri("http://localhost/account/reset-password?token=secret")));
    }

    [Fact]
    public async Task A_400_from_notify_gives_the_message_up_at_once_and_it_is_never_sent_again()
    {
        await EnqueueAsync("worker@agency.test");
        notify.RefuseNext(400);
        var dispatcher = Dispatcher(retryBaseDelay: TimeSpan.FromMilliseconds(1));

        (await dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(0);
        await Task.Delay(20);
        (await dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(0);

        var row = (await App.OutboxAsync()).Single();
        row.GaveUpAt.ShouldNotBeNull();
        row.SentAt.ShouldBeNull();
        row.Link.ShouldBeNull();
        row.LastError.ShouldBe("Notify 400: BadRequestError: Can't send to this recipient using a team-only API key");
        notify.Requests.ShouldBe(1);
        notify.Emails.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_429_from_notify_is_retried_after_a_back_off_and_the_message_is_sent_once()
    {
        await EnqueueAsync("worker@agency.test");
        notify.RefuseNext(429);
        var dispatcher = Dispatcher(retryBaseDelay: TimeSpan.FromMilliseconds(200));

        (await dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(0);
        var waiting = (await App.OutboxAsync()).Single();
        waiting.GaveUpAt.ShouldBeNull();
        waiting.Attempts.ShouldBe(1);
        waiting.LastError!.ShouldContain("RateLimitError");
        waiting.NextAttemptAt.ShouldBeGreaterThan(waiting.CreatedAt);

        await Eventually.HoldsAsync(async () => await dispatcher.DispatchDueAsync(CancellationToken.None) == 1);

        notify.Emails.ShouldHaveSingleItem().Reference.ShouldBe(waiting.Id.ToString("N"));
        (await App.OutboxAsync()).Single().SentAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_retry_after_notify_took_the_message_but_the_answer_was_lost_does_not_send_it_twice()
    {
        await EnqueueAsync("worker@agency.test");
        // The first attempt reached Notify and was accepted; the portal saw only a failure (as after a timeout).
        var row = (await App.OutboxAsync()).Single();
        await App.ExecuteDbContextAsync(async db =>
        {
            var message = await db.OutboxMessages.FindAsync(row.Id);
            message!.RecordFailure(TestClock.Instance.GetUtcNow().AddMinutes(-1), "TaskCanceledException: timed out",
                new OutboxRetryPolicy(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), 20));
            await db.SaveChangesAsync();
        });
        (await App.OutboxAsync()).Single().Attempts.ShouldBe(1);
        using var http = new HttpClient { BaseAddress = notify.BaseUrl };
        await new NotifyClient(http, NotifyKey.Parse(NotifyContractFake.ApiKey)!, TestClock.Instance).SendEmailAsync(row.Recipient,
            PasswordResetTemplate, new Dictionary<string, string>(), NotifyChannel.Reference(row), CancellationToken.None);

        (await Dispatcher().DispatchDueAsync(CancellationToken.None)).ShouldBe(1);

        notify.Emails.ShouldHaveSingleItem();
        (await App.OutboxAsync()).Single().SentAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_token_signed_with_the_wrong_secret_is_refused_by_the_fake_as_notify_refuses_it()
    {
        var wrongKey = new NotifyKey(NotifyContractFake.ServiceId, Guid.NewGuid().ToString());
        using var http = new HttpClient { BaseAddress = notify.BaseUrl };
        var client = new NotifyClient(http, wrongKey, TestClock.Instance);

        var refused = await Should.ThrowAsync<HttpRequestException>(() => client.SendEmailAsync("worker@agency.test",
            PasswordResetTemplate, new Dictionary<string, string>(), "ref", CancellationToken.None));

        // Not a PermanentDeliveryFailureException: a wrong key is fixed in the settings, and the messages wait for it.
        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        refused.Message.ShouldBe("Notify 403: AuthError: Invalid token: signature, api token not found");
        notify.Emails.ShouldBeEmpty();
    }

    [Fact]
    public void The_personalisation_of_every_template_is_its_fixed_text_and_the_link_and_nothing_else()
    {
        var link = new Uri("http://localhost/cases/0193a1b2-0000-7000-8000-000000000001");
        foreach (var template in EmailTemplate.All)
        {
            var personalisation = NotifyChannel.Personalisation(template, link);

            personalisation.Keys.Order().ShouldBe(["body", "link", "subject"]);
            personalisation["body"].ShouldBe(template.RenderBody(link));
            // The only variable part is the link: the rest is the template's fixed text, which names no child.
            personalisation["body"].Replace(link.AbsoluteUri, string.Empty, StringComparison.Ordinal)
                .ShouldBe(template.RenderBody(new Uri("http://x/")).Replace("http://x/", string.Empty, StringComparison.Ordinal));
        }
    }

    private EmailOptions NotifyOptions(TimeSpan? retryBaseDelay = null)
    {
        var configured = App.Services.GetRequiredService<IOptions<EmailOptions>>().Value;
        return new EmailOptions
        {
            Mode = EmailDeliveryMode.Notify,
            FromAddress = configured.FromAddress,
            PublicBaseUrl = configured.PublicBaseUrl,
            Notify = new NotifyOptions
            {
                BaseUrl = notify.BaseUrl,
                ApiKey = NotifyContractFake.ApiKey,
                Templates = new() { [EmailTemplate.PasswordReset.Name] = PasswordResetTemplate },
                Timeout = TimeSpan.FromSeconds(5),
            },
            Dispatcher = new OutboxDispatcherOptions
            {
                BatchSize = 1000,
                RetryBaseDelay = retryBaseDelay ?? TimeSpan.FromSeconds(30),
                RetryMaxDelay = TimeSpan.FromMinutes(5),
            },
        };
    }

    private OutboxDispatcher Dispatcher(TimeSpan? retryBaseDelay = null) => new(
        App.Services.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(NotifyOptions(retryBaseDelay)),
        App.Services.GetRequiredService<IHostEnvironment>(),
        TestClock.Instance,
        App.Services.GetRequiredService<ILogger<OutboxDispatcher>>());

    private Task EnqueueAsync(string recipient) =>
        App.ExecuteDbContextAsync(async db =>
        {
            new EmailOutbox(db, TestClock.Instance).Enqueue(recipient, EmailTemplate.PasswordReset, "/account/reset-password?token=secret");
            await db.SaveChangesAsync();
        });
}
