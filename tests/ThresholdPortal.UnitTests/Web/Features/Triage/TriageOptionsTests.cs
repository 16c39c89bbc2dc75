using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Triage;

namespace ThresholdPortal.UnitTests.Web.Features.Triage;

public sealed class TriageOptionsTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero)))
            .AddTriage(new ConfigurationBuilder()
                .AddInMemoryCollection([new("Triage:DutyMailbox", "mash.duty@northshire.example.gov.uk")])
                .AddInMemoryCollection(settings).Build()).BuildServiceProvider();

    /// <summary>
    /// The configuration file's values become the first stored settings version (docs/decisions/0055);
    /// the clock handlers get is built from the newest version as here.
    /// </summary>
    private static DecisionClock FirstVersionClock(ServiceProvider services) =>
        new MashSettings(
            MashSettings.FromConfiguration(services.GetRequiredService<IOptions<TriageOptions>>().Value, new InformationRequestOptions(),
                DateTimeOffset.UnixEpoch),
            TimeZoneInfo.FindSystemTimeZoneById(services.GetRequiredService<IOptions<TriageOptions>>().Value.TimeZone)).DecisionClock;

    [Fact]
    public void Without_configuration_the_clock_uses_the_surrey_timescales_and_england_and_wales_bank_holidays()
    {
        using var services = Services([]);

        var clock = FirstVersionClock(services);

        clock.Timescales.ShouldBe(DecisionTimescales.Default);
        clock.Calendar.BankHolidays.ShouldContain(new DateOnly(2026, 12, 28));
        clock.Calendar.BankHolidays.ShouldContain(new DateOnly(2027, 3, 26));
        clock.Calendar.BankHolidays.Count.ShouldBe(16);
        clock.Calendar.IsWorkingDay(new DateOnly(2026, 11, 23)).ShouldBeTrue();
        clock.Calendar.IsWorkingDay(new DateOnly(2026, 11, 22)).ShouldBeFalse();
        clock.Calendar.TimeZone.Id.ShouldBe("Europe/London");
    }

    [Fact]
    public void The_first_version_names_the_england_and_wales_bank_holidays_and_keeps_the_agency_timescales()
    {
        using var services = Services([]);

        var first = MashSettings.FromConfiguration(services.GetRequiredService<IOptions<TriageOptions>>().Value,
            new InformationRequestOptions(), DateTimeOffset.UnixEpoch);

        first.Version.ShouldBe(1);
        first.WorkingDays.ShouldBe([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
        first.BankHolidays.Single(h => h.Date == new DateOnly(2026, 12, 28)).Description.ShouldBe("Boxing Day (substitute day)");
        first.BankHolidays.Single(h => h.Date == new DateOnly(2027, 3, 26)).Description.ShouldBe("Good Friday");
        first.BankHolidays.Single(h => h.Date == new DateOnly(2027, 5, 31)).Description.ShouldBe("Spring bank holiday");
        first.ToRequestTimescales().ShouldBe(Domain.InformationRequests.RequestTimescales.Default);
    }

    [Fact]
    public void Configured_hours_days_timescales_and_holidays_replace_the_defaults()
    {
        using var services = Services(new()
        {
            ["Triage:WorkingDayStarts"] = "08:30",
            ["Triage:WorkingDayEnds"] = "16:30",
            ["Triage:WorkingDays:0"] = "Monday",
            ["Triage:WorkingDays:1"] = "Tuesday",
            ["Triage:BankHolidays:0"] = "2026-11-24",
            ["Triage:AmberHours"] = "16",
            ["Triage:RedWorkedOutOfHours"] = "false",
        });

        var clock = FirstVersionClock(services);

        clock.Calendar.DayStarts.ShouldBe(new TimeOnly(8, 30));
        clock.Calendar.BankHolidays.ShouldBe([new DateOnly(2026, 11, 24)]);
        clock.Calendar.IsWorkingDay(new DateOnly(2026, 11, 25)).ShouldBeFalse();
        clock.Timescales.Amber.ShouldBe(TimeSpan.FromHours(16));
        clock.Timescales.RedWorkedOutOfHours.ShouldBeFalse();

        // Monday 23 November 10:00 GMT + 16 working hours of 8: Tuesday is a holiday, Wednesday to Friday are not working days.
        clock.DeadlineFor(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), BragRating.Amber)
            .ShouldBe(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("Triage:TimeZone", "Mars/Olympus", "is not a time zone")]
    [InlineData("Triage:WorkingDayEnds", "08:00", "must be after")]
    [InlineData("Triage:RedHours", "0", "RedHours must be a whole number of hours, more than 0")]
    [InlineData("Triage:AmberHours", "7.5", "AmberHours must be a whole number of hours")]
    [InlineData("Triage:GreenCountsWorkingTime", "false", "A Green referral received on ")]
    [InlineData("Triage:QueuePageSize", "1000", "QueuePageSize")]
    [InlineData("Triage:DutyMailbox", "", "DutyMailbox must be the e-mail address")]
    [InlineData("Triage:ReReferralWindowMonths", "0", "ReReferralWindowMonths")]
    public void A_bad_setting_stops_the_app_at_start_up_with_what_is_wrong(string key, string value, string message)
    {
        using var services = Services(new() { [key] = value });

        var failure = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<TriageOptions>>().Value);

        failure.Message.ShouldContain(message);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
