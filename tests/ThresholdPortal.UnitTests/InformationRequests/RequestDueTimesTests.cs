using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.UnitTests.InformationRequests;

public sealed class RequestDueTimesTests
{
    // Friday 28 August 2026 and the Summer bank holiday on Monday 31 August.
    private static readonly DateOnly SummerBankHoliday = new(2026, 8, 31);
    private static readonly WorkingCalendar Calendar = WorkingCalendar.UkOffice(UkTime.Zone, [SummerBankHoliday]);
    private static readonly RequestDueTimes DueTimes = new(Calendar, RequestTimescales.Default);

    private static DateTimeOffset Uk(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, Calendar.TimeZone.GetUtcOffset(local));
    }

    [Fact]
    public void Red_is_due_two_working_hours_after_sending()
    {
        DueTimes.DueAt(Uk(2026, 11, 24, 10), BragRating.Red).ShouldBe(Uk(2026, 11, 24, 12));
    }

    [Fact]
    public void Red_sent_late_in_the_day_runs_on_into_the_next_morning()
    {
        DueTimes.DueAt(Uk(2026, 11, 24, 16, 30), BragRating.Red).ShouldBe(Uk(2026, 11, 25, 10, 30));
    }

    [Fact]
    public void Amber_is_due_one_working_day_later()
    {
        DueTimes.DueAt(Uk(2026, 11, 24, 10), BragRating.Amber).ShouldBe(Uk(2026, 11, 25, 10));
    }

    [Fact]
    public void Green_skips_the_weekend_and_the_bank_holiday()
    {
        // Friday 28 August 14:00: 3 hours on Friday, Monday is a bank holiday, 16 hours on Tuesday and
        // Wednesday, the last 5 hours on Thursday: due 14:00 Thursday 3 September.
        DueTimes.DueAt(Uk(2026, 8, 28, 14), BragRating.Green).ShouldBe(Uk(2026, 9, 3, 14));
    }

    [Fact]
    public void Blue_has_a_working_week()
    {
        DueTimes.DueAt(Uk(2026, 11, 23, 9), BragRating.Blue).ShouldBe(Uk(2026, 11, 27, 17));
    }

    [Fact]
    public void A_request_sent_at_night_starts_counting_at_the_next_working_morning()
    {
        // Tuesday 22:00: nothing counts until 09:00 Wednesday, so a working day ends at 17:00 Wednesday.
        DueTimes.DueAt(Uk(2026, 11, 24, 22), BragRating.Amber).ShouldBe(Uk(2026, 11, 25, 17));
    }

    [Fact]
    public void The_timescales_are_configuration()
    {
        var slower = new RequestDueTimes(Calendar, RequestTimescales.Default with { Red = TimeSpan.FromHours(4) });

        slower.DueAt(Uk(2026, 11, 24, 10), BragRating.Red).ShouldBe(Uk(2026, 11, 24, 14));
    }
}
