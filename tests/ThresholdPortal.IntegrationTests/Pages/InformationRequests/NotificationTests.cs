using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Infrastructure.BackgroundJobs;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.IntegrationTests.Pages.InformationRequests;

/// <summary>
/// The e-mails about requests, through the real outbox to a real SMTP server on loopback (aiosmtpd), with
/// dispatchers and chasers as each app instance runs them.
/// </summary>
public sealed class NotificationTests(PortalApp app) : IntegrationTest(app), IAsyncLifetime
{
    private LoopbackSmtpServer smtp = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        smtp = LoopbackSmtpServer.OnFreePort();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await smtp.DisposeAsync();
        await DisposeAsync();
    }

    [Fact]
    public async Task The_new_request_email_is_delivered_exactly_once_with_two_dispatchers_and_carries_no_childs_details()
    {
        await smtp.StartAsync();
        var world = await InformationRequestWorld.CreateAsync(App);
        var requestId = await world.SendAsync(await App.SignInAsync(InformationRequestWorld.PractitionerEmail), "police", world.Police.Id);

        var sentByEach = await Task.WhenAll(DrainAsync(Dispatcher()), DrainAsync(Dispatcher()));

        sentByEach.Sum().ShouldBe(2, "one message for each of the two police responders");
        // Both drains have returned, and the server replies only once a message is in the drop folder: the
        // folder is final, so exactly two here means no duplicate.
        var received = smtp.Messages();
        received.Select(m => m.To.Mailboxes.Single().Address).Order()
            .ShouldBe([InformationRequestWorld.SecondPoliceEmail, InformationRequestWorld.PoliceEmail]);
        foreach (var message in received)
        {
            message.Subject.ShouldBe("A new information request for your organisation");
            var body = message.TextBody!;
            body.ShouldContain($"http://localhost/agency/requests/{requestId}");
            body.ShouldNotContain("Jayden");
            body.ShouldNotContain("Clarke");
            body.ShouldNotContain(world.Reference);
        }

        (await App.OutboxAsync()).ShouldAllBe(m => m.SentAt != null && m.Attempts == 1);
    }

    [Fact]
    public async Task The_new_request_email_waits_while_the_smtp_server_is_down_and_is_delivered_once_it_returns()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        await App.CreateUserAsync("only@school-responder.test", world.School, Domain.Accounts.PortalRole.AgencyResponder);
        await App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "AspNetUsers" SET "IsActive" = false WHERE "Email" = {InformationRequestWorld.SchoolEmail}"""));
        var requestId = await world.SendAsync(await App.SignInAsync(InformationRequestWorld.PractitionerEmail), "school", world.School.Id);
        var dispatcher = Dispatcher(TimeSpan.FromMilliseconds(300));
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.HoldsAsync(async () => (await App.OutboxAsync()).Single().Attempts >= 2);
            var waiting = (await App.OutboxAsync()).Single();
            waiting.SentAt.ShouldBeNull();
            waiting.GaveUpAt.ShouldBeNull();
            waiting.LastError.ShouldNotBeNullOrEmpty();
            smtp.Messages().ShouldBeEmpty();

            await smtp.StartAsync();

            await Eventually.HoldsAsync(async () => (await App.OutboxAsync()).Single().SentAt is not null);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }

        // The dispatcher has stopped, so any second send would already be in the drop folder.
        var delivered = smtp.Messages().ShouldHaveSingleItem();
        delivered.To.Mailboxes.Single().Address.ShouldBe("only@school-responder.test");
        delivered.TextBody!.ShouldContain($"/agency/requests/{requestId}");
    }

    [Fact]
    public async Task An_overdue_request_is_chased_once_even_with_two_chasers_and_the_chase_is_delivered_once()
    {
        await smtp.StartAsync();
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        var overdue = await world.SendAsync(practitioner, "police", world.Police.Id);
        var notDue = await world.SendAsync(practitioner, "police", world.Police.Id);
        var answered = await world.SendAsync(practitioner, "school", world.School.Id);
        await AgencyForms.AnswerAsync(await App.SignInAsync(InformationRequestWorld.SchoolEmail), answered);
        var past = TestClock.UtcNow.AddHours(-3);
        await App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "InformationRequests" SET "DueAt" = {past} WHERE "Id" = {overdue} OR "Id" = {answered}"""));
        await DrainAsync(Dispatcher());
        var newRequestEmails = smtp.Messages().Count;

        var chasedByEach = await Task.WhenAll(Chaser().ChaseDueAsync(CancellationToken.None),
            Chaser().ChaseDueAsync(CancellationToken.None));
        var again = await Chaser().ChaseDueAsync(CancellationToken.None);

        chasedByEach.Sum().ShouldBe(1);
        again.ShouldBe(0);
        var chased = await world.RequestAsync(overdue);
        chased.ChasedAt.ShouldNotBeNull();
        (await world.RequestAsync(notDue)).ChasedAt.ShouldBeNull();
        (await world.RequestAsync(answered)).ChasedAt.ShouldBeNull();
        var chaseEmails = (await App.OutboxAsync()).Where(m => m.Template == EmailTemplate.InformationRequestOverdue.Name).ToList();
        chaseEmails.Select(m => m.Recipient).Order()
            .ShouldBe([InformationRequestWorld.SecondPoliceEmail, InformationRequestWorld.PoliceEmail]);
        chaseEmails.ShouldAllBe(m => m.Link == $"/agency/requests/{overdue}");
        var events = (await App.AuditAsync()).Where(e => e.Action == InformationRequestEvents.Chased).ToList();
        events.ShouldHaveSingleItem().SubjectId.ShouldBe(world.CaseId.ToString());
        events[0].UserId.ShouldBeNull("the system chased it");

        await Task.WhenAll(DrainAsync(Dispatcher()), DrainAsync(Dispatcher()));
        // The drains have returned, so the drop folder is final: exactly the two chases, nothing more.
        smtp.Messages().Count.ShouldBe(newRequestEmails + 2);
        var overdueMessages = smtp.Messages().Where(m => m.Subject == "An information request is overdue").ToList();
        overdueMessages.Count.ShouldBe(2);
        (await practitioner.GetStringAsync(world.Checklist)).ShouldContain("Chased by e-mail");
        (await world.RequestAsync(overdue)).StatusAt(TestClock.UtcNow).ShouldBe(RequestStatus.Overdue);
    }

    private OverdueRequestChaser Chaser() => new(
        App.Services.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(new InformationRequestOptions { Chaser = new OverdueChaserOptions { Enabled = true, BatchSize = 100 } }),
        TestClock.Instance,
        App.Services.GetRequiredService<ILogger<OverdueRequestChaser>>());

    private OutboxDispatcher Dispatcher(TimeSpan? retryBaseDelay = null) => LoopbackDispatch.Dispatcher(App, smtp, retryBaseDelay);

    private static Task<int> DrainAsync(OutboxDispatcher dispatcher) => LoopbackDispatch.DrainAsync(dispatcher);
}
