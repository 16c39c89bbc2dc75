using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.IntegrationTests.Pages.Admin;

public sealed class OrganisationTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_administrator_adds_an_organisation_and_the_audit_log_records_it()
    {
        var (admin, administrator, _) = await App.SignInAsAdministratorAsync();

        var response = await CreateAsync(admin, "Hillview Medical Practice", OrganisationKind.GpPractice,
            " Hillview.Example.ORG \n@hillview-nhs.example.org\nhillview.example.org");

        response.Headers.Location!.ToString().ShouldBe("/admin/organisations");
        var created = await App.ExecuteDbContextAsync(db =>
            db.Organisations.AsNoTracking().SingleAsync(o => o.Name == "Hillview Medical Practice"));
        created.EmailDomains.ShouldBe(["hillview.example.org", "hillview-nhs.example.org"]);
        created.ReferralSource.Code.ShouldBe("3A");
        var audit = (await App.AuditAsync()).Single(e => e.Action == ConfigurationEvents.OrganisationCreated);
        (audit.UserId, audit.SubjectId).ShouldBe((administrator.Id, created.Id.ToString()));
        audit.Detail.ShouldBe("Hillview Medical Practice; kind GP practice (3A); domains hillview.example.org, hillview-nhs.example.org; " +
            "shared referrals no");
        (await admin.GetStringAsync("/admin/organisations")).ShouldContain("GP practice (3A)");
    }

    [Theory]
    [InlineData("northshire mash", "school.test", "There is already an organisation called northshire mash")]
    [InlineData("New School", "not a domain", "is not an email domain")]
    [InlineData("New School", "school..test", "is not an email domain")]
    [InlineData("New School", "192.168.0.1", "is not an email domain")]
    [InlineData("New School", "gmail.com", "gmail.com is a public email service")]
    [InlineData("New School", "new.test\nMASH.test", "mash.test is already used by Northshire MASH")]
    public async Task Invalid_organisations_are_refused_with_a_clear_error(string name, string domains, string error)
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();

        var response = await CreateAsync(admin, name, OrganisationKind.School, domains);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain(System.Net.WebUtility.HtmlEncode(error).Replace("&#x2B;", "+", StringComparison.Ordinal));
        (await App.ExecuteDbContextAsync(db => db.Organisations.CountAsync())).ShouldBe(1);
        (await App.AuditAsync()).ShouldNotContain(e => e.Action == ConfigurationEvents.OrganisationCreated);
    }

    [Fact]
    public async Task Changing_an_organisation_records_what_changed()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var school = await App.CreateOrganisationAsync("Riverside Primary School", OrganisationKind.School, "riverside.test");

        var response = await Forms.PostAsync(admin, $"/admin/organisations/edit/{school.Id}", new()
        {
            ["Data.Name"] = "Riverside Primary Academy", ["Data.Kind"] = nameof(OrganisationKind.School),
            ["Data.EmailDomains"] = "riverside.test\nriverside-academy.test", ["Data.SharedReferralVisibility"] = "true",
            ["Data.IsActive"] = "false", ["Data.Version"] = await VersionAsync(school.Id),
        });

        response.Headers.Location!.ToString().ShouldBe("/admin/organisations");
        (await App.AuditAsync()).Single(e => e.Action == ConfigurationEvents.OrganisationUpdated).Detail.ShouldBe(
            "Changed name Riverside Primary School to Riverside Primary Academy; domains riverside.test to riverside.test, " +
                "riverside-academy.test; shared referrals no to yes; made inactive");
    }

    [Fact]
    public async Task A_change_from_a_stale_form_is_refused()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var school = await App.CreateOrganisationAsync("Riverside Primary School", OrganisationKind.School, "riverside.test");
        var staleVersion = await VersionAsync(school.Id);
        await App.ExecuteDbContextAsync(async db =>
        {
            (await db.Organisations.SingleAsync(o => o.Id == school.Id)).SharedReferralVisibility = true;
            await db.SaveChangesAsync();
        });

        var response = await Forms.PostAsync(admin, $"/admin/organisations/edit/{school.Id}", new()
        {
            ["Data.Name"] = "Riverside Primary Academy", ["Data.Kind"] = nameof(OrganisationKind.School),
            ["Data.EmailDomains"] = "riverside.test", ["Data.SharedReferralVisibility"] = "false",
            ["Data.IsActive"] = "true", ["Data.Version"] = staleVersion,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Someone else changed this organisation while you were editing it");
        (await App.ExecuteDbContextAsync(db => db.Organisations.SingleAsync(o => o.Id == school.Id)))
            .Name.ShouldBe("Riverside Primary School");
        (await App.AuditAsync()).ShouldNotContain(e => e.Action == ConfigurationEvents.OrganisationUpdated);
    }

    private Task<string> VersionAsync(Guid id) =>
        App.ExecuteDbContextAsync(async db =>
            (await db.Organisations.Where(o => o.Id == id).Select(o => EF.Property<uint>(o, "Version")).SingleAsync())
            .ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Task<HttpResponseMessage> CreateAsync(HttpClient admin, string name, OrganisationKind kind, string domains) =>
        Forms.PostAsync(admin, "/admin/organisations/create", new()
        {
            ["Data.Name"] = name, ["Data.Kind"] = kind.ToString(), ["Data.EmailDomains"] = domains,
                ["Data.SharedReferralVisibility"] = "false",
        });
}
