using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.IntegrationTests.Pages.InformationRequests;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Features.SubjectAccess;

namespace ThresholdPortal.IntegrationTests.DataProtection;

/// <summary>
/// The subject access pages (issue 19, item 3; docs/decisions/0123) as the data protection officer uses them: the search
/// refuses an empty form with the error summary, finds a child named in two referrals and one agency answer, the chosen
/// records are shown and downloaded as a ZIP, nothing searched for reaches an address, and each step is audited by counts.
/// </summary>
public sealed partial class SubjectAccessPagesTests(PortalApp app) : IntegrationTest(app)
{
    private const string OfficerEmail = "nadia@council.test";
    private static readonly DateOnly Born = new(2017, 5, 3);

    [Fact]
    public async Task An_empty_search_is_refused_with_the_error_summary_and_wrong_details_each_say_what_is_wrong()
    {
        var officer = await OfficerAsync();

        var empty = await Forms.PostAsync(officer, "/subject-access", new Dictionary<string, string>());
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        Forms.ErrorSummary(await empty.Content.ReadAsStringAsync()).ShouldBe("Enter a name, a date of birth or an NHS number");

        var wrong = await Forms.PostAsync(officer, "/subject-access", new Dictionary<string, string>
        {
            ["Data.Name"] = new('a', 101),
            ["Data.DateOfBirth.Day"] = "31",
            ["Data.DateOfBirth.Month"] = "2",
            ["Data.DateOfBirth.Year"] = "2017",
            ["Data.NhsNumber"] = "485 777 345",
        });
        var errors = Forms.ErrorSummary(await wrong.Content.ReadAsStringAsync());
        errors.ShouldContain("Name must be 100 characters or fewer");
        errors.ShouldContain("Date of birth must be a real date");
        errors.ShouldContain("NHS number must be 10 digits");
        var audit = await App.AuditAsync();
        audit.ShouldNotContain(e => e.Action == SubjectAccessEvents.Searched, "a refused search runs no search");
    }

    [Fact]
    public async Task The_officer_finds_a_child_in_two_referrals_and_an_agency_answer_views_them_and_downloads_the_bundle()
    {
        var (world, second) = await ChildInTwoReferralsAsync();
        var officer = await OfficerAsync();

        var results = await Forms.PostAsync(officer, "/subject-access", new Dictionary<string, string>
        {
            ["Data.Name"] = "Jaden Clark",
            ["Data.DateOfBirth.Day"] = "3",
            ["Data.DateOfBirth.Month"] = "5",
            ["Data.DateOfBirth.Year"] = "2017",
        });
        var page = await results.Content.ReadAsStringAsync();
        results.StatusCode.ShouldBe(HttpStatusCode.OK, Forms.ErrorSummary(page));
        page.ShouldContain("Choose the records that are the person");
        page.ShouldContain("Jayden Clarke");
        page.ShouldContain("Jaiden Clark");
        page.ShouldNotContain("Oliver Brown");
        var keys = ChildKeys().Matches(page).Select(m => m.Groups[1].Value).Distinct().ToList();
        var clarkes = keys.Where(key => CandidateLabel(page, key) is "Jayden Clarke" or "Jaiden Clark").ToList();
        clarkes.Count.ShouldBe(2);

        var none = await Forms.PostAsync(officer, "/subject-access?handler=Choose", Criteria(), tokenFrom: "/subject-access");
        Forms.ErrorSummary(await none.Content.ReadAsStringAsync()).ShouldBe("Select the records that are the person");

        var chosen = await Forms.PostAsync(officer, "/subject-access?handler=Choose",
            [.. Criteria(), .. clarkes.Select(key => KeyValuePair.Create("Chosen", key))], tokenFrom: "/subject-access");
        chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(chosen));
        chosen.Headers.Location!.OriginalString.ShouldBe("/subject-access/record");

        var record = WebUtility.HtmlDecode(await officer.GetStringAsync("/subject-access/record"));
        record.ShouldContain(world.Reference);
        record.ShouldContain(second.Reference);
        record.ShouldContain("Two domestic incidents at the address in 2025.", customMessage: "the agency's answer");
        record.ShouldContain("chronology.pdf");
        record.ShouldContain("Ruby Stone, born 1 February 2015 (another child)");
        record.ShouldContain("Received by the MASH", customMessage: "the access log");
        (await officer.GetStringAsync("/subject-access/record")).ShouldContain(second.Reference, customMessage: "a reload still shows it");

        var download = await Forms.PostAsync(officer, "/subject-access/record?handler=Download",
            clarkes.Select(key => KeyValuePair.Create("Chosen", key)), tokenFrom: "/subject-access/record");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        download.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue("a bundle of a child's records is never cached");
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldNotBeNull().ShouldStartWith("subject-access-");
        using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        zip.GetEntry("index.html").ShouldNotBeNull();
        zip.Entries.ShouldContain(e => e.Name == "chronology.pdf");

        var audit = (await App.AuditAsync()).Where(e => e.SubjectType == SubjectAccessEvents.SubjectType).ToList();
        audit.Count(e => e.Action == SubjectAccessEvents.Searched)
            .ShouldBe(2, "the search, and the results shown again when none was ticked");
        audit.Count(e => e.Action == SubjectAccessEvents.Viewed).ShouldBe(3, "two views and the page that gave the download its token");
        audit.Single(e => e.Action == SubjectAccessEvents.Exported).Detail.ShouldNotBeNull().ShouldContain("2 referrals");
        audit.ShouldAllBe(e => e.UserId != null);
        foreach (var entry in audit)
        {
            foreach (var personal in new[] { "Jaden", "Clark", "2017" })
            {
                (entry.Detail ?? string.Empty).ShouldNotContain(personal, Case.Insensitive);
            }
        }
    }

    [Fact]
    public async Task A_bundle_whose_attachments_are_too_large_is_refused_on_the_record_page_and_nothing_is_exported()
    {
        var (_, second) = await ChildInTwoReferralsAsync();
        // Only the size is read before the bundle is refused: the row needs no stored bytes.
        await App.ExecuteDbContextAsync(async db =>
        {
            db.ReferralAttachments.Add(new Domain.Referrals.ReferralAttachment
            {
                ReferralId = second.ReferralId, FileName = "scan.pdf", ContentType = "application/pdf",
                SizeBytes = SubjectBundle.MaxAttachmentBytes, UploadedAt = TestClock.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        var officer = await OfficerAsync();
        var results = await (await Forms.PostAsync(officer, "/subject-access", Criteria())).Content.ReadAsStringAsync();
        var keys = ChildKeys().Matches(results).Select(m => KeyValuePair.Create("Chosen", m.Groups[1].Value)).ToList();
        (await Forms.PostAsync(officer, "/subject-access?handler=Choose", [.. Criteria(), .. keys], tokenFrom: "/subject-access"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var refused = await Forms.PostAsync(officer, "/subject-access/record?handler=Download", keys, tokenFrom: "/subject-access/record");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await refused.Content.ReadAsStringAsync();
        Forms.ErrorSummary(page).ShouldBe(SubjectBundle.TooLargeMessage);
        page.ShouldContain("Everything held about the person");
        (await App.AuditAsync()).ShouldNotContain(e => e.Action == SubjectAccessEvents.Exported);
    }

    [Fact]
    public async Task The_record_page_without_a_choice_and_a_download_without_records_go_back_to_the_search()
    {
        var officer = await OfficerAsync();

        var record = await officer.GetAsync("/subject-access/record");
        var download = await Forms.PostAsync(officer, "/subject-access/record?handler=Download",
            [KeyValuePair.Create("Chosen", "not-a-key")], tokenFrom: "/subject-access");

        record.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        record.Headers.Location!.OriginalString.ShouldBe("/subject-access");
        download.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        download.Headers.Location!.OriginalString.ShouldBe("/subject-access");
        (await App.AuditAsync()).ShouldNotContain(e => e.SubjectType == SubjectAccessEvents.SubjectType);
    }

    [Fact]
    public async Task An_administrator_gives_the_role_on_the_user_pages_and_the_officer_then_reaches_subject_access()
    {
        var (admin, _, mash) = await App.SignInAsAdministratorAsync();
        var colleague = await App.CreateUserAsync(OfficerEmail, mash, enrolTwoFactor: true, PortalRole.Referrer);
        var form = await admin.GetStringAsync($"/admin/users/edit/{colleague.Id}");
        form.ShouldContain($"value=\"{PortalRole.DataProtectionOfficer}\"");
        WebUtility.HtmlDecode(form).ShouldContain("Answers subject access requests");

        var edited = await Forms.PostAsync(admin, $"/admin/users/edit/{colleague.Id}",
            new() { ["Data.OrganisationId"] = mash.Id.ToString(), ["Data.Roles"] = PortalRole.DataProtectionOfficer });

        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(edited));
        var officer = await App.SignInAsync(OfficerEmail);
        var page = await officer.GetStringAsync("/subject-access");
        page.ShouldContain("Find a person for a subject access request");
        page.ShouldContain("href=\"/subject-access\"", customMessage: "the navigation item");
        (await admin.GetAsync("/subject-access")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "administrators are not officers");
    }

    [Fact]
    public async Task The_demo_has_a_data_protection_officer_who_signs_in_with_a_second_factor_to_subject_access()
    {
        await App.UseDemoDatabaseAsync();

        var officer = await App.ExecuteDbContextAsync(db => db.Users.AsNoTracking()
            .SingleAsync(u => u.Email == DemoDataSeeder.DataProtectionOfficerEmail));
        var roles = await App.ExecuteDbContextAsync(db => db.UserRoles.Where(r => r.UserId == officer.Id)
            .Select(r => db.Roles.Single(role => role.Id == r.RoleId).Name).ToListAsync());
        roles.ShouldBe([PortalRole.DataProtectionOfficer]);
        officer.TwoFactorEnabled.ShouldBeTrue();
        var client = await App.SignInAsync(DemoDataSeeder.DataProtectionOfficerEmail, DemoDataSeeder.DemoPassword,
            DemoDataSeeder.DemoAuthenticatorKey);
        (await client.GetAsync("/subject-access")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(PortalRole.Administrator)]
    [InlineData(PortalRole.MashManager)]
    public async Task Other_roles_are_refused_the_search_and_the_download(string role)
    {
        var organisation = await App.CreateOrganisationAsync("Northshire County Council", Domain.Organisations.OrganisationKind
            .LocalAuthorityChildrensSocialCare);
        await App.CreateUserAsync("someone@council.test", organisation, role);
        var client = await App.SignInAsync("someone@council.test");
        var token = await Forms.TokenAsync(client, "/account/change-password");

        (await client.GetAsync("/subject-access")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/subject-access/record")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var searched = await client.PostAsync("/subject-access", new FormUrlEncodedContent(
            [KeyValuePair.Create("Data.Name", "Jaden Clark"), KeyValuePair.Create("__RequestVerificationToken", token)]));
        searched.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.AuditAsync()).ShouldNotContain(e => e.SubjectType == SubjectAccessEvents.SubjectType);
    }

    private static KeyValuePair<string, string>[] Criteria() =>
    [
        KeyValuePair.Create("Data.Name", "Jaden Clark"),
        KeyValuePair.Create("Data.DateOfBirth.Day", "3"),
        KeyValuePair.Create("Data.DateOfBirth.Month", "5"),
        KeyValuePair.Create("Data.DateOfBirth.Year", "2017"),
    ];

    private async Task<HttpClient> OfficerAsync()
    {
        var council = await App.CreateOrganisationAsync("Northshire Data Protection",
            Domain.Organisations.OrganisationKind.LocalAuthorityChildrensSocialCare);
        await App.CreateUserAsync(OfficerEmail, council, PortalRole.DataProtectionOfficer);
        return await App.SignInAsync(OfficerEmail);
    }

    /// <summary>
    /// The world of <see cref="SubjectAccessTests"/>: Jayden Clarke in a referral the police answered, Jaiden Clark in another.
    /// </summary>
    private async Task<(InformationRequestWorld World, Domain.Triage.MashCase Second)> ChildInTwoReferralsAsync()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        var requestId = await world.SendAsync(practitioner, "police", world.Police.Id);
        var police = await App.SignInAsync(InformationRequestWorld.PoliceEmail);
        var answered = await AgencyForms.AnswerAsync(police, requestId, files: ("chronology.pdf", AgencyForms.Pdf));
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(answered));
        var team = new MashTeam(world.Mash, world.School, world.Practitioner, world.Practitioner, world.Practitioner);
        var second = await App.AddCaseAsync(team, new CaseSeed(TestClock.UtcNow.AddDays(-3))
        {
            Children = [new("Jaiden", "Clark", Born, "4857773456"), new("Ruby", "Stone", new DateOnly(2015, 2, 1))],
        });
        await App.AddCaseAsync(team, new CaseSeed(TestClock.UtcNow.AddDays(-2))
        {
            Children = [new("Oliver", "Brown", new DateOnly(2012, 8, 9))],
        });
        return (world, second);
    }

    private static string CandidateLabel(string page, string key)
    {
        var at = page.IndexOf($"value=\"{key}\"", StringComparison.Ordinal);
        var label = Label().Match(page, at);
        return WebUtility.HtmlDecode(label.Groups[1].Value);
    }

    [GeneratedRegex("name=\"Chosen\" type=\"checkbox\" value=\"(ReferralChild:[0-9a-f]{32})\"")]
    private static partial Regex ChildKeys();

    [GeneratedRegex("<label class=\"govuk-label govuk-checkboxes__label\"[^>]*>([^<]*)</label>")]
    private static partial Regex Label();
}
