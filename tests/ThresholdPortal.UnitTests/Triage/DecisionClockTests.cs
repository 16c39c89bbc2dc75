using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.UnitTests.Triage;

public sealed class DecisionClockTests
{
    // Monday 25 and Tuesday 26 May 2026: Spring bank holiday is Monday 25 May.
    private static readonly DateOnly SpringBankHoliday = new(2026, 5, 25);
    private static readonly WorkingCalendar Calendar = WorkingCalendar.UkOffice([SpringBankHoliday]);
    private static readonly DecisionClock Clock = new(Calendar, DecisionTimescales.Default);

    /// <summary>A local UK time in summer (BST, UTC+1) or winter (GMT).</summary>
    private static DateTimeOffset Uk(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, Calendar.TimeZone.GetUtcOffset(local));
    }

    [Fact]
    public void Amber_received_on_a_monday_morning_is_due_three_working_days_later()
    {
        // 24 working hours at 8 hours a day: Monday 10:00 + 3 days = Thursday 10:00.
        Clock.DeadlineFor(Uk(2026, 11, 23, 10), BragRating.Amber).ShouldBe(Uk(2026, 11, 26, 10));
    }

    [Fact]
    public void Red_in_working_hours_counts_four_working_hours_across_the_end_of_the_day()
    {
        // Wednesday 15:00: two hours left today, two more from 09:00 Thursday.
        Clock.DeadlineFor(Uk(2026, 11, 25, 15), BragRating.Red).ShouldBe(Uk(2026, 11, 26, 11));
    }

    [Fact]
    public void Red_received_out_of_hours_is_worked_around_the_clock()
    {
        // Friday 22:30: the out-of-hours team works it; due at 02:30 Saturday, not Monday.
        Clock.DeadlineFor(Uk(2026, 11, 27, 22, 30), BragRating.Red).ShouldBe(Uk(2026, 11, 28, 2, 30));
    }

    [Fact]
    public void Red_out_of_hours_can_be_configured_to_wait_for_working_hours()
    {
        var clock = new DecisionClock(Calendar, DecisionTimescales.Default with { RedWorkedOutOfHours = false });

        clock.DeadlineFor(Uk(2026, 11, 27, 22, 30), BragRating.Red).ShouldBe(Uk(2026, 11, 30, 13));
    }

    [Fact]
    public void Amber_received_on_friday_afternoon_skips_the_weekend()
    {
        // Friday 16:00: 1 hour Friday, 8 Monday, 8 Tuesday, 7 Wednesday -> Wednesday 16:00.
        Clock.DeadlineFor(Uk(2026, 11, 27, 16), BragRating.Amber).ShouldBe(Uk(2026, 12, 2, 16));
    }

    [Fact]
    public void Amber_skips_a_bank_holiday()
    {
        // Friday 22 May 2026 12:00: 5 hours Friday, Monday is a bank holiday, 8 Tuesday, 8 Wednesday, 3 Thursday.
        Clock.DeadlineFor(Uk(2026, 5, 22, 12), BragRating.Amber).ShouldBe(Uk(2026, 5, 28, 12));
    }

    [Fact]
    public void Green_counts_seventy_two_clock_hours_by_default()
    {
        Clock.DeadlineFor(Uk(2026, 11, 27, 16), BragRating.Green).ShouldBe(Uk(2026, 11, 30, 16));
    }

    [Fact]
    public void Blue_has_no_target()
    {
        Clock.DeadlineFor(Uk(2026, 11, 23, 10), BragRating.Blue).ShouldBeNull();
    }

    [Fact]
    public void Unrated_referral_is_due_within_one_working_day()
    {
        // Saturday morning: the clock starts Monday 09:00, one working day later is Monday 17:00.
        Clock.DeadlineFor(Uk(2026, 11, 28, 9), null).ShouldBe(Uk(2026, 11, 30, 17));
        Clock.DeadlineFor(Uk(2026, 11, 24, 14), null).ShouldBe(Uk(2026, 11, 25, 14));
    }

    [Fact]
    public void Received_before_the_office_opens_starts_counting_at_opening()
    {
        Clock.DeadlineFor(Uk(2026, 11, 24, 6), BragRating.Amber).ShouldBe(Uk(2026, 11, 26, 17));
        Clock.DeadlineFor(Uk(2026, 11, 24, 6), null).ShouldBe(Uk(2026, 11, 24, 17));
    }

    [Fact]
    public void Deadlines_respect_the_change_to_summer_time()
    {
        // Clocks go forward on Sunday 29 March 2026: Friday 27 March 15:00 GMT + 4 working hours = Monday 11:00 BST.
        var deadline = Clock.DeadlineFor(Uk(2026, 3, 27, 15), BragRating.Red)!.Value;

        deadline.ShouldBe(Uk(2026, 3, 30, 11));
        deadline.Offset.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Working_time_between_two_instants_skips_nights_weekends_and_holidays()
    {
        Calendar.WorkingTimeBetween(Uk(2026, 5, 22, 12), Uk(2026, 5, 26, 10)).ShouldBe(TimeSpan.FromHours(6));
        Calendar.WorkingTimeBetween(Uk(2026, 5, 26, 10), Uk(2026, 5, 22, 12)).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Time_left_is_negative_when_overdue()
    {
        DecisionClock.TimeLeft(Uk(2026, 11, 24, 10), Uk(2026, 11, 24, 12)).ShouldBe(TimeSpan.FromHours(-2));
        DecisionClock.TimeLeft(null, Uk(2026, 11, 24, 12)).ShouldBeNull();
    }

    [Fact]
    public void A_working_day_that_ends_before_it_starts_is_refused()
    {
        Should.Throw<ArgumentException>(() =>
            new WorkingCalendar(TimeZoneInfo.Utc, new TimeOnly(17, 0), new TimeOnly(9, 0), [DayOfWeek.Monday], []));
        Should.Throw<ArgumentException>(() => new WorkingCalendar(TimeZoneInfo.Utc, new TimeOnly(9, 0), new TimeOnly(17, 0), [], []));
    }

    [Fact]
    public void The_default_timescales_put_green_before_amber_for_a_friday_morning_referral()
    {
        // Amber counts 24 working hours (three working days), Green 72 clock hours: from Friday 09:00 Green
        // falls due on Monday, Amber on Wednesday.
        var inversion = Clock.FirstInversion(new DateOnly(2026, 5, 18)).ShouldNotBeNull();

        (inversion.Higher, inversion.Lower).ShouldBe((BragRating.Amber, BragRating.Green));
        inversion.HigherDue.ShouldBeGreaterThan(inversion.LowerDue);
    }

    [Fact]
    public void Timescales_all_in_working_hours_keep_red_amber_green_in_order_through_a_week_with_a_bank_holiday()
    {
        var clock = new DecisionClock(Calendar, new DecisionTimescales(
            Red: TimeSpan.FromHours(4), Amber: TimeSpan.FromHours(8), Green: TimeSpan.FromHours(24), Unrated: TimeSpan.FromHours(8),
            GreenCountsWorkingTime: true, RedWorkedOutOfHours: true));

        clock.FirstInversion(new DateOnly(2026, 5, 18)).ShouldBeNull();
    }

    [Fact]
    public void The_sample_week_holds_the_next_bank_holiday_a_weekend_and_every_quarter_of_an_hour()
    {
        var week = Clock.SampleWeek(new DateOnly(2026, 5, 18)).ToList();

        week.Count.ShouldBe(7 * 24 * 4);
        var first = TimeZoneInfo.ConvertTime(week[0], Calendar.TimeZone);
        first.DateTime.ShouldBe(new DateTime(2026, 5, 25, 0, 0, 0));
        week.ShouldContain(w => TimeZoneInfo.ConvertTime(w, Calendar.TimeZone).DayOfWeek == DayOfWeek.Sunday);
    }

    [Fact]
    public void A_red_worked_round_the_clock_cannot_fall_due_after_an_amber_received_at_the_same_time()
    {
        // Red 4 clock hours out of hours against Amber 2 working hours: a Friday evening Red is due at
        // 22:00, the Amber on Monday at 11:00; but at 08:00 on a weekday Red is due at noon and Amber at 11:00.
        var clock = new DecisionClock(Calendar, DecisionTimescales.Default with { Amber = TimeSpan.FromHours(2) });

        var inversion = clock.FirstInversion(new DateOnly(2026, 5, 18)).ShouldNotBeNull();

        (inversion.Higher, inversion.Lower).ShouldBe((BragRating.Red, BragRating.Amber));
    }
}
