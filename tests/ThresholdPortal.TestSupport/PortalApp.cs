using System.Linq.Expressions;
using System.Net;
using MediatR;
using Serilog.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Seeding;
using ThresholdPortal.Web.Features.Accounts;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// The real app (real pipeline, real mediator, real PostgreSQL) hosted in memory. One per test class;
/// every test gets a fresh database through <see cref="IntegrationTest"/>.
/// </summary>
public sealed class PortalApp : WebApplicationFactory<Program>
{
    public const string Password = "Test-Pass-2026!";

    /// <summary>The authenticator key of test users whose role requires two-factor sign-in.</summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private readonly DatabaseHolder database = new();

    /// <summary>What the app has logged since it started, across this class's tests.</summary>
    public CapturedLog Log { get; } = new();

    public string ConnectionString => database.ConnectionString ?? throw new InvalidOperationException("No database yet.");

    internal async Task UseFreshDatabaseAsync()
    {
        database.ConnectionString = await TestDatabase.CreateAsync();

        // The settings cache and the sign-in counts belong to the app, which outlives each test's database.
        Services.GetRequiredService<MashSettingsCache>().Invalidate();
        Services.GetRequiredService<ReadCache>().Clear();
        Services.GetRequiredService<SignInLockout>().Forget();
    }

    /// <summary>
    /// Swaps this test's empty database for a clone of the demo: seeded once per run through the portal's commands (about
    /// a minute), as run.sh seeds it, then cloned for each test that reads it.
    /// </summary>
    public async Task UseDemoDatabaseAsync()
    {
        await DropDatabaseAsync();
        database.ConnectionString = await TestDatabase.CreateDemoAsync();
        Services.GetRequiredService<MashSettingsCache>().Invalidate();
        Services.GetRequiredService<ReadCache>().Clear();
    }

    /// <summary>
    /// A scoped service as a handler would get it now: the working calendar, decision clock and due times
    /// are built from the newest settings version in this test's database.
    /// </summary>
    public T Scoped<T>()
        where T : notnull
    {
        using var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    internal async Task DropDatabaseAsync()
    {
        if (database.ConnectionString is { } connectionString)
        {
            database.ConnectionString = null;
            await TestDatabase.DropAsync(connectionString);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Portal", "Host=unused");
        // Each test's database is cloned from a template that already holds the reference data.
        builder.UseSetting("ReferenceData:SeedOnStartup", "false");
        // Tests read queued e-mails from the outbox table, and run dispatchers themselves when they send.
        builder.UseSetting("Email:Dispatcher:Enabled", "false");
        // Likewise the chaser of overdue information requests: the tests that need it run it themselves.
        builder.UseSetting("InformationRequests:Chaser:Enabled", "false");
        builder.UseSetting("Insights:UnusualAccessAlert:Enabled", "false");
        builder.UseSetting("Insights:Summary:Enabled", "false");
        builder.UseSetting("Retention:Enabled", "false");
        // The webhook tests run the sender's rounds themselves, against a receiver on a loopback port.
        builder.UseSetting("Api:Webhooks:Enabled", "false");
        builder.UseSetting("Api:Webhooks:AllowLoopbackHttp", "true");
        builder.UseSetting("Email:PublicBaseUrl", "http://localhost");
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        // One app serves a whole test class, so its sign-ins would add up; the rate-limit tests set their own.
        builder.UseSetting("Security:SignInRateLimit:PerAccountPermits", "1000");
        builder.UseSetting("Security:SignInRateLimit:PerAddressPermits", "1000");
        builder.ConfigureTestServices(services =>
        {
            // Deadlines, weekdays and "today" come from the test clock, never the machine's date.
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(TestClock.Instance);
            // Every test creates and signs in users, each a PBKDF2 hash at Identity's 100,000 rounds (ADR 0135). The rounds are a
            // cost, not a behaviour: hashing, checking and the sign-in page's equal work (AccountEnumerationTests counts the
            // derivations) are the same at 1,000. Deployments keep the default.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
            // The app builds its context options once and pools its contexts (ADR 0149); here each scope gets a new context,
            // its options built from the database this test holds. DbContextPoolingTests checks the app's pool.
            foreach (var efService in services.Where(IsPortalDbContextRegistration).ToList())
            {
                services.Remove(efService);
            }

            services.AddSingleton(database);
            services.AddSingleton<ILogEventSink>(Log);
            services.AddSingleton<StatementCounter>();
            services.AddDbContext<PortalDbContext>((sp, options) =>
            {
                // A query that reads two collections or more without saying how fails here: as one query its rows multiply
                // (every level by every indicator of a threshold document), and EF Core would only log a warning.
                options.UsePortalDatabase(sp, sp.GetRequiredService<DatabaseHolder>().ConnectionString)
                    .AddInterceptors(sp.GetRequiredService<StatementCounter>())
                    .ConfigureWarnings(warnings => warnings.Throw(RelationalEventId.MultipleCollectionIncludeWarning));
            });
        });
    }

    /// <summary>The app's context, its options and EF's pool and lease for it: what the test host registers again.</summary>
    private static bool IsPortalDbContextRegistration(ServiceDescriptor service) =>
        service.ServiceType == typeof(PortalDbContext) || service.ServiceType == typeof(DbContextOptions)
        || (service.ServiceType.IsGenericType && service.ServiceType.GenericTypeArguments.Contains(typeof(PortalDbContext))
            && service.ServiceType.Namespace?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true);

    /// <summary>The commands EF sent while this app served requests carrying <see cref="StatementCounter.Header"/>.</summary>
    public StatementCounter Statements => Services.GetRequiredService<StatementCounter>();

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<T> ExecuteDbContextAsync<T>(Func<PortalDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public async Task ExecuteDbContextAsync(Func<PortalDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>One threshold document version, whole: its owned levels, sub-domains and indicators read by split queries.</summary>
    public Task<ThresholdDocument> ThresholdDocumentAsync(Expression<Func<ThresholdDocument, bool>> which) =>
        ExecuteDbContextAsync(db => db.ThresholdDocuments.AsNoTracking().AsSplitQuery().SingleAsync(which));

    public async Task<Organisation> CreateOrganisationAsync(string name, OrganisationKind kind, params string[] domains)
    {
        var organisation = new Organisation { Name = name, Kind = kind, EmailDomains = [.. domains] };
        await ExecuteDbContextAsync(async db =>
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        });
        return organisation;
    }

    /// <summary>
    /// Creates a user with <see cref="Password"/> in the given roles. Users whose role requires two-factor
    /// sign-in are enrolled with <see cref="AuthenticatorKey"/>, as they would be after their first sign-in.
    /// </summary>
    public Task<PortalUser> CreateUserAsync(string email, Organisation organisation, params string[] roles) =>
        CreateUserAsync(email, organisation, Services.GetRequiredService<AccountsOptions>().RequiresTwoFactor(roles), roles);

    public async Task<PortalUser> CreateUserAsync(string email, Organisation organisation, bool enrolTwoFactor, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        await RoleReferenceData.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            GivenName = "Test",
            FamilyName = email.Split('@')[0],
            OrganisationId = organisation.Id,
        };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        foreach (var role in roles)
        {
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        }

        if (enrolTwoFactor)
        {
            await TwoFactorEnrolment.EnrolWithKeyAsync(users, scope.ServiceProvider.GetRequiredService<IUserStore<PortalUser>>(), user,
                AuthenticatorKey);
        }

        return user;
    }

    /// <summary>
    /// Signs in through the real sign-in page (and the code page, with a code from
    /// <see cref="AuthenticatorKey"/> unless another is given, when the user has two-factor on) and returns a client holding the cookie.
    /// </summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Password, string authenticatorKey = AuthenticatorKey)
    {
        var client = CreateBrowserLikeClient();
        await SignInAsync(client, email, password, authenticatorKey);
        return client;
    }

    /// <summary>As above, with a client of another factory built on this app (another environment or settings).</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password = Password,
        string authenticatorKey = AuthenticatorKey)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await Forms.PostAsync(client, "/account/sign-in", new() { ["Data.Email"] = email, ["Data.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {email} should redirect");
        if (response.Headers.Location!.OriginalString.StartsWith("/account/sign-in-code", StringComparison.Ordinal))
        {
            response = await Forms.PostAsync(client, response.Headers.Location.OriginalString,
                new() { ["Data.Code"] = Totp.Code(authenticatorKey) });
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"the authenticator code for {email} should be accepted");
        }
    }

    /// <summary>The client holds a live session: the account page, which every signed-in user may open, opens.</summary>
    public static async Task ShouldBeSignedInAsync(HttpClient client, string? because = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        (await client.GetAsync("/account")).StatusCode.ShouldBe(HttpStatusCode.OK, because ?? "the client should be signed in");
    }

    /// <summary>The e-mails queued so far, oldest first.</summary>
    public Task<List<OutboxMessage>> OutboxAsync() =>
        ExecuteDbContextAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());

    /// <summary>The link of the one queued e-mail of this template to this address.</summary>
    public async Task<string> LinkEmailedToAsync(string email, EmailTemplate template)
    {
        var messages = (await OutboxAsync()).Where(m => m.Recipient == email && m.Template == template.Name).ToList();
        messages.Count.ShouldBe(1, $"one {template.Name} e-mail to {email}");
        return messages[0].Link!;
    }

    /// <summary>The audit events recorded so far, oldest first.</summary>
    public Task<List<AuditEvent>> AuditAsync() =>
        ExecuteDbContextAsync(db => db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    /// <summary>A MASH organisation with an administrator, signed in (with their authenticator code).</summary>
    public async Task<(HttpClient Client, PortalUser Administrator, Organisation Mash)> SignInAsAdministratorAsync()
    {
        var mash = await CreateOrganisationAsync("Northshire MASH", OrganisationKind.LocalAuthorityChildrensSocialCare, "mash.test");
        var administrator = await CreateUserAsync("admin@mash.test", mash, PortalRole.Administrator);
        return (await SignInAsync("admin@mash.test"), administrator, mash);
    }
}

/// <summary>Which database the app talks to right now; swapped by each test.</summary>
public sealed class DatabaseHolder
{
    public string? ConnectionString { get; set; }
}
