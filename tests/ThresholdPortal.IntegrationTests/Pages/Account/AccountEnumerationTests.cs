using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.IntegrationTests.Pages.Account;

/// <summary>
/// Sign-in and registration say nothing, in words or in time, about which addresses have accounts (issue 14). The
/// timing tests compare medians of known against unknown on the same machine, never absolute times.
/// </summary>
[Collection(nameof(AccountEnumerationTests))]
public sealed class AccountEnumerationTests(PortalApp app) : IntegrationTest(app)
{
    private const int Tries = 20;
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(20);

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
    public async Task Signing_in_takes_as_long_for_an_unknown_address_as_for_a_known_one()
    {
        var school = await App.CreateOrganisationAsync("School", OrganisationKind.School, "school.test");
        await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);
        // No lockout in the way: each try must do the work a first wrong password does.
        var factory = App.WithWebHostBuilder(builder => builder.UseSetting("Accounts:FailedSignInsBeforeLockout", "1000"));
        var client = Client(factory);

        var (difference, detail) = await MedianDifferenceAsync(
            () => TimedPostAsync(client, "/account/sign-in", SignIn("teacher@school.test")),
            _ => TimedPostAsync(client, "/account/sign-in", SignIn("nobody@school.test")));

        difference.Duration().ShouldBeLessThan(Tolerance, detail);
    }

    [Fact]
    public async Task Registering_takes_as_long_for_an_address_with_an_account_as_for_a_new_one()
    {
        var school = await App.CreateOrganisationAsync("School", OrganisationKind.School, "school.test");
        await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);
        var client = App.CreateBrowserLikeClient();

        var (difference, detail) = await MedianDifferenceAsync(
            () => TimedPostAsync(client, "/account/register", Registration("teacher@school.test")),
            n => TimedPostAsync(client, "/account/register", Registration($"new.{n}@school.test")));

        difference.Duration().ShouldBeLessThan(Tolerance, detail);
    }

    /// <summary>
    /// Known and unknown tries in back-to-back pairs, after a few of each to warm up, the order swapped every pair: the
    /// median of the pairs' differences, since the other work on a shared machine moves both halves of a pair alike.
    /// </summary>
    private static async Task<(TimeSpan Difference, string Detail)> MedianDifferenceAsync(
        Func<Task<TimeSpan>> known, Func<int, Task<TimeSpan>> unknown)
    {
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            await known();
            await unknown(-1 - warmUp);
        }

        var differences = new List<TimeSpan>();
        var knownTimes = new List<TimeSpan>();
        var unknownTimes = new List<TimeSpan>();
        for (var attempt = 0; attempt < Tries; attempt++)
        {
            var (k, u) = attempt % 2 == 0 ? (await known(), await unknown(attempt)) : Swap(await unknown(attempt), await known());
            knownTimes.Add(k);
            unknownTimes.Add(u);
            differences.Add(k - u);
        }

        return (Median(differences),
            $"median known {Median(knownTimes).TotalMilliseconds:F0} ms, unknown {Median(unknownTimes).TotalMilliseconds:F0} ms, " +
            $"median difference {Median(differences).TotalMilliseconds:F0} ms");
    }

    private static TimeSpan Median(List<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private static (TimeSpan Known, TimeSpan Unknown) Swap(TimeSpan unknown, TimeSpan known) => (known, unknown);

    /// <summary>
    /// One try: the fastest of three POSTs, the usual benchmark defence against a busy machine (a pause for another
    /// process only ever adds time). The GET for the antiforgery token comes first, untimed.
    /// </summary>
    private static async Task<TimeSpan> TimedPostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var fastest = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var elapsed = await TimedOnceAsync(client, url, run == 0 ? fields : Varied(fields, run));
            fastest = elapsed < fastest ? elapsed : fastest;
        }

        return fastest;
    }

    /// <summary>A new registration needs a new address each time; anything else is posted again as it is.</summary>
    private static Dictionary<string, string> Varied(Dictionary<string, string> fields, int run) =>
        fields.ToDictionary(f => f.Key, f => f.Key == "Data.Email" && f.Value.StartsWith("new.", StringComparison.Ordinal)
            ? $"run{run}." + f.Value : f.Value);

    private static async Task<TimeSpan> TimedOnceAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var token = await Forms.TokenAsync(client, url);
        using var content = new FormUrlEncodedContent([.. fields, KeyValuePair.Create("__RequestVerificationToken", token)]);
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync(url, content);
        watch.Stop();
        ((int)response.StatusCode).ShouldBeLessThan(400);
        return watch.Elapsed;
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

/// <summary>Runs the timing tests with no other test class alongside, so the machine's load is the same for both halves.</summary>
[CollectionDefinition(nameof(AccountEnumerationTests), DisableParallelization = true)]
public sealed class AccountEnumerationCollection;
