using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.IntegrationTests.Pages.Account;

/// <summary>
/// Sign-in and registration say nothing, in words or in time, about which addresses have accounts (issue 14). Time is
/// checked as the password-hash work each answer costs, counted rather than timed: the suite never asserts times.
/// </summary>
[Collection(nameof(AccountEnumerationTests))]
public sealed class AccountEnumerationTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Five_wrong_passwords_show_the_lockout_alike_for_an_address_with_no_account()
    {
        var school = await App.CreateOrganisationAsync("School", OrganisationKind.School, "school.test");
        await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);

        var known = await LockoutAnswerAsync("teacher@school.test");
        var unknown = await LockoutAnswerAsync("nobody@school.test");

        known.ShouldContain("Your account is locked");
        unknown.ShouldBe(known);
    }

    [Fact]
    public async Task Wrong_passwords_from_elsewhere_do_not_lock_the_owner_out()
    {
        var school = await App.CreateOrganisationAsync("School", OrganisationKind.School, "school.test");
        await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);
        // One app, so one set of counts; each client's requests come from its own address.
        var factory = App.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new AddressFromHeader())));
        var stranger = Client(factory);
        stranger.DefaultRequestHeaders.Add(AddressFromHeader.Header, "203.0.113.9");
        var owner = Client(factory);
        owner.DefaultRequestHeaders.Add(AddressFromHeader.Header, "198.51.100.20");

        (await LockoutAnswerAsync("teacher@school.test", stranger)).ShouldContain("Your account is locked");
        var signedIn = await Forms.PostAsync(owner, "/account/sign-in",
            new() { ["Data.Email"] = "teacher@school.test", ["Data.Password"] = PortalApp.Password });

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(signedIn));
        (await Forms.PostAsync(stranger, "/account/sign-in",
                new() { ["Data.Email"] = "teacher@school.test", ["Data.Password"] = PortalApp.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.OK, "the stranger's address stays locked, even with the right password");
    }

    [Fact]
    public async Task Signing_in_does_the_same_password_work_for_an_unknown_address_as_for_a_known_one()
    {
        var school = await App.CreateOrganisationAsync("School", OrganisationKind.School, "school.test");
        await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);
        var hasher = new CountingHasher();
        // No lockout in the way: each try must do the work a first wrong password does.
        var client = Client(App.WithWebHostBuilder(builder => builder.UseSetting("Accounts:FailedSignInsBeforeLockout", "1000")
            .ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<PortalUser>>(hasher))));

        var known = await hasher.DerivationsOfAsync(_ => Forms.PostAsync(client, "/account/sign-in", SignIn("teacher@school.test")));
        var unknown = await hasher.DerivationsOfAsync(_ => Forms.PostAsync(client, "/account/sign-in", SignIn("nobody@school.test")));

        known.ShouldBeGreaterThan(0);
        unknown.ShouldBe(known, "an unknown address costs the same password-hash work, so its timing says nothing");
    }

    [Fact]
    public async Task Registering_does_the_same_password_work_for_an_address_with_an_account_as_for_a_new_one()
    {
        var school = await App.CreateOrganisationAsync("School", OrganisationKind.School, "school.test");
        await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);
        var hasher = new CountingHasher();
        var client = Client(App.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<PortalUser>>(hasher))));

        var taken = await hasher.DerivationsOfAsync(_ =>
            Forms.PostAsync(client, "/account/register", Registration("teacher@school.test")));
        var fresh = await hasher.DerivationsOfAsync(n =>
            Forms.PostAsync(client, "/account/register", Registration($"new.{n}@school.test")));

        fresh.ShouldBeGreaterThan(0);
        taken.ShouldBe(fresh, "an address that has an account costs the same password-hash work as a new one");
    }

    /// <summary>
    /// Identity's hasher, counting its key derivations: each hash and each check is one PBKDF2 run with the same iterations,
    /// the cost that would otherwise tell known addresses from unknown ones. Counted, not timed, so the test is stable on a
    /// busy machine (docs/decisions/0104).
    /// </summary>
    private sealed class CountingHasher : IPasswordHasher<PortalUser>
    {
        private readonly PasswordHasher<PortalUser> inner = new();
        private int derivations;

        /// <summary>The derivations one request costs, after a first run of the same request warms up any stand-in hash.</summary>
        public async Task<int> DerivationsOfAsync(Func<int, Task<HttpResponseMessage>> request)
        {
            (await request(0)).StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect);
            var before = Volatile.Read(ref derivations);
            (await request(1)).StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect);
            return Volatile.Read(ref derivations) - before;
        }

        public string HashPassword(PortalUser user, string password)
        {
            Interlocked.Increment(ref derivations);
            return inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref derivations);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private async Task<string> LockoutAnswerAsync(string email, HttpClient? client = null)
    {
        client ??= App.CreateBrowserLikeClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Forms.PostAsync(client, "/account/sign-in", SignIn(email));
        }

        var response = await Forms.PostAsync(client, "/account/sign-in", SignIn(email));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return Forms.ErrorSummary(await response.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> SignIn(string email) =>
        new() { ["Data.Email"] = email, ["Data.Password"] = "Wrong-Password-" + email.Length.ToString(CultureInfo.InvariantCulture) };

    private static Dictionary<string, string> Registration(string email) => new()
    {
        ["Data.Email"] = email, ["Data.GivenName"] = "Rachel", ["Data.FamilyName"] = "Okafor",
        ["Data.JobTitle"] = "Designated safeguarding lead", ["Data.Password"] = PortalApp.Password,
    };

    private static HttpClient Client(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Takes each request's remote address from a header, as if the clients sat on different networks.</summary>
    private sealed class AddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Remote-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware();
            });
            next(app);
        };
    }
}

/// <summary>Runs these tests with no other test class alongside: the sign-in limits are per address, and others sign in too.</summary>
[CollectionDefinition(nameof(AccountEnumerationTests), DisableParallelization = true)]
public sealed class AccountEnumerationCollection;
