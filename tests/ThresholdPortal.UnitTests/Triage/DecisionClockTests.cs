using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.UnitTests.Triage;

public sealed class DecisionClockTests
{
    // Monday 25 and Tuesday 26 May 2026: Spring bank holiday is Monday 25 May.
    private static readonly DateOnly SpringBankHoliday = new(2026, 5, 25);
    private static readonly WorkingCalendar Calendar = WorkingCalendar.UkOffice(UkTime.Zone, [SpringBankHoliday]);
    private static readonly DecisionClock Clock = new(Calendar, DecisionTimescales.Default);

    /// <summary>
    /// A Monday-to-Friday office listing <paramref name="listed"/>; a year with none listed takes the England and Wales rules.
    /// </summary>
    private static WorkingCalendar WithHolidaysByRule(IEnumerable<DateOnly> listed) => new(
        Calendar.TimeZone, new TimeOnly(9, 0), new TimeOnly(17, 0),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], listed,
        year => BankHolidays.EnglandAndWalesDates(year, year));

    /// <summary>A local UK time in summer (BST, UTC+1) or winter (GMT).</summary>
    private static DateTimeOffset Uk(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, Calendar.TimeZone.GetUtcOffset(local));
    }

    [Fact]
    public void Amber_received_on_a_monday_morning_is_due_one_working_day_later()
    {
        // 8 working hours, one working day: Monday 10:00 + 1 day = Tuesday 10:00.
        Clock.DeadlineFor(Uk(2026, 11, 23, 10), BragRating.Amber).ShouldBe(Uk(2026, 11, 24, 10));
    }

    [Fact]
    public void Green_received_on_a_monday_morning_is_due_three_working_days_later()
    {
        // 24 working hours at 8 hours a day: Monday 10:00 + 3 days = Thursday 10:00.
        Clock.DeadlineFor(Uk(2026, 11, 23, 10), BragRating.Green).ShouldBe(Uk(2026, 11, 26, 10));
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
    public void Green_received_on_friday_afternoon_skips_the_weekend()
    {
        // Friday 16:00: 1 hour Friday, 8 Monday, 8 Tuesday, 7 Wednesday -> Wednesday 16:00.
        Clock.DeadlineFor(Uk(2026, 11, 27, 16), BragRating.Green).ShouldBe(Uk(2026, 12, 2, 16));
    }

    [Fact]
    public void Green_skips_a_bank_holiday()
    {
        // Friday 22 May 2026 12:00: 5 hours Friday, Monday is a bank holiday, 8 Tuesday, 8 Wednesday, 3 Thursday.
        Clock.DeadlineFor(Uk(2026, 5, 22, 12), BragRating.Green).ShouldBe(Uk(2026, 5, 28, 12));
    }

    [Fact]
    public void Amber_received_on_friday_afternoon_is_due_on_monday_afternoon()
    {
        // Friday 16:00: 1 hour Friday, 7 Monday -> Monday 16:00.
        Clock.DeadlineFor(Uk(2026, 11, 27, 16), BragRating.Amber).ShouldBe(Uk(2026, 11, 30, 16));
    }

    [Fact]
    public void Green_can_be_configured_to_count_clock_hours()
    {
        var clock = new DecisionClock(Calendar, DecisionTimescales.Default with
        {
            Green = TimeSpan.FromHours(72), GreenCountsWorkingTime = false,
        });

        clock.DeadlineFor(Uk(2026, 11, 27, 16), BragRating.Green).ShouldBe(Uk(2026, 11, 30, 16));
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
        Clock.DeadlineFor(Uk(2026, 11, 24, 6), BragRating.Green).ShouldBe(Uk(2026, 11, 26, 17));
        Clock.DeadlineFor(Uk(2026, 11, 24, 6), BragRating.Amber).ShouldBe(Uk(2026, 11, 24, 17));
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
    public void The_old_defaults_put_green_before_amber_for_a_friday_morning_referral()
    {
        // Amber counted 24 working hours (three working days), Green 72 clock hours: from Friday 09:00 Green
        // fell due on Monday, Amber on Wednesday. This is the fault the check exists to catch.
        var clock = new DecisionClock(Calendar, DecisionTimescales.Default with
        {
            Amber = TimeSpan.FromHours(24), Green = TimeSpan.FromHours(72), GreenCountsWorkingTime = false,
        });

        var inversion = clock.FirstInversion(new DateOnly(2026, 5, 18)).ShouldNotBeNull();

        (inversion.Higher, inversion.Lower).ShouldBe((BragRating.Amber, BragRating.Green));
        inversion.HigherDue.ShouldBeGreaterThan(inversion.LowerDue);
        inversion.Describe(Calendar.TimeZone).ShouldStartWith("A Green referral received on ");
        inversion.Describe(Calendar.TimeZone).ShouldContain("would be due before an amber one");
    }

    [Theory]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2028)]
    [InlineData(2031)]
    [InlineData(2035)]
    public void The_default_timescales_keep_red_amber_green_in_order_through_every_bank_holiday_week_of_a_year(int year)
    {
        // The calendar lists no holiday after 2026, so later years' holidays come from the England and Wales rules.
        var clock = new DecisionClock(WithHolidaysByRule(BankHolidays.EnglandAndWalesDates(2026, 2026)), DecisionTimescales.Default);

        foreach (var holiday in BankHolidays.EnglandAndWalesDates(year, year))
        {
            clock.FirstInversion(holiday).ShouldBeNull($"the week of {holiday}");
        }
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

    [Fact]
    public void A_year_with_no_listed_bank_holiday_takes_the_england_and_wales_rules()
    {
        var calendar = WithHolidaysByRule([new DateOnly(2026, 12, 25)]);

        // 2026 is listed, so only the listed day is a holiday; 2029 is not, so its rule days are.
        calendar.IsBankHoliday(new DateOnly(2026, 12, 25)).ShouldBeTrue();
        calendar.IsBankHoliday(new DateOnly(2026, 8, 31)).ShouldBeFalse();
        calendar.IsBankHoliday(new DateOnly(2029, 3, 30)).ShouldBeTrue();
        calendar.IsWorkingDay(new DateOnly(2029, 4, 2)).ShouldBeFalse();
        calendar.IsWorkingDay(new DateOnly(2029, 4, 3)).ShouldBeTrue();
        calendar.NextBankHoliday(new DateOnly(2029, 1, 2)).ShouldBe(new DateOnly(2029, 3, 30));
    }

    [Fact]
    public void Without_a_rule_a_year_with_no_listed_bank_holiday_has_none()
    {
        Calendar.IsWorkingDay(new DateOnly(2029, 4, 2)).ShouldBeTrue();
    }

    [Fact]
    public void A_deadline_after_the_listed_years_still_skips_the_bank_holiday()
    {
        // Thursday 29 March 2029 15:00: 2 hours Thursday, Good Friday and Easter Monday by rule, 2 hours Tuesday.
        var clock = new DecisionClock(WithHolidaysByRule(BankHolidays.EnglandAndWalesDates(2026, 2027)), DecisionTimescales.Default);

        clock.DeadlineFor(Uk(2029, 3, 29, 15), BragRating.Red).ShouldBe(Uk(2029, 4, 3, 11));
    }
}
