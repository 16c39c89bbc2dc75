using Microsoft.EntityFrameworkCore;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Audits;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.Decisions;
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

    [Fact]
    public async Task A_sampled_case_shows_its_feedback_in_words_not_as_stored_codes()
    {
        await App.UseDemoDatabaseAsync();
        var sent = await App.ExecuteDbContextAsync(db => db.CaseAudits.AsNoTracking().SelectMany(a => a.Cases)
            .Join(db.MashCases, s => s.CaseId, c => c.Id, (s, c) => new { s.AuditId, s.CaseId, c.DecisionId })
            .Join(db.ReferrerFeedback.Where(f => f.SentAt != null), s => s.DecisionId, f => f.DecisionId,
                (s, f) => new { s.AuditId, s.CaseId, f.State, f.Method })
            .FirstAsync());

        var view = await App.SendAsync(new JudgeModel.Query(sent.AuditId, sent.CaseId));

        view!.Feedback.ShouldStartWith(FeedbackDisplay.State(sent.State) + ". Sent " + FeedbackDisplay.SentBy(sent.Method) + " on ");
        view.Feedback.ShouldNotContain(sent.Method.ToString(), Case.Sensitive);
    }
}
