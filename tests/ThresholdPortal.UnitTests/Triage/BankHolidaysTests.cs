using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.UnitTests.Triage;

public sealed class BankHolidaysTests
{
    [Fact]
    public void The_rules_give_the_published_england_and_wales_bank_holidays_of_2026_and_2027()
    {
        // As published on GOV.UK, with Boxing Day 2026 and both Christmas days of 2027 on substitute days.
        BankHolidays.EnglandAndWalesDates(2026, 2027).ShouldBe(
        [
            new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25), new(2026, 8, 31),
            new(2026, 12, 25), new(2026, 12, 28),
            new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 3), new(2027, 5, 31), new(2027, 8, 30),
            new(2027, 12, 27), new(2027, 12, 28),
        ]);
    }

    [Fact]
    public void The_rules_keep_going_after_the_years_anyone_typed_in()
    {
        var holidays = BankHolidays.EnglandAndWales(2031, 2031);

        holidays.Count.ShouldBe(8);
        holidays.ShouldContain((new DateOnly(2031, 4, 11), "Good Friday"));
        holidays.ShouldContain((new DateOnly(2031, 4, 14), "Easter Monday"));
        holidays.ShouldContain((new DateOnly(2031, 12, 25), "Christmas Day"));
        holidays.ShouldContain((new DateOnly(2031, 12, 26), "Boxing Day"));
    }

    [Theory]
    [InlineData(2021, "2021-12-27", "Christmas Day (substitute day)")]
    [InlineData(2021, "2021-12-28", "Boxing Day (substitute day)")]
    [InlineData(2022, "2022-12-26", "Boxing Day")]
    [InlineData(2022, "2022-12-27", "Christmas Day (substitute day)")]
    [InlineData(2028, "2028-01-03", "New Year's Day (substitute day)")]
    [InlineData(2023, "2023-01-02", "New Year's Day (substitute day)")]
    public void A_holiday_at_a_weekend_moves_to_the_next_free_weekday(int year, string date, string description)
    {
        BankHolidays.EnglandAndWales(year, year)
            .ShouldContain((DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), description));
    }

    [Fact]
    public void Proclaimed_changes_of_past_years_are_kept()
    {
        var dates = BankHolidays.EnglandAndWalesDates(2020, 2023);

        dates.ShouldContain(new DateOnly(2020, 5, 8));
        dates.ShouldNotContain(new DateOnly(2020, 5, 4));
        dates.ShouldContain(new DateOnly(2022, 6, 2));
        dates.ShouldContain(new DateOnly(2022, 6, 3));
        dates.ShouldNotContain(new DateOnly(2022, 5, 30));
        dates.ShouldContain(new DateOnly(2022, 9, 19));
        dates.ShouldContain(new DateOnly(2023, 5, 8));
    }

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2030, 4, 21)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_sunday_is_computed_for_any_year(int year, int month, int day)
    {
        BankHolidays.EasterSunday(year).ShouldBe(new DateOnly(year, month, day));
    }

    [Fact]
    public void A_holiday_is_described_by_what_it_is()
    {
        BankHolidays.Describe(new DateOnly(2027, 12, 27)).ShouldBe("Christmas Day (substitute day)");
        BankHolidays.Describe(new DateOnly(2026, 8, 31)).ShouldBe("Summer bank holiday");
        BankHolidays.Describe(new DateOnly(2026, 8, 30)).ShouldBe("Bank holiday");
    }
}
