using Microsoft.EntityFrameworkCore;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.Triage;

namespace ThresholdPortal.IntegrationTests.Pages.Mash;

public sealed class DemoDataTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_demo_queue_looks_like_a_working_day_and_holds_the_misspelled_match_waiting_to_be_found()
    {
        await App.UseDemoDatabaseAsync();

        var now = TestClock.UtcNow;
        var cases = await App.ExecuteDbContextAsync(db => db.MashCases.AsNoTracking().ToListAsync());
        var open = cases.Where(c => c.IsOpen).ToList();
        open.Count.ShouldBeGreaterThanOrEqualTo(80);
        open.Select(c => c.Status).Distinct().Count().ShouldBe(MashCaseStatusExtensions.Open.Count);
        open.Where(c => c.Rating is not null).Select(c => c.Rating).Distinct().Count().ShouldBe(4);
        open.ShouldContain(c => c.Rating == null);
        open.ShouldContain(c => c.DecisionDueAt < now);
        open.ShouldContain(c => c.DecisionDueAt > now);
        open.ShouldContain(c => c.AssignedToUserId == null);
        open.ShouldContain(c => c.Channel == ContactChannel.Phone);
        open.ShouldContain(c => (c.Flags & CaseFlags.ReReferral) != 0);
        cases.ShouldContain(c => !c.IsOpen);

        // Every received MASH referral has its case, including those another feature's demo data sent.
        (await App.ExecuteDbContextAsync(db => db.Referrals.CountAsync(r =>
            r.Status == ReferralStatus.Submitted && r.Kind == ReferralKind.MashReferral && !db.MashCases.Any(c => c.ReferralId == r.Id))))
                .ShouldBe(0);

        var jaydon = await App.ExecuteDbContextAsync(db =>
            db.Persons.SingleAsync(p =>
            p.GivenName == MashDemoData.MisspelledGivenName && p.FamilyName == MashDemoData.MisspelledFamilyName));
        jaydon.DateOfBirth.ShouldBe(MashDemoData.JaydenBorn);
        var waiting = await App.ExecuteDbContextAsync(db => db.MashCases
            .Where(c => c.Status != MashCaseStatus.Decided)
            .Where(c =>
                db.ReferralChildren.Any(ch => ch.ReferralId == c.ReferralId && ch.GivenName == "Jayden" && ch.FamilyName == "Clarke"))
            .SingleAsync());
        (await App.ExecuteDbContextAsync(db => db.PersonLinks.CountAsync(l => l.CaseId == waiting.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Every_demo_step_down_has_its_step_down_row_and_every_statutory_decision_its_hand_over()
    {
        await App.UseDemoDatabaseAsync();

        var decided = await App.ExecuteDbContextAsync(db => db.MashCases.AsNoTracking()
            .Where(c => c.Status == MashCaseStatus.Decided && c.Outcome != null).Select(c => new { c.Id, Outcome = c.Outcome!.Value })
                .ToListAsync());
        var stepDowns = decided.Where(c => c.Outcome == DecisionOutcome.StepDownToEarlyHelp).Select(c => c.Id).ToList();
        var statutory = decided.Where(c => c.Outcome.IsStatutory()).Select(c => c.Id).ToList();
        stepDowns.ShouldNotBeEmpty();
        statutory.ShouldNotBeEmpty();

        var rows = await App.ExecuteDbContextAsync(db => db.EarlyHelpStepDowns.AsNoTracking().Select(s => s.CaseId).ToListAsync());
        stepDowns.ShouldAllBe(id => rows.Contains(id));
        var handedOver = await App.ExecuteDbContextAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == CaseEvents.HandedOver && e.SubjectType == CaseEvents.SubjectType).Select(e => e.SubjectId)
                .ToListAsync());
        statutory.ShouldAllBe(id => handedOver.Contains(id.ToString()));
    }
}
