using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.InformationRequests;

namespace ThresholdPortal.IntegrationTests.Pages.InformationRequests;

public sealed class RespondingTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_answer_with_an_attachment_reaches_the_practitioner_who_can_download_it()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        var requestId = await world.SendAsync(practitioner, "police", world.Police.Id);
        var police = await App.SignInAsync(InformationRequestWorld.PoliceEmail);

        var response = await AgencyForms.AnswerAsync(police, requestId, files: ("..\\chronology.pdf", AgencyForms.Pdf));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(response));
        var request = await world.RequestAsync(requestId);
        request.State.ShouldBe(RequestState.Answered);
        var answer = request.Responses.ShouldHaveSingleItem();
        answer.KnownToAgency.ShouldBe(true);
        answer.ConcernLevel.ShouldBe(AgencyConcernLevel.High);
        answer.RespondedByName.ShouldBe("Test dan");
        var attachment = answer.Attachments.ShouldHaveSingleItem();
        attachment.FileName.ShouldBe("chronology.pdf");

        var page = await practitioner.GetStringAsync(world.Checklist);
        page.ShouldContain("Two domestic incidents at the address in 2025.");
        page.ShouldContain("High concern");
        var download = await practitioner.GetAsync($"{world.Checklist}/attachments/{attachment.Id}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(AgencyForms.Pdf);
        (await App.AuditAsync())
            .ShouldContain(e => e.Action == InformationRequestEvents.AttachmentDownloaded && e.SubjectId == world.CaseId.ToString());

        var stranger = await App.SignInAsync(InformationRequestWorld.OtherPoliceEmail);
        (await stranger.GetAsync($"/agency/requests/{requestId}/attachments/{attachment.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await police.GetAsync($"/agency/requests/{requestId}/attachments/{attachment.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_answer_cannot_be_changed_after_submission_a_correction_is_a_new_response_beside_it()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var requestId = await world.SendAsync(await App.SignInAsync(InformationRequestWorld.PractitionerEmail), "police", world.Police.Id);
        var police = await App.SignInAsync(InformationRequestWorld.PoliceEmail);
        await AgencyForms.AnswerAsync(police, requestId, summary: "One incident in 2025.");
        var first = (await world.RequestAsync(requestId)).Responses.Single();

        (await police.GetStringAsync(AgencyForms.Answer(requestId))).ShouldContain("Send a correction");
        var correction = await AgencyForms.AnswerAsync(police, requestId, summary: "Two incidents in 2025: the second was in September.",
            responsesSeen: 1);
        correction.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(correction));

        var responses = (await world.RequestAsync(requestId)).Responses.OrderBy(r => r.SubmittedAt).ToList();
        responses.Count.ShouldBe(2);
        responses[0].Id.ShouldBe(first.Id);
        responses[0].InvolvementSummary.ShouldBe("One incident in 2025.", "the first answer is kept exactly as it was sent");
        responses[0].SubmittedAt.ShouldBe(first.SubmittedAt);
        responses[1].CorrectsResponseId.ShouldBe(first.Id);
        (await App.AuditAsync()).ShouldContain(e => e.Action == InformationRequestEvents.Corrected);

        // Declining after answering is refused: an answer is corrected, never withdrawn.
        var decline = await AgencyForms.DeclineAsync(police, requestId, "Changed our mind.", responsesSeen: 2);
        (await Forms.ErrorsAsync(decline)).ShouldContain("already been answered");
        (await world.RequestAsync(requestId)).Responses.Count.ShouldBe(2);
    }

    // As the app's role (docs/decisions/0115): the triggers refuse changes; truncating is not even granted.
    [Theory]
    [InlineData("UPDATE \"InformationResponses\" SET \"InvolvementSummary\" = 'tampered'", "append-only")]
    [InlineData("DELETE FROM \"InformationResponses\"", "append-only")]
    [InlineData("TRUNCATE \"InformationResponses\" CASCADE", "permission denied")]
    [InlineData("UPDATE \"InformationResponseAttachments\" SET \"FileName\" = 'other.pdf'", "append-only")]
    [InlineData("UPDATE \"InformationResponseAttachmentContents\" SET \"Bytes\" = '\\x00'", "append-only")]
    [InlineData("DELETE FROM \"InformationRequestSubjects\"", "append-only")]
    public async Task The_database_refuses_to_change_a_submitted_response(string sql, string refusal)
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var requestId = await world.SendAsync(await App.SignInAsync(InformationRequestWorld.PractitionerEmail), "police", world.Police.Id);
        var police = await App.SignInAsync(InformationRequestWorld.PoliceEmail);
        await AgencyForms.AnswerAsync(police, requestId, summary: "One incident in 2025.", files: ("chronology.pdf", AgencyForms.Pdf));

        var failure = await Should.ThrowAsync<PostgresException>(() =>
            App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlRawAsync(sql)));

        failure.MessageText.ShouldContain(refusal);
        var stored = await world.RequestAsync(requestId);
        stored.Responses.Single().InvolvementSummary.ShouldBe("One incident in 2025.");
        stored.Responses.Single().Attachments.Single().FileName.ShouldBe("chronology.pdf");
        stored.Subjects.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_file_that_is_not_an_accepted_type_is_refused_whatever_it_is_called()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var requestId = await world.SendAsync(await App.SignInAsync(InformationRequestWorld.PractitionerEmail), "police", world.Police.Id);
        var police = await App.SignInAsync(InformationRequestWorld.PoliceEmail);

        var response = await AgencyForms.AnswerAsync(police, requestId, files: ("report.pdf", "MZ\u0090\u0000 an executable"u8.ToArray()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Forms.ErrorsAsync(response)).ShouldContain("report.pdf must be a PDF, a Word document (DOCX), a PNG or a JPEG");
        (await world.RequestAsync(requestId)).Responses.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_responder_whose_colleague_answered_meanwhile_is_told_rather_than_sending_blind()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var requestId = await world.SendAsync(await App.SignInAsync(InformationRequestWorld.PractitionerEmail), "police", world.Police.Id);
        var dan = await App.SignInAsync(InformationRequestWorld.PoliceEmail);
        var amy = await App.SignInAsync(InformationRequestWorld.SecondPoliceEmail);
        await AgencyForms.AnswerAsync(amy, requestId, summary: "Amy's answer.");

        // Dan opened the form before Amy sent hers: it still says no responses.
        var late = await AgencyForms.AnswerAsync(dan, requestId, summary: "Dan's answer.", responsesSeen: 0);

        (await Forms.ErrorsAsync(late)).ShouldContain("Someone at your organisation responded to this request while you were writing");
        (await world.RequestAsync(requestId)).Responses.ShouldHaveSingleItem().InvolvementSummary.ShouldBe("Amy's answer.");
    }

    [Fact]
    public async Task A_decline_with_a_reason_shows_the_practitioner_why()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        var requestId = await world.SendAsync(practitioner, "school", world.School.Id);
        var school = await App.SignInAsync(InformationRequestWorld.SchoolEmail);

        var empty = await AgencyForms.DeclineAsync(school, requestId, "  ");
        (await Forms.ErrorsAsync(empty)).ShouldContain("Say why your agency cannot answer");
        var declined = await AgencyForms.DeclineAsync(school, requestId, "The children left us in July for Northtown Academy.");

        declined.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var request = await world.RequestAsync(requestId);
        request.State.ShouldBe(RequestState.Declined);
        request.Responses.Single().Kind.ShouldBe(ResponseKind.Decline);
        var page = await practitioner.GetStringAsync(world.Checklist);
        page.ShouldContain("The children left us in July for Northtown Academy.");
        page.ShouldContain("Declined");
    }
}
