using Microsoft.EntityFrameworkCore;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.Triage;

namespace ThresholdPortal.IntegrationTests.Pages.EarlyHelp;

public sealed class EarlyHelpDemoDataTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_demo_hub_has_a_coordinator_a_directory_and_work_at_every_stage()
    {
        await App.UseDemoDatabaseAsync();

        var coordinator = await App.ExecuteDbContextAsync(db => db.Users.AsNoTracking()
            .SingleAsync(u => u.Email == EarlyHelpDemoData.CoordinatorEmail));
        var roles = await App.ExecuteDbContextAsync(db => db.UserRoles.Where(r => r.UserId == coordinator.Id)
            .Select(r => db.Roles.Single(role => role.Id == r.RoleId).Name).ToListAsync());
        roles.ShouldBe([PortalRole.EarlyHelpCoordinator]);
        (await App.ExecuteDbContextAsync(db => db.LeadProfessionals.CountAsync())).ShouldBeGreaterThanOrEqualTo(5);

        var stages = await App.ExecuteDbContextAsync(db => db.EarlyHelpCases.AsNoTracking().Select(c => c.Status).Distinct().ToListAsync());
        stages.ShouldBe(Enum.GetValues<EarlyHelpCaseStatus>(), ignoreOrder: true);
        var steppedUp = await App.ExecuteDbContextAsync(db => db.EarlyHelpCases.AsNoTracking()
            .Where(c => c.Status == EarlyHelpCaseStatus.SteppedUp).Select(c => c.SteppedUpToCaseId!.Value).ToListAsync());
        var received = await App.ExecuteDbContextAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == CaseEvents.ReceivedFromEarlyHelp).Select(e => e.SubjectId).ToListAsync());
        steppedUp.ShouldAllBe(id => received.Contains(id.ToString()));
    }
}
