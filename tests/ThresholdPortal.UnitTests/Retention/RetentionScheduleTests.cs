using ThresholdPortal.Domain.Retention;

namespace ThresholdPortal.UnitTests.Retention;

public sealed class RetentionScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_defaults_are_a_valid_schedule_with_drafts_reminded_a_week_before_deletion()
    {
        var schedule = new RetentionSchedule();

        schedule.Problem().ShouldBeNull();
        schedule.DraftsUnchangedSince(Now).ShouldBe(Now.AddDays(-30));
        schedule.DraftsToRemindSince(Now).ShouldBe(Now.AddDays(-23));
        schedule.Describe()[0].ShouldBe(("Draft referrals, after their last change", "30 days (reminder 7 days before)"));
        schedule.Describe().ShouldContain(("Audit events", "6 years"));
    }

    [Theory]
    [InlineData(nameof(RetentionSchedule.AuditEventMonths), 11)]
    [InlineData(nameof(RetentionSchedule.ClosedStatutoryMonths), 11)]
    [InlineData(nameof(RetentionSchedule.InformationRequestMonths), 11)]
    [InlineData(nameof(RetentionSchedule.AttachmentMonths), 0)]
    [InlineData(nameof(RetentionSchedule.AccountMonths), RetentionSchedule.MostMonths + 1)]
    [InlineData(nameof(RetentionSchedule.OutboxMessageDays), 0)]
    [InlineData(nameof(RetentionSchedule.DraftReminderDays), 30)]
    public void A_period_out_of_its_range_is_refused(string period, int value)
    {
        var schedule = new RetentionSchedule();
        typeof(RetentionSchedule).GetProperty(period)!.SetValue(schedule, value);

        schedule.Problem().ShouldNotBeNull();
    }

    [Fact]
    public void A_copy_is_independent_of_its_original()
    {
        var original = new RetentionSchedule();
        var copy = original.Copy();
        copy.DraftReferralDays = 60;

        original.DraftReferralDays.ShouldBe(30);
        copy.Describe()[0].Period.ShouldBe("60 days (reminder 7 days before)");
    }
}
