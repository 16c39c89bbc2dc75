using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using ThresholdPortal.BrowserTests.Infrastructure;
using ThresholdPortal.LocalOidcProvider;

namespace ThresholdPortal.BrowserTests;

/// <summary>
/// The portal with the council's staff sign-in: the real local OpenID Connect provider (tools/ThresholdPortal.LocalOidcProvider)
/// on a loopback port, configured as run.sh's demo configures it, for the demo council's MASH staff.
/// </summary>
public sealed class SingleSignOnApp : BrowserApp
{
    private WebApplication? provider;

    public ConcurrentDictionary<string, ProviderUser> ProviderUsers { get; } = new(StringComparer.OrdinalIgnoreCase);

    protected override void Configure(IWebHostBuilder builder)
    {
        // Configure runs while the app starts, after the demo database is cloned: the provider must be listening first.
        provider = LocalProvider.Build("http://127.0.0.1:0", ProviderUsers);
        provider.StartAsync().GetAwaiter().GetResult();
        var authority = provider.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single().TrimEnd('/') + "/";
        ProviderUsers["practitioner@example.org"] = new ProviderUser("demo-practitioner", "practitioner@example.org",
            Methods: ["pwd", "mfa"]);

        builder.UseSetting("SingleSignOn:Providers:0:Scheme", "Northshire");
        builder.UseSetting("SingleSignOn:Providers:0:DisplayName", "Northshire staff account");
        builder.UseSetting("SingleSignOn:Providers:0:OrganisationId", CouncilId().ToString());
        builder.UseSetting("SingleSignOn:Providers:0:Authority", authority);
        builder.UseSetting("SingleSignOn:Providers:0:ClientId", LocalProvider.ClientId);
        builder.UseSetting("SingleSignOn:Providers:0:ClientSecret", LocalProvider.ClientSecret);
        // As in the integration tests: the test clock is weeks behind the provider's, so only the handler's protocol keeps
        // real time (its correlation and nonce cookies); the portal's own rules keep the test clock.
        builder.ConfigureServices(services =>
            services.PostConfigureAll<OpenIdConnectOptions>(o => o.TimeProvider = TimeProvider.System));
    }

    private Guid CouncilId()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("""SELECT "Id" FROM "Organisations" WHERE "Name" = 'Northshire County Council'""",
            connection);
        return (Guid)command.ExecuteScalar()!;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (provider is not null)
        {
            await provider.DisposeAsync();
            provider = null;
        }
    }
}

public sealed class SingleSignOnJourneyTests(SingleSignOnApp app) : BrowserTest<SingleSignOnApp>(app)
{
    [Fact]
    public async Task A_mash_practitioner_signs_in_with_the_councils_staff_account_and_no_portal_password_and_reaches_the_queue()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Northshire staff account" }).ClickAsync();
        // The provider's own page (a test tool, not the portal): the person chooses who they are.
        await page.GetByRole(AriaRole.Link, new() { Name = "practitioner@example.org" }).ClickAsync();

        await page.WaitForPathAsync("/mash");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("MASH queue");
        await page.ShouldHaveNoAxeViolationsAsync(state: "after single sign-on");
    }
}
