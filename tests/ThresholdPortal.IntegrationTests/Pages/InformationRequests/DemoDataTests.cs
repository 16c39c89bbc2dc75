using Microsoft.EntityFrameworkCore;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.InformationRequests;

namespace ThresholdPortal.IntegrationTests.Pages.InformationRequests;

public sealed class DemoDataTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_demo_police_responder_has_waiting_overdue_and_answered_requests_and_one_case_is_ready_for_decision()
    {
        await App.UseDemoDatabaseAsync();

        var now = TestClock.UtcNow;
        var police = await App.ExecuteDbContextAsync(db =>
            db.InformationRequests.AsNoTracking().Include(r => r.Responses).ThenInclude(r => r.Attachments).AsSplitQuery()
            .Where(r => db.Organisations.Any(o => o.Id == r.OrganisationId && o.Name == "Northshire Police")).ToListAsync());
        var statuses = police.Select(r => r.StatusAt(now)).ToList();
        statuses.ShouldContain(RequestStatus.Sent);
        statuses.ShouldContain(RequestStatus.Overdue);
        statuses.ShouldContain(RequestStatus.Answered);
        police.Single(r => r.State == RequestState.Answered).Responses.Single().Attachments.ShouldHaveSingleItem()
            .FileName.ShouldBe("police-chronology.pdf");
        police.Single(r => r.StatusAt(now) == RequestStatus.Overdue).ChasedAt.ShouldBeNull("the chaser finds it once the app runs");

        var readyCases = 0;
        foreach (var caseId in police.Select(r => r.CaseId).Distinct())
        {
            if ((await App.ExecuteDbContextAsync(db => CaseInformationChecks.ChecklistAsync(db, caseId, CancellationToken.None)))
                .IsReadyForDecision)
            {
                readyCases++;
            }
        }

        readyCases.ShouldBe(1);

        // The police responder signs in with the demo password and authenticator key (0103) and sees them.
        var client = await App.SignInAsync("police@example.org", DemoDataSeeder.DemoPassword, DemoDataSeeder.DemoAuthenticatorKey);
        var list = await client.GetStringAsync("/agency/requests");
        list.ShouldContain("1 request is overdue");
        await PortalApp.ShouldBeSignedInAsync(await App.SignInAsync(InformationRequestDemoData.SchoolResponderEmail,
            DemoDataSeeder.DemoPassword, DemoDataSeeder.DemoAuthenticatorKey));
    }
}
