using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.IntegrationTests.Pages.InformationRequests;

public sealed class SendingTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_request_is_stored_with_the_people_named_and_its_due_time_and_every_responder_is_emailed_in_the_same_transaction()
    {
        var world = await InformationRequestWorld.CreateAsync(App, BragRating.Red);
        var retired = await App.CreateUserAsync("retired@police.test", world.Police, Domain.Accounts.PortalRole.AgencyResponder);
        await App.ExecuteDbContextAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == retired.Id)).IsActive = false;
            await db.SaveChangesAsync();
        });
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        var before = TestClock.UtcNow;

        var requestId = await world.SendAsync(practitioner, "police", world.Police.Id);

        var request = await world.RequestAsync(requestId);
        request.CaseId.ShouldBe(world.CaseId);
        request.OrganisationId.ShouldBe(world.Police.Id);
        request.AgencyName.ShouldBe("Police");
        request.State.ShouldBe(RequestState.Sent);
        request.Rating.ShouldBe(BragRating.Red);
        request.SentByUserId.ShouldBe(world.Practitioner.Id);
        request.Subjects.OrderBy(s => s.Order).Select(s => s.Name).ShouldBe(["Jayden Clarke", "Maisie Clarke", "Kelly Clarke"]);
        request.Subjects.ShouldAllBe(s => s.Address == "1 Mill Lane, Northtown, NT1 1AA");
        request.Questions.Count.ShouldBe(5);
        var calendar = App.Scoped<WorkingCalendar>();
        request.DueAt.ShouldBe(calendar.AddWorkingTime(request.SentAt, TimeSpan.FromHours(2)));
        request.SentAt.ShouldBeGreaterThanOrEqualTo(before.AddSeconds(-1));

        var outbox = await App.OutboxAsync();
        outbox.Select(m => m.Recipient).Order().ToList()
            .ShouldBe([InformationRequestWorld.SecondPoliceEmail, InformationRequestWorld.PoliceEmail],
            "every active police responder, and no one else");
        outbox.ShouldAllBe(m => m.Template == EmailTemplate.InformationRequestReceived.Name && m.Link == $"/agency/requests/{requestId}");
        var sent = (await App.AuditAsync()).Where(e => e.Action == InformationRequestEvents.Sent).ShouldHaveSingleItem();
        sent.SubjectId.ShouldBe(world.CaseId.ToString());
        sent.Detail!.ShouldContain("Northshire Police");
        sent.Detail!.ShouldNotContain("Jayden");
    }

    [Fact]
    public async Task The_school_is_suggested_from_the_school_the_referral_names()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        await App.CreateOrganisationAsync("Northtown Academy", Domain.Organisations.OrganisationKind.School);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);

        var form = await practitioner.GetStringAsync(world.SendPage("school"));

        form.ShouldContain("The referral names Riverside Primary School as the child&#x27;s school or setting.");
        form.ShouldMatch($"value=\"{world.School.Id}\" checked");
    }

    [Fact]
    public async Task A_request_without_a_child_or_a_question_is_refused_with_the_reasons()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);

        var response = await Forms.PostAsync(practitioner, world.SendPage("police"), new Dictionary<string, string>
        {
            ["Data.OrganisationId"] = world.Police.Id.ToString(),
            ["Data.LawfulBasis"] = "Consent",
            ["Data.ConsentObtained"] = "false",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = await Forms.ErrorsAsync(response);
        errors.ShouldContain("Select at least one child");
        errors.ShouldContain("Select at least one question or write your own");
        errors.ShouldContain("Consent cannot be the lawful basis when it was not obtained");
        (await App.ExecuteDbContextAsync(db => db.InformationRequests.CountAsync())).ShouldBe(0);
        (await App.OutboxAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Data.ChildIds")]
    [InlineData("Data.AdultIds")]
    public async Task A_child_or_adult_from_outside_the_referral_is_refused_with_a_reason(string field)
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        var ownChild = (await App.ExecuteDbContextAsync(db => db.ReferralChildren.AsNoTracking().FirstAsync())).Id;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Data.OrganisationId", world.Police.Id.ToString()),
            new("Data.LawfulBasis", "SafeguardingPublicTask"),
            new("Data.ConsentObtained", "false"),
            new("Data.AdditionalQuestions", "Is the family known to you?"),
            new("Data.ChildIds", ownChild.ToString()),
            new(field, Guid.NewGuid().ToString()),
        };

        var response = await Forms.PostAsync(practitioner, world.SendPage("police"), fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Forms.ErrorsAsync(response)).ShouldContain("Select only children and adults named in this referral");
        (await App.ExecuteDbContextAsync(db => db.InformationRequests.CountAsync())).ShouldBe(0);
        (await App.OutboxAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Values_that_do_not_bind_show_the_form_again_rather_than_failing()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);

        var response = await Forms.PostAsync(practitioner, world.SendPage("police"), new Dictionary<string, string>
        {
            ["Data.OrganisationId"] = "not-an-id",
            ["Data.LawfulBasis"] = "Because",
            ["Data.ConsentObtained"] = "maybe",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("govuk-error-summary");
        page.ShouldContain("Ask Police for information");
        (await App.ExecuteDbContextAsync(db => db.InformationRequests.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_case_still_at_screening_cannot_ask_agencies()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        await App.ExecuteDbContextAsync(db =>
            db.Database.ExecuteSqlAsync($"""UPDATE "MashCases" SET "Status" = 'Screening' WHERE "Id" = {world.CaseId}"""));
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        (await practitioner.GetStringAsync(world.SendPage("police")))
            .ShouldContain("Agencies can be asked once the case has been progressed to MASH checks");

        // The form is not offered; posting one anyway is refused by the case's rules.
        var childId = await App.ExecuteDbContextAsync(db => db.ReferralChildren.Select(c => c.Id).FirstAsync());
        var response = await Forms.PostAsync(practitioner, world.SendPage("police"), new Dictionary<string, string>
        {
            ["Data.OrganisationId"] = world.Police.Id.ToString(),
            ["Data.ChildIds"] = childId.ToString(),
            ["Data.AdditionalQuestions"] = "Is the family known to you?",
            ["Data.LawfulBasis"] = "SafeguardingPublicTask",
            ["Data.ConsentObtained"] = "false",
        }, tokenFrom: "/account/change-password");

        (await Forms.ErrorsAsync(response)).ShouldContain("Progress the case to MASH checks before asking agencies");
        (await App.ExecuteDbContextAsync(db => db.InformationRequests.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_request_to_an_organisation_of_the_wrong_kind_is_refused()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        var form = await practitioner.GetStringAsync(world.SendPage("police"));
        form.ShouldNotContain(world.School.Id.ToString(), customMessage: "only police forces are offered for the police");

        var response = await Forms.PostAsync(practitioner, world.SendPage("police"), new Dictionary<string, string>
        {
            ["Data.OrganisationId"] = world.School.Id.ToString(),
            ["Data.ChildIds"] = (await App.ExecuteDbContextAsync(db => db.ReferralChildren.Select(c => c.Id).FirstAsync())).ToString(),
            ["Data.AdditionalQuestions"] = "Is the family known to you?",
            ["Data.LawfulBasis"] = "SafeguardingPublicTask",
            ["Data.ConsentObtained"] = "false",
        });

        (await Forms.ErrorsAsync(response)).ShouldContain("Riverside Primary School cannot be sent a request for Police");
    }
}
