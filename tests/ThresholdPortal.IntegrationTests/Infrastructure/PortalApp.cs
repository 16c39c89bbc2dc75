using System.Net;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Seeding;

namespace ThresholdPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The real app (real pipeline, real mediator, real PostgreSQL) hosted in memory. One per test class;
/// every test gets a fresh database through <see cref="IntegrationTest"/>.
/// </summary>
public sealed class PortalApp : WebApplicationFactory<Program>
{
    public const string Password = "Test-Pass-2026!";

    private readonly DatabaseHolder database = new();

    public string ConnectionString => database.ConnectionString ?? throw new InvalidOperationException("No database yet.");

    internal async Task UseFreshDatabaseAsync()
    {
        database.ConnectionString = await TestDatabase.CreateAsync();
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
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DbContextOptions<PortalDbContext>>();
            services.RemoveAll<IDbContextOptionsConfiguration<PortalDbContext>>();
            services.AddSingleton(database);
            services.AddDbContext<PortalDbContext>((sp, options) =>
                options.UseNpgsql(sp.GetRequiredService<DatabaseHolder>().ConnectionString));
        });
    }

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

    /// <summary>Creates a user with <see cref="Password"/> in the given roles.</summary>
    public async Task<PortalUser> CreateUserAsync(string email, Organisation organisation, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        await DemoDataSeeder.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>());
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

        return user;
    }

    /// <summary>Signs in through the real sign-in page and returns a client holding the cookie.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var client = CreateBrowserLikeClient();
        var response = await PostFormAsync(client, "/account/sign-in", new() { ["Data.Email"] = email, ["Data.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {email} should redirect");
        return client;
    }

    /// <summary>GETs the page, takes its antiforgery token and posts the form fields to it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        token.Success.ShouldBeTrue($"{url} should contain an antiforgery token");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}

/// <summary>Which database the app talks to right now; swapped by each test.</summary>
public sealed class DatabaseHolder
{
    public string? ConnectionString { get; set; }
}
