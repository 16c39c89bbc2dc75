using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.IntegrationTests.Pages.Mash;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Web;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.IntegrationTests.Pages.Admin;

public sealed class MashSettingsTests(PortalApp app) : IntegrationTest(app)
{
    private const string Base = "/admin/configuration/mash-settings";

    private static Dictionary<string, string> Timescales(Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Data.BasedOnVersion"] = "1", ["Data.Reason"] = "Reviewed by the MASH board.",
            ["Data.RedHours"] = "4", ["Data.AmberHours"] = "8", ["Data.GreenHours"] = "24", ["Data.UnratedHours"] = "8",
            ["Data.GreenCountsWorkingTime"] = "true", ["Data.RedWorkedOutOfHours"] = "true",
            ["Data.RequestRedHours"] = "2", ["Data.RequestAmberHours"] = "8", ["Data.RequestGreenHours"] = "24",
            ["Data.RequestBlueHours"] = "40", ["Data.RequestUnratedHours"] = "8",
        };
        change?.Invoke(fields);
        return fields;
    }

    private Task<List<MashSettingsVersion>> VersionsAsync() =>
        App.ExecuteDbContextAsync(db => db.MashSettingsVersions.AsNoTracking().OrderBy(v => v.Version).ToListAsync());

    [Fact]
    public async Task A_fresh_database_holds_the_configuration_file_values_as_version_one()
    {
        var version = (await VersionsAsync()).ShouldHaveSingleItem();

        version.Version.ShouldBe(1);
        version.ToDecisionTimescales().ShouldBe(DecisionTimescales.Default);
        version.WorkingDayStarts.ShouldBe(new TimeOnly(9, 0));
        version.BankHolidays.Count.ShouldBe(16);
        version.BankHolidays.Single(h => h.Date == new DateOnly(2026, 12, 25)).Description.ShouldBe("Christmas Day");
    }

    [Fact]
    public async Task A_new_amber_timescale_is_a_new_audited_version_and_sets_the_deadline_of_the_next_case_rated_amber()
    {
        var (admin, administrator, _) = await App.SignInAsAdministratorAsync();
        App.Scoped<DecisionClock>().Timescales.Amber.ShouldBe(TimeSpan.FromHours(8)); // the cache now holds version 1

        var saved = await Forms.PostAsync(admin, $"{Base}/timescales", Timescales(f =>
        {
            f["Data.AmberHours"] = "16";
            f["Data.Reason"] = "Agreed at the MASH board.";
        }));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldBe(Base);
        var versions = await VersionsAsync();
        versions.Select(v => v.Version).ShouldBe([1, 2]);
        versions[1].AmberHours.ShouldBe(16);
        versions[1].CreatedById.ShouldBe(administrator.Id);
        versions[1].Reason.ShouldBe("Agreed at the MASH board.");
        versions[1].Changes.ShouldBe("Amber decision from 8 to 16 hours");
        var audit = (await App.AuditAsync()).Single(e => e.Action == ConfigurationEvents.MashSettingsChanged);
        (audit.UserId, audit.SubjectId, audit.Detail)
            .ShouldBe((administrator.Id, "2", "Version 2: Amber decision from 8 to 16 hours. Reason: Agreed at the MASH board."));

        var page = await (await admin.GetAsync(Base)).Content.ReadAsStringAsync();
        page.ShouldContain("Version 2 is in force now");
        page.ShouldContain("Agreed at the MASH board.");
        page.ShouldContain("counts every open case's decision deadline again");
        (await (await admin.GetAsync("/admin/audit-log")).Content.ReadAsStringAsync())
            .ShouldContain("MASH timescales, working hours or contacts changed");

        // In force at once in this instance: a case rated Amber now is due 16 working hours after it was received.
        var team = await App.MashTeamAsync();
        var received = TestClock.UtcNow.AddHours(-1);
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(received));
        var practitioner = await App.SignInAsync(team.Practitioner.Email!);
        await CaseTests.PostCaseFormAsync(practitioner, $"/mash/cases/{mashCase.Id}", new(), handler: "Claim");
        (await CaseTests.PostCaseFormAsync(practitioner, $"/mash/cases/{mashCase.Id}/rating",
            new() { ["Data.Rating"] = "Amber", ["Data.Reason"] = "Bruising." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await App.ExecuteDbContextAsync(db => db.MashCases.AsNoTracking().SingleAsync());
        var calendar = WorkingCalendar.UkOffice(UkTime.Zone, BankHolidays.EnglandAndWales2026To2027);
        stored.DecisionDueAt!.Value.ShouldBe(calendar.AddWorkingTime(received, TimeSpan.FromHours(16)), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Saving_without_a_change_stores_no_version()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();

        (await Forms.PostAsync(admin, $"{Base}/timescales", Timescales())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await VersionsAsync()).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("Data.AmberHours", "", "Enter the Amber decision timescale in hours")]
    [InlineData("Data.AmberHours", "a day", "Amber decision timescale must be a whole number of hours, like 4")]
    [InlineData("Data.AmberHours", "7.5", "Amber decision timescale must be a whole number of hours, like 4")]
    [InlineData("Data.RequestGreenHours", "2.5", "Green answer timescale must be a whole number of hours, like 4")]
    [InlineData("Data.GreenHours", "0", "Green decision timescale must be more than 0 hours")]
    [InlineData("Data.UnratedHours", "-8", "Unrated decision timescale must be a whole number of hours")]
    [InlineData("Data.RedHours", "30", "Red decision timescale cannot be longer than Amber&#x27;s")]
    [InlineData("Data.GreenHours", "721", "Green decision timescale must be 720 hours or fewer")]
    [InlineData("Data.RequestRedHours", "9", "Red answer timescale cannot be longer than Amber&#x27;s")]
    [InlineData("Data.RequestBlueHours", "481", "Blue answer timescale must be 480 hours or fewer")]
    [InlineData("Data.BasedOnVersion", "0", "Someone else changed the settings while you were editing them")]
    public async Task Invalid_timescales_are_refused_with_the_error_summary_and_nothing_is_stored(string field, string value, string error)
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"{Base}/timescales", Timescales(f => f[field] = value));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain(error);
        (await VersionsAsync()).Count.ShouldBe(1);
        (await App.AuditAsync()).ShouldNotContain(e => e.Action == ConfigurationEvents.MashSettingsChanged);
    }

    [Theory]
    [InlineData("timescales")]
    [InlineData("working-hours")]
    [InlineData("bank-holidays")]
    [InlineData("contacts")]
    public async Task A_settings_change_without_a_reason_is_refused_and_nothing_is_stored(string form)
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var fields = form switch
        {
            "timescales" => Timescales(f => f["Data.AmberHours"] = "16"),
            "working-hours" => new() { ["Data.DayStarts"] = "08:00", ["Data.DayEnds"] = "16:00", ["Data.WorkingDays"] = "Monday" },
            "bank-holidays" => new() { ["Data.Remove"] = "2027-08-30" },
            _ => new Dictionary<string, string> { ["Data.MashPhone"] = "0115 496 0123" },
        };
        fields["Data.BasedOnVersion"] = "1";
        fields["Data.Reason"] = "  ";

        var response = await Forms.PostAsync(admin, $"{Base}/{form}", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Forms.ErrorsAsync(response)).ShouldContain("Enter why the settings are changing");
        (await VersionsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Removing_a_bank_holiday_first_asks_why()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();

        var list = await admin.GetStringAsync($"{Base}/bank-holidays");
        var confirm = await admin.GetStringAsync($"{Base}/bank-holidays?remove=2027-08-30");

        list.ShouldContain("href=\"?remove=2027-08-30\"");
        confirm.ShouldContain("Remove Monday 30 August 2027 as a bank holiday");
        confirm.ShouldContain("name=\"Data.Remove\" value=\"2027-08-30\"");
        confirm.ShouldContain("Why is this changing?");
    }

    [Theory]
    [InlineData("17:00", "09:00", new[] { "Monday" }, "The working day must end after it starts")]
    [InlineData("9am", "17:00", new[] { "Monday" }, "Enter when the working day starts as a 24-hour time, like 09:00")]
    [InlineData("09:00", "", new[] { "Monday" }, "Enter when the working day ends")]
    [InlineData("09:00", "17:00", new string[0], "Select at least one working day")]
    [InlineData("09:00", "17:00", new[] { "Funday" }, "Select working days from the list")]
    public async Task Invalid_working_hours_are_refused_with_the_error_summary_and_nothing_is_stored(string starts, string ends,
        string[] days, string error)
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var fields = new List<KeyValuePair<string,
            string>> { new("Data.BasedOnVersion", "1"), new("Data.Reason", "New rota."), new("Data.DayStarts", starts),
            new("Data.DayEnds", ends) };
        fields.AddRange(days.Select(d => KeyValuePair.Create("Data.WorkingDays", d)));

        var response = await Forms.PostAsync(admin, $"{Base}/working-hours", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain(error);
        (await VersionsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task New_working_hours_and_days_are_stored_as_a_version_and_used_by_the_calendar()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"{Base}/working-hours",
        [
            new("Data.BasedOnVersion", "1"), new("Data.Reason", "New rota."), new("Data.DayStarts", "08:30"),
            new("Data.DayEnds", "16:30"),
            new("Data.WorkingDays", "Monday"), new("Data.WorkingDays", "Tuesday"), new("Data.WorkingDays", "Saturday"),
        ]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var newest = (await VersionsAsync())[^1];
        newest.Changes.ShouldBe("Working day from 9:00am to 5:00pm changed to 8:30am to 4:30pm\nWorking days changed to Monday, Tuesday, " +
            "Saturday");
        var calendar = App.Scoped<WorkingCalendar>();
        calendar.DayStarts.ShouldBe(new TimeOnly(8, 30));
        calendar.IsWorkingDay(new DateOnly(2026, 11, 28)).ShouldBeTrue(); // a Saturday
        calendar.IsWorkingDay(new DateOnly(2026, 11, 25)).ShouldBeFalse(); // a Wednesday
    }

    [Fact]
    public async Task Bank_holidays_are_added_and_removed_as_versions_and_the_calendar_follows()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        const string address = $"{Base}/bank-holidays";

        var added = await Forms.PostAsync(admin, address, new()
        {
            ["Data.BasedOnVersion"] = "1", ["Data.Reason"] = "Published dates.", ["Data.Date.Day"] = "25", ["Data.Date.Month"] = "12",
                ["Data.Date.Year"] = "2028",
                ["Data.Description"] = "Christmas Day",
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        App.Scoped<WorkingCalendar>().IsWorkingDay(new DateOnly(2028, 12, 25)).ShouldBeFalse();

        var removed = await Forms.PostAsync(admin, address, new()
        {
            ["Data.BasedOnVersion"] = "2", ["Data.Reason"] = "Moved by proclamation.", ["Data.Remove"] = "2027-08-30",
        });
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var versions = await VersionsAsync();
        versions.Select(v => v.Changes).Skip(1).ShouldBe(
            ["Bank holiday added: Monday 25 December 2028, Christmas Day",
                "Bank holiday removed: Monday 30 August 2027, Summer bank holiday"]);
        App.Scoped<WorkingCalendar>().IsWorkingDay(new DateOnly(2027, 8, 30)).ShouldBeTrue();
        var page = await (await admin.GetAsync(address)).Content.ReadAsStringAsync();
        page.ShouldContain("Monday 25 December 2028");
        page.ShouldNotContain("Monday 30 August 2027");
    }

    [Theory]
    [InlineData("", "", "", "Christmas Day", "Enter the date of the bank holiday")]
    [InlineData("31", "2", "2028", "Christmas Day", "Enter the date of the bank holiday as a real date, like 25 12 2028")]
    [InlineData("25", "12", "2026", "Christmas Day", "That date is already a bank holiday")]
    [InlineData("25", "12", "2028", "", "Enter what the bank holiday is, like Christmas Day")]
    public async Task Invalid_or_duplicate_bank_holidays_are_refused_and_nothing_is_stored(string day, string month, string year,
        string description, string error)
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"{Base}/bank-holidays", new()
        {
            ["Data.BasedOnVersion"] = "1", ["Data.Reason"] = "Published dates.", ["Data.Date.Day"] = day, ["Data.Date.Month"] = month,
                ["Data.Date.Year"] = year,
                ["Data.Description"] = description,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain(error);
        (await VersionsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Another_instance_sees_a_new_version_once_it_rechecks()
    {
        var time = new ManualTime(TestClock.UtcNow);
        var cache = new MashSettingsCache(
            Microsoft.Extensions.Options.Options.Create(new TriageOptions()),
            Microsoft.Extensions.Options.Options.Create(new Web.Features.InformationRequests.InformationRequestOptions()),
            time);
        await App.ExecuteDbContextAsync(async db =>
        {
            cache.Current(db).Version.ShouldBe(1);
            var next = (await db.MashSettingsVersions.AsNoTracking().SingleAsync()).Next(TestClock.UtcNow, null, "Another instance", null);
            next.AmberHours = 12;
            next.Changes = "Amber";
            db.MashSettingsVersions.Add(next);
            await db.SaveChangesAsync();

            cache.Current(db).Version.ShouldBe(1);
            time.Now += MashSettingsCache.RecheckEvery;
            cache.Current(db).Version.ShouldBe(2);
            cache.Current(db).DecisionClock.Timescales.Amber.ShouldBe(TimeSpan.FromHours(12));
        });
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
