using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Triage;

namespace ThresholdPortal.IntegrationTests.Pages.Admin;

/// <summary>
/// Settings that would let a lower risk fall due first are refused, and a change that is saved moves every open
/// case's deadline, on its timeline (issue 13, docs/decisions/0088).
/// </summary>
public sealed class TimescaleOrderTests(PortalApp app) : IntegrationTest(app)
{
    private const string Base = "/admin/configuration/mash-settings";

    private static Dictionary<string, string> Timescales(string amber, string green, bool greenWorking) => new()
    {
        ["Data.BasedOnVersion"] = "1", ["Data.Reason"] = "Reviewed by the MASH board.",
        ["Data.RedHours"] = "4", ["Data.AmberHours"] = amber, ["Data.GreenHours"] = green, ["Data.UnratedHours"] = "8",
        ["Data.GreenCountsWorkingTime"] = greenWorking ? "true" : "false", ["Data.RedWorkedOutOfHours"] = "true",
        ["Data.RequestRedHours"] = "2", ["Data.RequestAmberHours"] = "8", ["Data.RequestGreenHours"] = "24",
        ["Data.RequestBlueHours"] = "40", ["Data.RequestUnratedHours"] = "8",
    };

    [Fact]
    public async Task Timescales_that_put_green_before_amber_are_refused_naming_when_and_which_pair()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();

        // The old defaults: Amber 24 working hours (three working days), Green 72 clock hours.
        var response = await Forms.PostAsync(admin, $"{Base}/timescales", Timescales("24", "72", greenWorking: false));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = Forms.ErrorSummary(await response.Content.ReadAsStringAsync());
        errors.ShouldContain("A Green referral received on ");
        errors.ShouldContain("would be due before an amber one");
        (await App.ExecuteDbContextAsync(db => db.MashSettingsVersions.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Working_hours_that_would_invert_clock_hour_green_are_refused_too()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        (await Forms.PostAsync(admin, $"{Base}/timescales", Timescales("8", "168", greenWorking: false)))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Green in 168 clock hours keeps its order on a Monday-to-Friday week, even over Christmas (Amber is due at
        // most 120 hours later). On a Monday-only week with Monday 28 December a bank holiday, Amber would take two weeks.
        var response = await Forms.PostAsync(admin, $"{Base}/working-hours", new Dictionary<string, string>
        {
            ["Data.BasedOnVersion"] = "2", ["Data.Reason"] = "New rota.", ["Data.DayStarts"] = "09:00", ["Data.DayEnds"] = "17:00",
            ["Data.WorkingDays"] = "Monday",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Forms.ErrorSummary(await response.Content.ReadAsStringAsync()).ShouldContain("would be due before an amber one");
        (await App.ExecuteDbContextAsync(db => db.MashSettingsVersions.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task A_saved_change_recounts_open_deadlines_and_the_timeline_shows_the_old_and_the_new()
    {
        var team = await App.MashTeamAsync();
        var received = TestClock.UtcNow.AddHours(-2);
        var green = await App.AddCaseAsync(team, new CaseSeed(received) { AssignedTo = team.Practitioner, Rating = BragRating.Green });
        var closed = await App.AddCaseAsync(team, new CaseSeed(received) { AssignedTo = team.Practitioner, CloseAtContact = true });
        var was = green.DecisionDueAt;
        var closedWas = closed.DecisionDueAt;
        var (admin, _, _) = await App.SignInAsAdministratorAsync();

        (await Forms.PostAsync(admin, $"{Base}/timescales", Timescales("8", "40", greenWorking: true)))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var calendar = App.Scoped<DecisionClock>().Calendar;
        var stored = await App.ExecuteDbContextAsync(db => db.MashCases.AsNoTracking().ToDictionaryAsync(c => c.Id));
        stored[green.Id].DecisionDueAt!.Value.ShouldBe(calendar.AddWorkingTime(received, TimeSpan.FromHours(40)),
            TimeSpan.FromMilliseconds(1));
        stored[closed.Id].DecisionDueAt.ShouldBe(closedWas);
        var recounted = (await App.AuditAsync()).Where(e => e.Action == CaseEvents.DeadlineRecounted).ToList();
        recounted.ShouldHaveSingleItem().SubjectId.ShouldBe(green.Id.ToString());
        recounted[0].Detail!.ShouldStartWith("Settings version 2: due ");
        recounted[0].Detail!.ShouldEndWith($", was {Web.Infrastructure.Web.MashDisplay.Long(was!.Value)}");

        var practitioner = await App.SignInAsync(team.Practitioner.Email!);
        var page = MashTestData.Text(await practitioner.GetStringAsync($"/mash/cases/{green.Id}"));
        page[page.IndexOf("Timeline", StringComparison.Ordinal)..]
            .ShouldContain("Decision deadline moved by a change to the MASH settings Settings version 2: due ");
    }
}
