using System.Net;
using ThresholdPortal.IntegrationTests.Pages.InformationRequests;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;

namespace ThresholdPortal.IntegrationTests.Pages.Insights;

/// <summary>The managers' unusual-access report over the real audit trail (issue 19).</summary>
public sealed class UnusualAccessTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_out_of_hours_view_an_agency_view_after_answering_and_an_export_are_listed_and_an_ordinary_view_is_not()
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
            await db.SaveChangesAsync();
        });

        var page = WebUtility.HtmlDecode(await manager.GetStringAsync("/insights/unusual-access?days=30"));

        var rows = page.Split("<tr class=\"govuk-table__row\">").Skip(2).ToList();
        rows.Count.ShouldBe(3, page);
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

    private async Task<(HttpClient Client, string Email)> ManagerAsync(InformationRequestWorld world)
    {
        const string email = "morgan@mash.test";
        await App.CreateUserAsync(email, world.Mash, ThresholdPortal.Domain.Accounts.PortalRole.MashManager);
        return (await App.SignInAsync(email), email);
    }
}
