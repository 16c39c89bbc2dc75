using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.IntegrationTests.Pages.InformationRequests;

/// <summary>
/// A MASH, a school that referred, two police forces and their responders, and a case at MASH checks: who
/// every information request test needs. Helpers send requests and answers through the real pages.
/// </summary>
public sealed partial class InformationRequestWorld
{
    private InformationRequestWorld(PortalApp app) => App = app;

    public PortalApp App { get; }
    public Organisation Mash { get; private set; } = null!;
    public Organisation Police { get; private set; } = null!;
    public Organisation OtherPolice { get; private set; } = null!;
    public Organisation School { get; private set; } = null!;
    public PortalUser Practitioner { get; private set; } = null!;
    public Guid CaseId { get; private set; }
    public string Reference { get; private set; } = string.Empty;

    public const string PractitionerEmail = "priya@mash.test";
    public const string PoliceEmail = "dan@police.test";
    public const string SecondPoliceEmail = "amy@police.test";
    public const string OtherPoliceEmail = "sam@westshire-police.test";
    public const string SchoolEmail = "sarah@riverside.test";

    public static async Task<InformationRequestWorld> CreateAsync(PortalApp app, BragRating rating = BragRating.Amber)
    {
        var world = new InformationRequestWorld(app);
        world.Mash = await app.CreateOrganisationAsync("Northshire County Council", OrganisationKind.LocalAuthorityChildrensSocialCare);
        world.Police = await app.CreateOrganisationAsync("Northshire Police", OrganisationKind.Police);
        world.OtherPolice = await app.CreateOrganisationAsync("Westshire Police", OrganisationKind.Police);
        world.School = await app.CreateOrganisationAsync(CasesAtChecks.School, OrganisationKind.School);
        world.Practitioner = await app.CreateUserAsync(PractitionerEmail, world.Mash, PortalRole.MashPractitioner);
        await app.CreateUserAsync(PoliceEmail, world.Police, PortalRole.AgencyResponder);
        await app.CreateUserAsync(SecondPoliceEmail, world.Police, PortalRole.AgencyResponder);
        await app.CreateUserAsync(OtherPoliceEmail, world.OtherPolice, PortalRole.AgencyResponder);
        await app.CreateUserAsync(SchoolEmail, world.School, PortalRole.AgencyResponder);
        var referrer = await app.CreateUserAsync("rachel@riverside.test", world.School, PortalRole.Referrer);
        (world.CaseId, world.Reference) = await CasesAtChecks.CreateAsync(app.Services, referrer, world.Practitioner, rating);
        return world;
    }

    public string Checklist => $"/mash/cases/{CaseId}/information-requests";

    public string SendPage(string agency) => $"{Checklist}/send/{agency}";

    /// <summary>Sends a request through the send page, as the form comes (everything ticked), and returns its id.</summary>
    public async Task<Guid> SendAsync(HttpClient practitioner, string agency, Guid organisationId,
        string lawfulBasis = "SafeguardingPublicTask")
    {
        var response = await Forms.PostAsync(practitioner, SendPage(agency), await SendFieldsAsync(practitioner, agency, organisationId,
            lawfulBasis));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(response));
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith(Checklist);
        return Guid.ParseExact(location[(location.IndexOf("#request-", StringComparison.Ordinal) + "#request-".Length)..], "N");
    }

    /// <summary>The send form's fields as it comes (everything ticked), with the key the form carries.</summary>
    public async Task<List<KeyValuePair<string, string>>> SendFieldsAsync(HttpClient practitioner, string agency, Guid organisationId,
        string lawfulBasis = "SafeguardingPublicTask")
    {
        var form = await practitioner.GetStringAsync(SendPage(agency));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Data.OrganisationId", organisationId.ToString()),
            new("Data.LawfulBasis", lawfulBasis),
            new("Data.ConsentObtained", "false"),
        };
        fields.AddRange(CheckedBoxes(form, "Data.ChildIds").Concat(CheckedBoxes(form, "Data.AdultIds"))
            .Concat(CheckedBoxes(form, "Data.Questions")).Concat(CheckedBoxes(form, "Data.IdempotencyKey", onlyChecked: false)));
        return fields;
    }

    public Task<InformationRequest> RequestAsync(Guid requestId) =>
        App.ExecuteDbContextAsync(db =>
            db.InformationRequests.AsNoTracking().Include(r => r.Subjects).Include(r => r.Responses).ThenInclude(r => r.Attachments)
            .AsSplitQuery().SingleAsync(r => r.Id == requestId));

    private static IEnumerable<KeyValuePair<string, string>> CheckedBoxes(string html, string name, bool onlyChecked = true) =>
        Regex.Matches(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*>")
            .Where(m => !onlyChecked || m.Value.Contains(" checked", StringComparison.Ordinal))
            .Select(m => KeyValuePair.Create(name, WebUtility.HtmlDecode(Regex.Match(m.Value, "value=\"([^\"]*)\"").Groups[1].Value)));
}
