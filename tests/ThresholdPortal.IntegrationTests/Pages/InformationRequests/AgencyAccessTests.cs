using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.InformationRequests;

namespace ThresholdPortal.IntegrationTests.Pages.InformationRequests;

public sealed class AgencyAccessTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_responder_of_another_organisation_gets_404_for_the_request()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var requestId = await world.SendAsync(await App.SignInAsync(InformationRequestWorld.PractitionerEmail), "police", world.Police.Id);
        var stranger = await App.SignInAsync(InformationRequestWorld.OtherPoliceEmail);

        foreach (var address in new[] { $"/agency/requests/{requestId}", AgencyForms.Answer(requestId), AgencyForms.Decline(requestId) })
        {
            (await stranger.GetAsync(address)).StatusCode.ShouldBe(HttpStatusCode.NotFound, address);
        }

        // Posting an answer with a token from a page the stranger may see is refused the same way.
        var token = await Forms.TokenAsync(stranger, "/account/change-password");
        var post = await stranger.PostAsync(AgencyForms.Decline(requestId), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Data.Reason"] = "Not ours.", ["Data.ResponsesSeen"] = "0",
        }));
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetStringAsync("/agency/requests")).ShouldNotContain(world.Reference);

        var request = await world.RequestAsync(requestId);
        request.State.ShouldBe(RequestState.Sent, "the stranger's attempts neither opened nor answered it");
        request.Responses.ShouldBeEmpty();
        (await App.AuditAsync()).ShouldNotContain(e => e.Action == InformationRequestEvents.Viewed);

        var owner = await App.SignInAsync(InformationRequestWorld.PoliceEmail);
        (await owner.GetAsync($"/agency/requests/{requestId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_responder_sees_the_names_dates_of_birth_addresses_and_questions_but_never_the_referral()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var requestId = await world.SendAsync(await App.SignInAsync(InformationRequestWorld.PractitionerEmail), "police", world.Police.Id);
        var police = await App.SignInAsync(InformationRequestWorld.PoliceEmail);

        var page = await police.GetStringAsync($"/agency/requests/{requestId}");

        page.ShouldContain("Jayden Clarke");
        page.ShouldContain("3 May 2017");
        page.ShouldContain("1 Mill Lane, Northtown, NT1 1AA");
        page.ShouldContain("Kelly Clarke");
        page.ShouldContain("Are any firearms or shotgun certificates held at the address?");
        page.ShouldContain(world.Reference);
        page.ShouldNotContain("pushed him into a door", customMessage: "the referral's account of the concerns is not shared");
        page.ShouldNotContain("rough with both children");
        page.ShouldNotContain("Rachel Okafor", customMessage: "nor who referred");
        page.ShouldNotContain("Amber", customMessage: "nor the MASH's rating");
    }

    [Fact]
    public async Task Opening_a_request_marks_it_viewed_once_and_logs_every_opening_on_the_case()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        var requestId = await world.SendAsync(practitioner, "police", world.Police.Id);
        var police = await App.SignInAsync(InformationRequestWorld.PoliceEmail);

        await police.GetStringAsync($"/agency/requests/{requestId}");
        var firstViewedAt = (await world.RequestAsync(requestId)).FirstViewedAt;
        await police.GetStringAsync($"/agency/requests/{requestId}");

        var request = await world.RequestAsync(requestId);
        request.State.ShouldBe(RequestState.Viewed);
        request.FirstViewedAt.ShouldNotBeNull().ShouldBe(firstViewedAt!.Value);
        (await App.AuditAsync()).Count(e => e.Action == InformationRequestEvents.Viewed && e.SubjectId == world.CaseId.ToString())
            .ShouldBe(2);
        (await practitioner.GetStringAsync(world.Checklist)).ShouldContain("Opened by the agency");
    }

    [Fact]
    public async Task The_agency_list_shows_waiting_requests_most_urgent_first_and_pages_by_key()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        var ids = new List<Guid>();
        for (var i = 0; i < 27; i++)
        {
            ids.Add(await world.SendAsync(practitioner, "police", world.Police.Id));
        }

        // Give each its own due time, in an order unlike the order they were sent.
        var now = TestClock.UtcNow;
        for (var i = 0; i < ids.Count; i++)
        {
            var dueAt = now.AddHours(((i * 7) % 27) - 2.5);
            var id = ids[i];
            await App.ExecuteDbContextAsync(db =>
                db.Database.ExecuteSqlAsync($"""UPDATE "InformationRequests" SET "DueAt" = {dueAt} WHERE "Id" = {id}"""));
        }

        var expected = await App.ExecuteDbContextAsync(db =>
            db.InformationRequests.OrderBy(r => r.DueAt).ThenBy(r => r.Id).Select(r => r.Id).ToListAsync());
        var police = await App.SignInAsync(InformationRequestWorld.PoliceEmail);

        var first = await police.GetStringAsync("/agency/requests");
        var firstIds = RequestLinks(first);
        firstIds.ShouldBe(expected.Take(25));
        System.Text.RegularExpressions.Regex.Match(first, "[0-9]+ requests? (is|are) overdue").Value.ShouldBe("3 requests are overdue");
        var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"(/agency/requests\\?show=waiting&amp;after=[^\"]+)\"");
        next.Success.ShouldBeTrue("a full page links to the next");
        var second = await police.GetStringAsync(WebUtility.HtmlDecode(next.Groups[1].Value));
        RequestLinks(second).ShouldBe(expected.Skip(25));
        second.ShouldNotContain("rel=\"next\"");
    }

    private static List<Guid> RequestLinks(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "href=\"/agency/requests/([0-9a-f-]{36})\"")
            .Select(m => Guid.Parse(m.Groups[1].Value))];
}
