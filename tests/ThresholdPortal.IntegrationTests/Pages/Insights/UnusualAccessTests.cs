using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ThresholdPortal.IntegrationTests.Pages.InformationRequests;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Features.Insights;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Auditing;

namespace ThresholdPortal.IntegrationTests.Pages.Insights;

/// <summary>The managers' unusual-access report over the real audit trail (issue 19).</summary>
public sealed class UnusualAccessTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_out_of_hours_view_an_agency_view_after_answering_and_exports_are_listed_and_an_ordinary_view_is_not()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        var requestId = await world.SendAsync(practitioner, "police", world.Police.Id);
        var police = await App.SignInAsync(InformationRequestWorld.PoliceEmail);
        await AgencyForms.AnswerAsync(police, requestId, summary: "One incident in 2025.");
        (await police.GetAsync($"/agency/requests/{requestId}")).EnsureSuccessStatusCode();
        (await practitioner.GetAsync($"/mash/cases/{world.CaseId}")).EnsureSuccessStatusCode();
        var (manager, _) = await ManagerAsync(world);
        (await manager.GetAsync("/insights/export/measures.csv")).EnsureSuccessStatusCode();
        // A view on a Saturday: the test clock's days are working days, so this one moment is written directly.
        await App.ExecuteDbContextAsync(async db =>
        {
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredAt = new DateTimeOffset(2026, 11, 7, 11, 0, 0, TimeSpan.Zero), UserId = world.Practitioner.Id,
                Action = CaseEvents.Viewed, SubjectType = CaseEvents.SubjectType, SubjectId = world.CaseId.ToString(),
            });
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredAt = TestClock.UtcNow.AddHours(-1), UserId = world.Practitioner.Id, Action = SubjectAccessEvents.Exported,
                SubjectType = SubjectAccessEvents.SubjectType, SubjectId = "ReferralChild:" + Guid.NewGuid(),
                Detail = "2 referrals, 0 third parties marked",
            });
            await db.SaveChangesAsync();
        });

        var page = WebUtility.HtmlDecode(await manager.GetStringAsync("/insights/unusual-access?days=30"));

        var rows = page.Split("<tr class=\"govuk-table__row\">").Skip(2).ToList();
        rows.Count.ShouldBe(4, page);
        rows.ShouldContain(r => r.Contains("Exported a subject access bundle (2 referrals, 0 third parties marked)"));
        rows.ShouldContain(r => r.Contains("Exported") && r.Contains("Export of cases by child"));
        rows.ShouldContain(r => r.Contains("Opened an information request") && r.Contains("Opened by the agency after it had answered")
            && r.Contains(world.Reference) && r.Contains($"/mash/cases/{world.CaseId}/access-log"));
        rows.ShouldContain(r => r.Contains("7 Nov 2026") && r.Contains("Out of office hours") && r.Contains(world.Practitioner.FullName));
        (await manager.GetStringAsync("/insights/unusual-access?days=7")).ShouldNotContain("7 Nov 2026", Case.Sensitive,
            "the Saturday view is older than a week");
    }

    [Fact]
    public async Task Only_mash_managers_see_the_report()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);

        var refused = await practitioner.GetAsync("/insights/unusual-access");

        refused.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        var (manager, _) = await ManagerAsync(world);
        (await manager.GetStringAsync("/insights")).ShouldContain("/insights/unusual-access");
    }

    [Fact]
    public async Task The_alert_emails_each_manager_once_for_accesses_not_alerted_before_and_holds_no_details()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var (_, manager) = await ManagerAsync(world);
        var alerter = App.Services.GetRequiredService<UnusualAccessAlerter>();
        (await alerter.AlertAsync(CancellationToken.None)).ShouldBe(0, "nothing unusual yet");

        await NightViewAsync(world, TestClock.UtcNow.Date.AddHours(2));
        (await alerter.AlertAsync(CancellationToken.None)).ShouldBe(1);
        (await alerter.AlertAsync(CancellationToken.None)).ShouldBe(0, "an access is alerted once");
        await NightViewAsync(world, TestClock.UtcNow.Date.AddHours(3));
        (await alerter.AlertAsync(CancellationToken.None)).ShouldBe(1);

        var sent = await App.ExecuteDbContextAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Template == EmailTemplate.UnusualAccess.Name).ToListAsync());
        sent.Count.ShouldBe(2);
        sent.ShouldAllBe(m => m.Recipient == manager && m.Link == InsightsRoutes.UnusualAccess);
        EmailTemplate.UnusualAccess.RenderBody(new Uri("https://portal.test/insights/unusual-access"))
            .ShouldNotContain(world.Practitioner.FullName);
        (await App.AuditAsync()).Where(e => e.Action == InsightsEvents.UnusualAccessAlerted).Select(e => e.Detail)
            .ShouldBe(["1 unusual access(es); 1 manager(s) e-mailed", "1 unusual access(es); 1 manager(s) e-mailed"]);
    }

    [Fact]
    public async Task A_round_on_another_instance_holding_the_lock_alerts_nothing()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        await ManagerAsync(world);
        await NightViewAsync(world, TestClock.UtcNow.Date.AddHours(2));
        await using var other = new NpgsqlConnection(App.ConnectionString);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({UnusualAccessAlerter.LockKey})", other))
        {
            await take.ExecuteScalarAsync();
        }

        (await App.Services.GetRequiredService<UnusualAccessAlerter>().AlertAsync(CancellationToken.None)).ShouldBe(0);
        await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", other))
        {
            await release.ExecuteScalarAsync();
        }

        (await App.Services.GetRequiredService<UnusualAccessAlerter>().AlertAsync(CancellationToken.None)).ShouldBe(1);
    }

    // A case view in the small hours (UTC, so out of office hours in London whatever the season).
    private Task NightViewAsync(InformationRequestWorld world, DateTime at) => App.ExecuteDbContextAsync(async db =>
    {
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)), UserId = world.Practitioner.Id,
            Action = CaseEvents.Viewed, SubjectType = CaseEvents.SubjectType, SubjectId = world.CaseId.ToString(),
        });
        await db.SaveChangesAsync();
    });

    private async Task<(HttpClient Client, string Email)> ManagerAsync(InformationRequestWorld world)
    {
        const string email = "morgan@mash.test";
        await App.CreateUserAsync(email, world.Mash, ThresholdPortal.Domain.Accounts.PortalRole.MashManager);
        return (await App.SignInAsync(email), email);
    }
}
