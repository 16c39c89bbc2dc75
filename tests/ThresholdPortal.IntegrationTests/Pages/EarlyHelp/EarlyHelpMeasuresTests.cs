using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.IntegrationTests.Pages.Insights;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Triage;

namespace ThresholdPortal.IntegrationTests.Pages.EarlyHelp;

/// <summary>
/// The hub's measures (issue 16, item 5) over a known set of hub work in October 2026, every count worked out by hand.
/// The work is opened through the real commands; the dates and answers each measure reads are then set with SQL, as
/// <see cref="InsightsWorld"/> does for what a test cannot reach through the clock.
/// </summary>
public sealed class EarlyHelpMeasuresTests(PortalApp app) : IntegrationTest(app)
{
    private const string OctoberQuery = "Filter.Period=Custom&Filter.From.Day=1&Filter.From.Month=10&Filter.From.Year=2026"
        + "&Filter.To.Day=31&Filter.To.Month=10&Filter.To.Year=2026";

    private static readonly DateTimeOffset October = new(2026, 10, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_hub_measure_counts_its_exact_numerator_and_denominator_in_the_page_the_cases_behind_it_and_the_csv()
    {
        var (world, work) = await SeedAsync();
        var manager = await App.SignInAsync(world.Mash.Manager.Email!);

        var measures = InsightsTests.Measures(await manager.GetStringAsync($"/insights?{OctoberQuery}"));

        measures["early-help-take-up"].ShouldBe((1, 4));
        measures["early-help-first-contact"].ShouldBe((2, 5));
        measures["early-help-declined"].ShouldBe((1, 4));
        measures["early-help-stepped-up"].ShouldBe((1, 6));
        measures["early-help-opportunity-lost"].ShouldBe((2, 3));

        var lost = await manager.GetStringAsync($"/insights/cases?measure=early-help-opportunity-lost&set=numerator&{OctoberQuery}");
        lost.ShouldContain(work["declined"]);
        lost.ShouldContain(work["stepped up"]);
        lost.ShouldNotContain(work["late consent"]);
        lost.ShouldNotContain("/early-help/cases/");
        lost.ShouldNotContain("/mash/cases/");
        MashTestData.Text(lost).ShouldContain("The family did not want early help");

        var csv = Csv.Parse(await manager.GetStringAsync($"/insights/export/measures.csv?{OctoberQuery}"));
        csv.Single(r => r[2] == "early-help-first-contact")[4..7].ShouldBe(["2", "5", "40.0"]);
    }

    [Fact]
    public async Task The_hub_measures_follow_the_organisation_filter_through_the_request_or_the_stepped_down_case()
    {
        var (world, _) = await SeedAsync();
        var manager = await App.SignInAsync(world.Mash.Manager.Email!);

        var school = InsightsTests.Measures(await manager.GetStringAsync(
            $"/insights?{OctoberQuery}&Filter.Organisation={world.Mash.Referrer.OrganisationId}"));
        school["early-help-stepped-up"].ShouldBe((1, 6));
        var police = InsightsTests.Measures(await manager.GetStringAsync($"/insights?{OctoberQuery}&Filter.Kind=Police"));
        police["early-help-stepped-up"].ShouldBe((0, 0));
    }

    [Fact]
    public async Task Hub_work_is_measured_for_take_up_twenty_working_days_from_receipt_on_the_MASH_calendar()
    {
        var world = await EarlyHelpWorld.CreateAsync(App);
        var (id, _, _) = await world.SteppedDownAsync(App);

        var work = await App.ExecuteDbContextAsync(db => db.EarlyHelpCases.AsNoTracking().SingleAsync(c => c.Id == id));
        var settings = await App.ExecuteDbContextAsync(db =>
            Task.FromResult(App.Services.GetRequiredService<MashSettingsCache>().Current(db)));
        work.TakeUpWindowEndsAt.ShouldBe(settings.Calendar.AddWorkingTime(work.ReceivedAt, settings.Calendar.WorkingDayLength * 20));
        (work.TakeUpWindowEndsAt - work.ReceivedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromDays(26), "20 working days span weekends");
    }

    /// <summary>
    /// Six pieces of hub work received in October, one in September and one whose step-down a revised decision withdrew:
    /// <list type="bullet">
    /// <item>"on time": a step-down accepted on day 3 (contacted on time, taken up in time), still open;</item>
    /// <item>"late consent": a step-down accepted on day 35 (contacted late, taken up late), closed as needs met;</item>
    /// <item>"declined": a step-down declined on day 2 (contacted on time), closed;</item>
    /// <item>"stepped up": a step-down allocated, never contacted, stepped up on day 20;</item>
    /// <item>"new": a request never allocated, first contact overdue;</item>
    /// <item>"not yet due": a request never allocated whose first contact is not yet due.</item>
    /// </list>
    /// </summary>
    private async Task<(EarlyHelpWorld World, Dictionary<string, string> References)> SeedAsync()
    {
        var world = await EarlyHelpWorld.CreateAsync(App);
        var references = new Dictionary<string, string>();
        foreach (var name in new[] { "on time", "late consent", "declined", "stepped up", "september", "withdrawn" })
        {
            var (id, _, reference) = await world.SteppedDownAsync(App);
            references[name] = reference;
            var received = name == "september" ? October.AddDays(-10) : October;
            switch (name)
            {
                case "on time" or "september":
                    await ShapeAsync(id, received, EarlyHelpCaseStatus.AcceptedByFamily, allocated: 1, contacted: 3, consented: 3);
                    break;
                case "late consent":
                    await ShapeAsync(id, received, EarlyHelpCaseStatus.Closed, allocated: 1, contacted: 35, consented: 35,
                        outcome: EarlyHelpOutcome.NeedsMet, closed: 60);
                    break;
                case "declined":
                    await ShapeAsync(id, received, EarlyHelpCaseStatus.Closed, allocated: 1, contacted: 2, declined: true,
                        outcome: EarlyHelpOutcome.FamilyDeclined, closed: 2);
                    break;
                case "stepped up":
                    await ShapeAsync(id, received, EarlyHelpCaseStatus.SteppedUp, allocated: 1, steppedUp: 20);
                    break;
                default:
                    await ShapeAsync(id, received, EarlyHelpCaseStatus.AcceptedByFamily, allocated: 1, contacted: 3, consented: 3);
                    await App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""
                        UPDATE "EarlyHelpStepDowns" SET "WithdrawnAt" = {October.AddDays(4)}
                        WHERE "Id" = (SELECT "StepDownId" FROM "EarlyHelpCases" WHERE "Id" = {id})
                        """));
                    break;
            }
        }

        var referrer = await App.SignInAsync(world.Mash.Referrer.Email!);
        foreach (var name in new[] { "new", "not yet due" })
        {
            var reference = await EarlyHelpWorld.EarlyHelpRequestAsync(referrer);
            references[name] = reference;
            var id = await App.ExecuteDbContextAsync(db =>
                db.EarlyHelpCases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync());
            await ShapeAsync(id, October, EarlyHelpCaseStatus.New, firstContactDue: name == "new" ? 7 : 400);
        }

        return (world, references);
    }

    private Task ShapeAsync(Guid id, DateTimeOffset received, EarlyHelpCaseStatus status, int? allocated = null, int? contacted = null,
        int? consented = null, bool declined = false, int? steppedUp = null, EarlyHelpOutcome? outcome = null, int? closed = null,
        int firstContactDue = 7)
    {
        DateTimeOffset? Day(int? day) => day is { } d ? received.AddDays(d) : null;
        return App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "EarlyHelpCases" SET "ReceivedAt" = {received}, "FirstContactDueAt" = {received.AddDays(firstContactDue)},
                "TakeUpWindowEndsAt" = {received.AddDays(28)}, "Status" = {status.ToString()}, "AllocatedAt" = {Day(allocated)},
                "FirstContactAt" = {Day(contacted)}, "ConsentRecordedAt" = {Day(consented)},
                "DeclineReason" = {(declined ? "The family said no." : null)}, "SteppedUpAt" = {Day(steppedUp)},
                "Outcome" = {outcome?.ToString()}, "ClosedAt" = {Day(closed)}
            WHERE "Id" = {id}
            """));
    }
}
