using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Infrastructure.Addresses;

namespace ThresholdPortal.IntegrationTests.Infrastructure.Addresses;

/// <summary>
/// The address lookup (issue 17, item 3; docs/decisions/0127) against the OS Places contract fake on loopback: the adapter
/// reads OS's delivery points into address lines with the UPRN, treats an unknown or malformed postcode as "none found"
/// and an outage as "unavailable"; on the child's details page a referrer finds, chooses and saves an address with its UPRN.
/// </summary>
public sealed class AddressLookupTests(PortalApp app) : IntegrationTest(app), IAsyncLifetime
{
    private OsPlacesContractFake places = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        places = await OsPlacesContractFake.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await places.DisposeAsync();
        await DisposeAsync();
    }

    [Fact]
    public async Task The_adapter_reads_delivery_points_and_tells_none_found_from_unavailable()
    {
        using var http = new HttpClient { BaseAddress = places.BaseUrl };
        var lookup = Lookup(http, OsPlacesContractFake.Key);

        var found = await lookup.FindAsync("NT1 1AA", CancellationToken.None);

        found.Unavailable.ShouldBeFalse();
        found.Addresses.ShouldBe(
        [
            new FoundAddress("100023336956", "10 High Street", null, "Northtown", "NT1 1AA"),
            new FoundAddress("100023336957", "12 High Street", null, "Northtown", "NT1 1AA"),
            new FoundAddress("100023336958", "Flat 2, Rose House", "14 High Street", "Northtown", "NT1 1AA"),
        ]);
        found.Addresses[2].Label.ShouldBe("Flat 2, Rose House, 14 High Street, Northtown, NT1 1AA");
        (await lookup.FindAsync("NT9 9ZZ", CancellationToken.None)).ShouldBe(new AddressLookupResult([]), "a postcode without addresses");
        (await lookup.FindAsync("X", CancellationToken.None)).Addresses.ShouldBeEmpty("OS answers 400 to a malformed postcode");
        (await Lookup(http, "wrong-key").FindAsync("NT1 1AA", CancellationToken.None)).Unavailable.ShouldBeTrue();
        places.FailNext(503);
        (await lookup.FindAsync("NT1 1AA", CancellationToken.None)).Unavailable.ShouldBeTrue();
        (await lookup.FindAsync("NT1 1AA", CancellationToken.None)).Addresses.Count.ShouldBe(3, "and the next works again");
    }

    [Fact]
    public async Task A_referrer_finds_the_address_by_postcode_chooses_it_and_saves_it_with_its_uprn()
    {
        var school = await App.CreateOrganisationAsync("Hilltop School", OrganisationKind.School, "school.test");
        await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);
        await using var factory = App.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("AddressLookup:Enabled", "true");
            builder.UseSetting("AddressLookup:Key", OsPlacesContractFake.Key);
            builder.UseSetting("AddressLookup:BaseUrl", places.BaseUrl.ToString());
        });
        var client = factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler());
        await PortalApp.SignInAsync(client, "teacher@school.test");
        var journey = new ReferralJourney(client);
        await journey.StartAsync();
        var childId = await journey.AddChildAsync("Ava", "Stone");
        var step = $"children/{childId}/details";
        var fields = new Dictionary<string, string>
        {
            ["Data.GivenName"] = "Ava", ["Data.FamilyName"] = "Stone", ["Data.Born"] = "true", ["Data.DateOfBirth.Day"] = "3",
            ["Data.DateOfBirth.Month"] = "5", ["Data.DateOfBirth.Year"] = "2017", ["Data.Gender"] = "Female", ["Data.Postcode"] = "nt11aa",
        };

        var offered = WebUtility.HtmlDecode(await (await Forms.PostAsync(client, journey.Url(step) + "?handler=FindAddress", fields,
            tokenFrom: journey.Url(step))).Content.ReadAsStringAsync());

        offered.ShouldContain("Select the child's address (3 found)");
        offered.ShouldContain("<option value=\"100023336958\">Flat 2, Rose House, 14 High Street, Northtown, NT1 1AA</option>");
        offered.ShouldContain("value=\"Ava\"", customMessage: "the rest of the form is kept");
        (await ChildAsync(childId)).Postcode.ShouldBeNull("finding saves nothing");

        var use = await Forms.PostAsync(client, journey.Url(step) + "?handler=UseAddress",
            new Dictionary<string, string>(fields) { ["chosen"] = "100023336958" }, tokenFrom: journey.Url(step));
        var chosen = WebUtility.HtmlDecode(await use.Content.ReadAsStringAsync());
        chosen.ShouldContain("value=\"Flat 2, Rose House\"");
        chosen.ShouldContain("value=\"100023336958\"");

        await journey.ShouldRedirectAsync(step, new(fields)
        {
            ["Data.AddressLine1"] = "Flat 2, Rose House", ["Data.AddressLine2"] = "14 High Street", ["Data.Town"] = "Northtown",
            ["Data.Postcode"] = "NT1 1AA", ["Data.Uprn"] = "100023336958",
        });
        var saved = await ChildAsync(childId);
        (saved.AddressLine1, saved.AddressLine2, saved.Town, saved.Postcode, saved.Uprn)
            .ShouldBe(("Flat 2, Rose House", "14 High Street", "Northtown", "NT1 1AA", "100023336958"));
        var refused = await journey.PostAsync(step, new(fields) { ["Data.AddressLine1"] = "1 Mill Lane", ["Data.Uprn"] = "12a" });
        Forms.ErrorSummary(await refused.Content.ReadAsStringAsync()).ShouldContain("The UPRN must be up to 12 digits, like 100023336956");
    }

    private static OsPlacesAddressLookup Lookup(HttpClient http, string key) => new(http,
        Options.Create(new AddressLookupOptions { Enabled = true, Key = key }), NullLogger<OsPlacesAddressLookup>.Instance);

    private Task<Domain.Referrals.ReferralChild> ChildAsync(Guid childId) =>
        App.ExecuteDbContextAsync(db => db.ReferralChildren.AsNoTracking().SingleAsync(c => c.Id == childId));
}
