using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.TestSupport;
using ThresholdPortal.IntegrationTests.Pages.InformationRequests;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.IntegrationTests.Pages.Admin;

public sealed class AgencyChecklistTests(PortalApp app) : IntegrationTest(app)
{
    private const string Base = "/admin/configuration/agencies";

    private static List<KeyValuePair<string,
        string>> Fields(string name, string order, bool active, string questions, params string[] kinds) =>
    [
        new("Data.Name", name), new("Data.Order", order), new("Data.IsActive", active ? "true" : "false"),
            new("Data.StandardQuestions", questions),
        .. kinds.Select(k => KeyValuePair.Create("Data.RecipientKinds", k)),
    ];

    private static List<KeyValuePair<string,
        string>> FieldsOf(PartnerAgency agency, bool? active = null, IEnumerable<string>? questions = null) =>
        Fields(agency.Name, agency.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), active ?? agency.IsActive,
            string.Join('\n', questions ?? agency.StandardQuestions), [.. agency.RecipientKinds.Select(k => k.ToString())]);

    private async Task<IReadOnlyList<string>> ChecklistKeysAsync(Guid caseId) =>
        [.. (await App.SendAsync(new InformationRequestsSummary.Query(caseId))).Checklist.Agencies.Select(a => a.Key)];

    [Fact]
    public async Task An_added_agency_joins_every_case_checklist_and_leaves_it_when_taken_off_and_both_are_audited()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var (admin, administrator, _) = await App.SignInAsAdministratorAsync();
        (await ChecklistKeysAsync(world.CaseId)).ShouldNotContain("fire-and-rescue-service");

        var added = await Forms.PostAsync(admin, $"{Base}/create",
            Fields("Fire and Rescue Service", "12", active: true, "Has the home had a safety visit?\nAny fires set at the address?",
                "OtherLocalAuthorityDepartment"));

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(added));
        added.Headers.Location!.ToString().ShouldBe(Base);
        var agency = await App.ExecuteDbContextAsync(db =>
            db.PartnerAgencies.AsNoTracking().SingleAsync(a => a.Name == "Fire and Rescue Service"));
        agency.Key.ShouldBe("fire-and-rescue-service");
        agency.StandardQuestions.ShouldBe(["Has the home had a safety visit?", "Any fires set at the address?"]);
        (await ChecklistKeysAsync(world.CaseId)).ShouldContain("fire-and-rescue-service");

        var takenOff = await Forms.PostAsync(admin, $"{Base}/edit/{agency.Id}", FieldsOf(agency, active: false));

        takenOff.Headers.Location!.ToString().ShouldBe(Base);
        (await ChecklistKeysAsync(world.CaseId)).ShouldNotContain("fire-and-rescue-service");
        var audit = (await App.AuditAsync()).Where(e => e.Action.StartsWith("partner-agency.", StringComparison.Ordinal)).ToList();
        audit.Select(e => (e.Action, e.SubjectId, e.UserId)).ShouldBe(
        [
            (ConfigurationEvents.AgencyCreated, agency.Id.ToString(), (Guid?)administrator.Id),
            (ConfigurationEvents.AgencyUpdated, agency.Id.ToString(), (Guid?)administrator.Id),
        ]);
        audit[1].Detail.ShouldBe("Fire and Rescue Service: Taken off the checklist for new cases");
        var log = await (await admin.GetAsync("/admin/audit-log")).Content.ReadAsStringAsync();
        log.ShouldContain("Agency added to the checklist");
        log.ShouldContain("Agency on the checklist changed");
        (await admin.GetStringAsync(Base)).ShouldContain("Fire and Rescue Service");
    }

    [Fact]
    public async Task A_retired_question_stays_on_the_request_that_asked_it()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        var requestId = await world.SendAsync(practitioner, "police", world.Police.Id);
        var police = await App.ExecuteDbContextAsync(db => db.PartnerAgencies.AsNoTracking().SingleAsync(a => a.Key == "police"));
        var retired = police.StandardQuestions[0];
        var (admin, _, _) = await App.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"{Base}/edit/{police.Id}",
            FieldsOf(police, questions: [.. police.StandardQuestions.Skip(1).Reverse(), "Any firearms licence in the household?"]));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var changed = await App.ExecuteDbContextAsync(db => db.PartnerAgencies.AsNoTracking().SingleAsync(a => a.Key == "police"));
        changed.StandardQuestions.ShouldNotContain(retired);
        changed.StandardQuestions[^1].ShouldBe("Any firearms licence in the household?");
        (await world.RequestAsync(requestId)).Questions.ShouldContain(retired);
        (await practitioner.GetStringAsync(world.Checklist))
            .ShouldContain(System.Net.WebUtility.HtmlEncode(retired).Replace("&#39;", "&#x27;", StringComparison.Ordinal));
        (await App.AuditAsync()).Single(e => e.Action == ConfigurationEvents.AgencyUpdated).Detail!
            .ShouldContain($"Question added: Any firearms licence in the household?; Question retired: {retired}");
    }

    [Theory]
    [InlineData("", "1", "Q?", "Enter the agency&#x27;s name, for example Police")]
    [InlineData("Police", "1", "Q?", "Police is already on the checklist")]
    [InlineData("Youth Justice", "", "Q?", "Enter where the agency comes on the checklist, like 1")]
    [InlineData("Youth Justice", "first", "Q?", "Position must be a whole number from 1 to 999")]
    [InlineData("Youth Justice", "0", "Q?", "Position must be a whole number from 1 to 999")]
    [InlineData("Youth Justice", "1", "  \n ", "Enter at least one standard question")]
    [InlineData("Youth Justice", "1", "Same?\nsame?", "Each question must be different")]
    public async Task Invalid_agencies_are_refused_with_the_error_summary_and_nothing_is_stored(string name, string order, string questions,
        string error)
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var before = await App.ExecuteDbContextAsync(db => db.PartnerAgencies.CountAsync());

        var response = await Forms.PostAsync(admin, $"{Base}/create", Fields(name, order, active: true, questions, "Police"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain(error);
        (await App.ExecuteDbContextAsync(db => db.PartnerAgencies.CountAsync())).ShouldBe(before);
        (await App.AuditAsync()).ShouldNotContain(e => e.Action.StartsWith("partner-agency.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_question_longer_than_the_limit_and_an_unknown_organisation_kind_are_refused()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();

        var tooLong = await Forms.PostAsync(admin, $"{Base}/create",
            Fields("Youth Justice", "1", true, new string('q', PartnerAgency.QuestionMaxLength + 1)));
        var badKind = await Forms.PostAsync(admin, $"{Base}/create", Fields("Youth Justice", "1", true, "Q?", "Dragons"));

        (await tooLong.Content.ReadAsStringAsync())
            .ShouldContain($"Each question must be {PartnerAgency.QuestionMaxLength} characters or fewer");
        (await badKind.Content.ReadAsStringAsync()).ShouldContain("Select the kinds of organisation from the list");
    }

    [Fact]
    public async Task An_unknown_agency_is_not_found()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();

        (await admin.GetAsync($"{Base}/edit/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
