using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.InformationRequests;

namespace ThresholdPortal.IntegrationTests.Pages.InformationRequests;

public sealed class ChecklistTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_case_goes_to_decision_only_when_every_agency_has_a_request_or_a_reason()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        await world.SendAsync(practitioner, "police", world.Police.Id);
        await world.SendAsync(practitioner, "school", world.School.Id);
        await RecordNotNeededAsync(practitioner, world, "probation", ["probation"], "No adult in the household is known to have offended.");
        var agencies = await App.ExecuteDbContextAsync(db => db.PartnerAgencies.Where(a => a.IsActive).Select(a => a.Key).ToListAsync());
        var others = agencies.Except(["police", "school", "probation", "housing"]).ToList();
        await RecordNotNeededAsync(practitioner, world, "gp", others,
            "Nothing in the referral or our records suggests the family is known to them.");

        // Housing is still to do: the checklist holds the case back, whatever the practitioner posts.
        var page = await practitioner.GetStringAsync(world.Checklist);
        page.ShouldContain("Not ready for decision");
        page.ShouldNotContain("Move the case to decision");
        (await App.SendAsync(new InformationRequestsSummary.Query(world.CaseId))).Checklist.Outstanding.ShouldHaveSingleItem()
            .Key.ShouldBe("housing");
        var refused = await Forms.PostAsync(practitioner, world.Checklist, new Dictionary<string, string>
        {
            ["Data.Version"] = await CaseVersionAsync(world),
            ["Data.OpenedAt"] = TestClock.UtcNow.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, tokenFrom: "/account/change-password");
        (await Forms.ErrorsAsync(refused)).ShouldContain("Still to do: Housing.");
        (await CaseStatusAsync(world)).ShouldBe(MashCaseStatus.AwaitingInformation);

        await RecordNotNeededAsync(practitioner, world, "housing", ["housing"],
            "The family own their home; no housing involvement is suggested.");
        page = await practitioner.GetStringAsync(world.Checklist);
        page.ShouldContain("Ready for decision");
        var moved = await Forms.PostAsync(practitioner, world.Checklist, new Dictionary<string, string>
        {
            ["Data.Version"] = await CaseVersionAsync(world),
            ["Data.OpenedAt"] = TestClock.UtcNow.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(moved));
        (await CaseStatusAsync(world)).ShouldBe(MashCaseStatus.AwaitingDecision);
        var reasons = await App.ExecuteDbContextAsync(db => db.AgencyChecksNotNeeded.Where(n => n.CaseId == world.CaseId).ToListAsync());
        reasons.Select(r => r.AgencyKey).Order().ShouldBe(agencies.Except(["police", "school"]).Order());
        reasons.Single(r => r.AgencyKey == "probation").Reason.ShouldBe("No adult in the household is known to have offended.");
        (await App.AuditAsync())
            .ShouldContain(e => e.Action == InformationRequestEvents.MovedToDecision && e.SubjectId == world.CaseId.ToString());
    }

    [Fact]
    public async Task A_reason_cannot_be_recorded_twice_for_one_agency_or_for_an_agency_already_asked()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        await world.SendAsync(practitioner, "police", world.Police.Id);
        await RecordNotNeededAsync(practitioner, world, "probation", ["probation"], "Not needed.");

        var again = await PostNotNeededAsync(practitioner, world, "probation", ["probation"], "Not needed, again.");
        (await Forms.ErrorsAsync(again)).ShouldContain("A reason is already recorded for Probation.");
        var asked = await PostNotNeededAsync(practitioner, world, "police", ["police"], "Not needed.");
        (await Forms.ErrorsAsync(asked)).ShouldContain("Police has already been asked.");
        (await App.ExecuteDbContextAsync(db => db.AgencyChecksNotNeeded.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Overdue_requests_are_found_by_the_query_the_queue_uses_and_flagged_in_the_queue_and_on_the_case()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        var late = await world.SendAsync(practitioner, "police", world.Police.Id);
        var onTime = await world.SendAsync(practitioner, "school", world.School.Id);
        (await practitioner.GetStringAsync("/mash")).ShouldNotContain("Agency answer overdue");
        var past = TestClock.UtcNow.AddHours(-1);
        await App.ExecuteDbContextAsync(db =>
            db.Database.ExecuteSqlAsync($"""UPDATE "InformationRequests" SET "DueAt" = {past} WHERE "Id" = {late}"""));

        var now = TestClock.UtcNow;
        var overdue = await App.ExecuteDbContextAsync(db => db.InformationRequests.OverdueAt(now).Select(r => r.Id).ToListAsync());
        var casesWithOverdue = await App.ExecuteDbContextAsync(db =>
        {
            var overdueRequests = db.InformationRequests.OverdueAt(now);
            return db.MashCases.Where(c => overdueRequests.Any(r => r.CaseId == c.Id)).Select(c => c.Id).ToListAsync();
        });

        overdue.ShouldBe([late]);
        overdue.ShouldNotContain(onTime);
        casesWithOverdue.ShouldBe([world.CaseId]);
        var summary = await App.SendAsync(new InformationRequestsSummary.Query(world.CaseId));
        summary.Overdue.ShouldBe(1);
        summary.Requests.Single(r => r.Id == late).Status.ShouldBe(RequestStatus.Overdue);
        (await practitioner.GetStringAsync(world.Checklist)).ShouldContain("1 request is overdue");
        (await practitioner.GetStringAsync("/mash")).ShouldContain("Agency answer overdue");
        var caseRecord = await practitioner.GetStringAsync($"/mash/cases/{world.CaseId}");
        caseRecord.ShouldContain("Information from partner agencies");
        caseRecord.ShouldContain("1 request is overdue");
    }

    private static async Task RecordNotNeededAsync(HttpClient practitioner, InformationRequestWorld world, string agency,
        IEnumerable<string> keys, string reason)
    {
        var response = await PostNotNeededAsync(practitioner, world, agency, keys, reason);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(response));
    }

    private static Task<HttpResponseMessage> PostNotNeededAsync(HttpClient practitioner, InformationRequestWorld world, string agency,
        IEnumerable<string> keys, string reason) =>
        Forms.PostAsync(practitioner, $"{world.Checklist}/not-needed/{agency}",
            [.. keys.Select(k => KeyValuePair.Create("Data.AgencyKeys", k)), KeyValuePair.Create("Data.Reason", reason)]);

    private async Task<string> CaseVersionAsync(InformationRequestWorld world) =>
        (await App.ExecuteDbContextAsync(db => db.MashCases.Where(c => c.Id == world.CaseId).Select(c => c.Version).SingleAsync()))
            .ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Task<MashCaseStatus> CaseStatusAsync(InformationRequestWorld world) =>
        App.ExecuteDbContextAsync(db => db.MashCases.Where(c => c.Id == world.CaseId).Select(c => c.Status).SingleAsync());
}
