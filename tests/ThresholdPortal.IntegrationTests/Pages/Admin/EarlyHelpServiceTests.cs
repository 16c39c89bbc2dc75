using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.IntegrationTests.Pages.Admin;

public sealed class EarlyHelpServiceTests(PortalApp app) : IntegrationTest(app)
{
    private const string Base = "/admin/configuration/early-help-services";

    [Fact]
    public async Task An_administrator_adds_a_service_and_the_audit_log_records_it()
    {
        var (admin, administrator, _) = await App.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, $"{Base}/create", Fields("Millford Dads' Group", "3", "11"));

        response.Headers.Location!.ToString().ShouldBe(Base);
        var created = await App.ExecuteDbContextAsync(db =>
            db.EarlyHelpServices.AsNoTracking().SingleAsync(s => s.Name == "Millford Dads' Group"));
        (created.MinimumAge, created.MaximumAge, created.IsActive).ShouldBe((3, 11, true));
        var audit = (await App.AuditAsync()).Single(e => e.Action == ConfigurationEvents.EarlyHelpServiceCreated);
        (audit.UserId, audit.SubjectId, audit.Detail)
            .ShouldBe((administrator.Id, created.Id.ToString(), "Millford Dads' Group; ages 3 to 11; Millford"));
        (await admin.GetStringAsync(Base)).ShouldContain("Millford Dads&#x27; Group");
    }

    [Theory]
    [InlineData("", "3", "11", "Enter the name of the service")]
    [InlineData("Northshire Family Hubs", "3", "11", "There is already a service called Northshire Family Hubs")]
    [InlineData("New service", "12", "5", "The oldest age must be the same as or more than the youngest age")]
    [InlineData("New service", "-1", "5", "The youngest age must be between 0 and 25")]
    [InlineData("New service", "0", "40", "The oldest age must be between 0 and 25")]
    [InlineData("New service", "", "5", "Enter the youngest age the service helps, in years")]
    public async Task Invalid_services_are_refused_with_a_clear_error(string name, string minimum, string maximum, string error)
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var before = await App.ExecuteDbContextAsync(db => db.EarlyHelpServices.CountAsync());

        var response = await Forms.PostAsync(admin, $"{Base}/create", Fields(name, minimum, maximum));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Forms.ErrorSummary(await response.Content.ReadAsStringAsync()).ShouldContain(error);
        (await App.ExecuteDbContextAsync(db => db.EarlyHelpServices.CountAsync())).ShouldBe(before);
        (await App.AuditAsync()).ShouldNotContain(e => e.Action.StartsWith("early-help-service.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task How_to_get_help_is_required()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var fields = Fields("New service", "0", "5");
        fields["Data.HowToAccess"] = " ";

        var response = await Forms.PostAsync(admin, $"{Base}/create", fields);

        Forms.ErrorSummary(await response.Content.ReadAsStringAsync())
            .ShouldContain("Enter how families or professionals get help from the service");
    }

    [Fact]
    public async Task A_withdrawn_service_is_no_longer_offered_to_referrers_and_the_change_is_audited()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var hubs = await App.ExecuteDbContextAsync(db =>
            db.EarlyHelpServices.AsNoTracking().SingleAsync(s => s.Name == "Northshire Family Hubs"));
        var fields = Fields(hubs.Name, hubs.MinimumAge.ToString(System.Globalization.CultureInfo.InvariantCulture), "18");
        (fields["Data.Offer"], fields["Data.Area"], fields["Data.HowToAccess"], fields["Data.IsActive"]) = (hubs.Offer, hubs.Area,
            hubs.HowToAccess, "false");

        var response = await Forms.PostAsync(admin, $"{Base}/edit/{hubs.Id}", fields);

        response.Headers.Location!.ToString().ShouldBe(Base);
        var saved = await App.ExecuteDbContextAsync(db => db.EarlyHelpServices.AsNoTracking().SingleAsync(s => s.Id == hubs.Id));
        (saved.IsActive, saved.MaximumAge).ShouldBe((false, 18));
        var audit = (await App.AuditAsync()).Where(e => e.SubjectId == hubs.Id.ToString()).ToList();
        audit.Single(e => e.Action == ConfigurationEvents.EarlyHelpServiceUpdated).Detail
            .ShouldBe($"Changed ages from “{hubs.AgeRange}” to “0 to 18”");
        audit.Single(e => e.Action == ConfigurationEvents.EarlyHelpServiceWithdrawn).Detail.ShouldBe("Northshire Family Hubs withdrawn");

        var referrer = await App.SignedInReferrerAsync();
        await referrer.StartAsync();
        await referrer.ScreenAsync();
        await referrer.AddChildAsync("Jayden", "Clarke", "health-2a");
        await referrer.ChooseLevelAsync("EarlyHelp");
        (await referrer.Client.GetStringAsync(referrer.Url("early-help"))).ShouldNotContain("Northshire Family Hubs");
    }

    [Fact]
    public async Task A_referrer_cannot_change_the_directory()
    {
        var referrer = await App.SignedInReferrerAsync();
        var token = await Forms.TokenAsync(referrer.Client, "/referrals/new");
        var fields = Fields("Sneaky service", "0", "5");
        fields["__RequestVerificationToken"] = token;

        var response = await referrer.Client.PostAsync($"{Base}/create", new FormUrlEncodedContent(fields));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.ExecuteDbContextAsync(db => db.EarlyHelpServices.AnyAsync(s => s.Name == "Sneaky service"))).ShouldBeFalse();
    }

    private static Dictionary<string, string> Fields(string name, string minimum, string maximum) => new()
    {
        ["Data.Name"] = name, ["Data.Offer"] = "Fathers' group with play sessions for their children.",
        ["Data.MinimumAge"] = minimum, ["Data.MaximumAge"] = maximum, ["Data.Area"] = "Millford",
        ["Data.HowToAccess"] = "Drop in on Saturday mornings at Millford Family Hub.",
    };
}
