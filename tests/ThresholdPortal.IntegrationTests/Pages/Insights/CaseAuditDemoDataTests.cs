using Microsoft.EntityFrameworkCore;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Audits;
using ThresholdPortal.IntegrationTests.Infrastructure;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Pages.Insights.Audits;

namespace ThresholdPortal.IntegrationTests.Pages.Insights;

public sealed class CaseAuditDemoDataTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_demo_auditor_has_two_factor_on_and_a_part_judged_audit()
    {
        await App.UseDemoDatabaseAsync();

        var audit = await App.ExecuteDbContextAsync(db => db.CaseAudits.AsNoTracking().Include(a => a.Cases).SingleAsync());
        audit.Seed.ShouldBe(CaseAuditDemoData.DemoSeed);
        audit.Cases.Count.ShouldBeGreaterThan(4);
        audit.Cases.Count(c => c.IsJudged).ShouldBeInRange(1, audit.Cases.Count - 1);
        var auditor = await App.ExecuteDbContextAsync(db => db.Users.SingleAsync(u => u.Email == CaseAuditDemoData.AuditorEmail));
        auditor.TwoFactorEnabled.ShouldBeTrue();
        (await App.ExecuteDbContextAsync(db =>
            db.UserRoles.AnyAsync(r => r.UserId == auditor.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == PortalRole.Auditor))))
            .ShouldBeTrue();

        var report = await App.SendAsync(new ReportModel.Query(audit.Id));
        report!.Judged.ShouldBe(audit.Cases.Count(c => c.IsJudged));
        report.Sections[0].Measures.Single(m => m.Name == AuditReport.Agreement).Denominator.ShouldBe(report.Judged);
    }
}
