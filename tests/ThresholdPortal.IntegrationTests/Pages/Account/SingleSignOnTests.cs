using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.LocalOidcProvider;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.IntegrationTests.Pages.Account;

/// <summary>A real OpenID Connect provider (tools/ThresholdPortal.LocalOidcProvider) on a free loopback port.</summary>
public sealed class LocalOidcProviderFixture : IAsyncLifetime
{
    private WebApplication? provider;

    public ConcurrentDictionary<string, ProviderUser> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string Authority { get; private set; } = "";

    public async Task InitializeAsync()
    {
        provider = LocalProvider.Build("http://127.0.0.1:0", Users);
        await provider.StartAsync();
        Authority = provider.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single().TrimEnd('/') + "/";
    }

    public async Task DisposeAsync()
    {
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }
    }
}

/// <summary>
/// Staff single sign-on end to end (docs/decisions/0122): the portal's real OpenID Connect handler against a real
/// provider over HTTP, with the portal's own rules deciding who comes in.
/// </summary>
public sealed class SingleSignOnTests(PortalApp app, LocalOidcProviderFixture provider)
    : IntegrationTest(app), IClassFixture<LocalOidcProviderFixture>
{
    private const string Scheme = "Northshire";

    [Fact]
    public async Task First_sign_in_links_the_invited_account_by_verified_address_and_later_ones_follow_the_link()
    {
        var (portal, mash) = await PortalAsync();
        var user = await App.CreateUserAsync("sso.first@northshire.example", mash, PortalRole.MashPractitioner);
        provider.Users[user.Email!] = new ProviderUser("subject-first", user.Email!, Methods: ["pwd", "mfa"]);

        var client = Client(portal);
        var landing = await SignInWithProviderAsync(client, user.Email!);

        landing.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        landing.Headers.Location!.OriginalString.ShouldBe("/mash", "provider MFA stands in for the portal's second factor");
        await PortalApp.ShouldBeSignedInAsync(client);
        var logins = await LoginsAsync(user);
        logins.ShouldHaveSingleItem().ProviderKey.ShouldBe("subject-first");
        (await App.AuditAsync()).ShouldContain(e => e.Action == AccountEvents.SingleSignOnLinked && e.SubjectId == user.Id.ToString());

        // The provider changes the address: the link, not the address, finds the account.
        provider.Users[user.Email!] = provider.Users[user.Email!] with { Email = "renamed@northshire.example" };
        var again = Client(portal);
        (await SignInWithProviderAsync(again, user.Email!)).Headers.Location!.OriginalString.ShouldBe("/mash");
        (await LoginsAsync(user)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Without_provider_MFA_the_portal_still_asks_for_its_own_second_factor()
    {
        var (portal, mash) = await PortalAsync();
        var user = await App.CreateUserAsync("sso.pwd@northshire.example", mash, PortalRole.MashPractitioner);
        provider.Users[user.Email!] = new ProviderUser("subject-pwd", user.Email!, Methods: ["pwd"]);

        var landing = await SignInWithProviderAsync(Client(portal), user.Email!);

        landing.Headers.Location!.OriginalString.ShouldStartWith("/account/sign-in-code");
    }

    [Fact]
    public async Task An_address_without_an_account_is_refused_and_no_account_is_made()
    {
        var (portal, _) = await PortalAsync();
        provider.Users["stranger@northshire.example"] = new ProviderUser("subject-stranger", "stranger@northshire.example");
        var client = Client(portal);
        var accountsBefore = await App.ExecuteDbContextAsync(db => Task.FromResult(db.Users.Count()));

        var page = await SignInWithProviderAsync(client, "stranger@northshire.example");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("You do not have an account on this service");
        (await client.GetAsync("/account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.ExecuteDbContextAsync(db => Task.FromResult(db.Users.Count()))).ShouldBe(accountsBefore);
        var refusal = (await App.AuditAsync()).ShouldHaveSingleItem();
        refusal.Action.ShouldBe(AccountEvents.SingleSignOnRefused);
        refusal.Detail!.ShouldNotContain("stranger", Case.Insensitive);
    }

    [Fact]
    public async Task An_unverified_address_does_not_reach_the_account_it_names()
    {
        var (portal, mash) = await PortalAsync();
        var user = await App.CreateUserAsync("sso.unverified@northshire.example", mash, PortalRole.Referrer);
        provider.Users[user.Email!] = new ProviderUser("subject-unverified", user.Email!, EmailVerified: false);

        var page = await SignInWithProviderAsync(Client(portal), user.Email!);

        (await page.Content.ReadAsStringAsync()).ShouldContain("You do not have an account on this service");
        (await LoginsAsync(user)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_deactivated_account_is_refused()
    {
        var (portal, mash) = await PortalAsync();
        var user = await App.CreateUserAsync("sso.gone@northshire.example", mash, PortalRole.Referrer);
        await App.ExecuteDbContextAsync(async db =>
        {
            (await db.Users.FindAsync(user.Id))!.IsActive = false;
            await db.SaveChangesAsync();
        });
        provider.Users[user.Email!] = new ProviderUser("subject-gone", user.Email!);
        var client = Client(portal);

        var page = await SignInWithProviderAsync(client, user.Email!);

        (await page.Content.ReadAsStringAsync()).ShouldContain("Your account has been deactivated");
        (await client.GetAsync("/account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.AuditAsync()).ShouldContain(e => e.Action == AccountEvents.SingleSignOnRefused && e.SubjectId == user.Id.ToString());
    }

    [Theory]
    [InlineData(IdTokenFault.Tampered)]
    [InlineData(IdTokenFault.Expired)]
    [InlineData(IdTokenFault.WrongNonce)]
    public async Task A_bad_id_token_is_refused(IdTokenFault fault)
    {
        var (portal, mash) = await PortalAsync();
        var user = await App.CreateUserAsync($"sso.{fault}@northshire.example".ToLowerInvariant(), mash, PortalRole.Referrer);
        provider.Users[user.Email!] = new ProviderUser($"subject-{fault}", user.Email!, Fault: fault);
        var client = Client(portal);

        var response = await SignInWithProviderAsync(client, user.Email!);

        (await response.Content.ReadAsStringAsync()).ShouldContain("Sorry, there is a problem signing you in");
        (await client.GetAsync("/account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LoginsAsync(user)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wrong_state_is_refused()
    {
        var (portal, mash) = await PortalAsync();
        var user = await App.CreateUserAsync("sso.state@northshire.example", mash, PortalRole.Referrer);
        provider.Users[user.Email!] = new ProviderUser("subject-state", user.Email!);
        var client = Client(portal);

        var response = await SignInWithProviderAsync(client, user.Email!,
            callback => System.Text.RegularExpressions.Regex.Replace(callback, "state=[^&]+", "state=forged"));

        (await response.Content.ReadAsStringAsync()).ShouldContain("Sorry, there is a problem signing you in");
        (await client.GetAsync("/account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LoginsAsync(user)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Signing_out_ends_the_portal_session_and_the_providers()
    {
        var (portal, mash) = await PortalAsync();
        var user = await App.CreateUserAsync("sso.out@northshire.example", mash, PortalRole.Referrer);
        provider.Users[user.Email!] = new ProviderUser("subject-out", user.Email!);
        var client = Client(portal);
        await SignInWithProviderAsync(client, user.Email!);
        await PortalApp.ShouldBeSignedInAsync(client);

        var signOut = await client.GetAsync("/account/sign-out");

        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var endSession = signOut.Headers.Location!;
        endSession.AbsoluteUri.ShouldStartWith(provider.Authority + "connect/end-session");
        (await client.GetAsync("/account")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the portal session has ended");
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await browser.GetAsync(endSession);
        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var returned = await client.GetAsync(back.Headers.Location!.PathAndQuery);
        returned.Headers.Location!.OriginalString.ShouldStartWith("/account/sign-out");
    }

    [Fact]
    public async Task Front_channel_logout_from_the_provider_ends_the_portal_session()
    {
        var (portal, mash) = await PortalAsync();
        var user = await App.CreateUserAsync("sso.front@northshire.example", mash, PortalRole.Referrer);
        provider.Users[user.Email!] = new ProviderUser("subject-front", user.Email!);
        var client = Client(portal);
        await SignInWithProviderAsync(client, user.Email!);
        await PortalApp.ShouldBeSignedInAsync(client);

        (await client.GetAsync("/signout-oidc-northshire")).IsSuccessStatusCode.ShouldBeTrue();

        (await client.GetAsync("/account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_configured_group_mapping_grants_and_takes_away_roles_at_each_sign_in_and_audits_each_change()
    {
        var (portal, mash) = await PortalAsync(("mash-managers", PortalRole.MashManager), ("not-a-role", "Superuser"));
        var user = await App.CreateUserAsync("sso.groups@northshire.example", mash, PortalRole.MashPractitioner);
        provider.Users[user.Email!] = new ProviderUser("subject-groups", user.Email!, Methods: ["pwd", "mfa"],
            Groups: ["mash-managers", "not-a-role", "unmapped"]);

        (await SignInWithProviderAsync(Client(portal), user.Email!)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await RolesAsync(user)).ShouldBe([PortalRole.MashManager, PortalRole.MashPractitioner], ignoreOrder: true);
        var granted = (await App.AuditAsync()).Where(e => e.Action == AccountEvents.RolesFromGroups).ShouldHaveSingleItem();
        (granted.SubjectId, granted.Detail).ShouldBe((user.Id.ToString(), $"{Scheme}: granted {PortalRole.MashManager}; removed "));

        // Taken out of the group at the provider: the next sign-in takes the role away; the unmapped role stays.
        provider.Users[user.Email!] = provider.Users[user.Email!] with { Groups = [] };
        (await SignInWithProviderAsync(Client(portal), user.Email!)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await RolesAsync(user)).ShouldBe([PortalRole.MashPractitioner]);
        (await App.AuditAsync()).Where(e => e.Action == AccountEvents.RolesFromGroups).Select(e => e.Detail)
            .ShouldBe([$"{Scheme}: granted {PortalRole.MashManager}; removed ", $"{Scheme}: granted ; removed {PortalRole.MashManager}"]);
        (await App.AuditAsync()).ShouldAllBe(e => e.Detail == null || !e.Detail.Contains("northshire.example"));

        // The same groups again change nothing, and nothing is audited.
        (await SignInWithProviderAsync(Client(portal), user.Email!)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.AuditAsync()).Count(e => e.Action == AccountEvents.RolesFromGroups).ShouldBe(2);
    }

    private async Task<IList<string>> RolesAsync(PortalUser user)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(user.Id.ToString()))!);
    }

    private async Task<(WebApplicationFactory<Program> Portal, Organisation Mash)> PortalAsync(
        params (string Group, string Role)[] groupRoles)
    {
        var mash = await App.CreateOrganisationAsync("MASH", OrganisationKind.LocalAuthorityChildrensSocialCare);
        var portal = App.WithWebHostBuilder(builder =>
        {
            foreach (var (group, role) in groupRoles)
            {
                builder.UseSetting($"SingleSignOn:Providers:0:GroupRoles:{group}", role);
            }

            builder.UseSetting("SingleSignOn:Providers:0:Scheme", Scheme);
            builder.UseSetting("SingleSignOn:Providers:0:DisplayName", "Northshire staff account");
            builder.UseSetting("SingleSignOn:Providers:0:OrganisationId", mash.Id.ToString());
            builder.UseSetting("SingleSignOn:Providers:0:Authority", provider.Authority);
            builder.UseSetting("SingleSignOn:Providers:0:ClientId", LocalProvider.ClientId);
            builder.UseSetting("SingleSignOn:Providers:0:ClientSecret", LocalProvider.ClientSecret);
            // The test clock is weeks behind the provider's: on it, the handler's correlation and nonce cookies would be
            // born expired. Only the handler's protocol keeps real time; the portal's own rules keep the test clock.
            builder.ConfigureServices(services =>
                services.PostConfigureAll<OpenIdConnectOptions>(o => o.TimeProvider = TimeProvider.System));
        });
        return (portal, mash);
    }

    private static HttpClient Client(WebApplicationFactory<Program> portal) =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// Presses the button, lets the provider sign the person in (as a browser would follow its redirect), and brings its
    /// answer back to the portal, optionally altered on the way: the portal's response to the callback chain.
    /// </summary>
    private static async Task<HttpResponseMessage> SignInWithProviderAsync(HttpClient client, string email,
        Func<string, string>? alter = null)
    {
        (await client.GetStringAsync("/account/sign-in")).ShouldContain("Sign in with Northshire staff account");
        var challenge = await Forms.PostAsync(client, "/account/single-sign-on", [KeyValuePair.Create("scheme", Scheme)],
            "/account/sign-in");
        challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var authorize = challenge.Headers.Location!.AbsoluteUri;
        authorize.ShouldContain("code_challenge_method=S256");
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await browser.GetAsync($"{authorize}&login_hint={Uri.EscapeDataString(email)}");
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect, await answer.Content.ReadAsStringAsync());
        var callback = answer.Headers.Location!;
        var pathAndQuery = (alter ?? (c => c))(callback.PathAndQuery);
        var response = await client.GetAsync(pathAndQuery);
        while (response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location!.OriginalString.StartsWith("/account/single-sign-on", StringComparison.Ordinal))
        {
            response = await client.GetAsync(response.Headers.Location);
        }

        return response;
    }

    private async Task<IList<UserLoginInfo>> LoginsAsync(PortalUser user)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.GetLoginsAsync((await users.FindByIdAsync(user.Id.ToString()))!);
    }
}
