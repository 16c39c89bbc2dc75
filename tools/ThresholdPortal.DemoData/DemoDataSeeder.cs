using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Infrastructure.Seeding;

/// <summary>
/// Fills an empty Development database with a believable MASH and its partners, one demo user per role
/// (all with <see cref="DemoPassword"/>), and whatever each feature's <see cref="IDemoDataContributor"/> adds.
/// Demo users whose role requires two-factor sign-in are enrolled with the published
/// <see cref="DemoAuthenticatorKey"/> (docs/decisions/0021). Never runs outside Development.
/// </summary>
public sealed partial class DemoDataSeeder(
    PortalDbContext db,
    UserManager<PortalUser> users,
    IUserStore<PortalUser> userStore,
    RoleManager<IdentityRole<Guid>> roles,
    IEnumerable<IDemoDataContributor> contributors,
    ILogger<DemoDataSeeder> logger)
{
    public const string DemoPassword = "Demo-Pass-2026!";
    public const string LocalAuthorityName = "Northshire County Council";

    /// <summary>
    /// The authenticator key of every demo MASH practitioner, manager and administrator. Published on
    /// purpose (run.sh prints it; deploy/local/totp.py turns it into the current code): demo data only.
    /// </summary>
    public const string DemoAuthenticatorKey = "THRESHOLDPORTALDEMOKEYNORTHSHIRE";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await EnsureRolesAsync(roles);
        if (await db.Organisations.AnyAsync(cancellationToken))
        {
            LogAlreadySeeded(logger);
            return;
        }

        var organisations = new DemoOrganisations(
            LocalAuthority: Organisation(LocalAuthorityName, OrganisationKind.LocalAuthorityChildrensSocialCare, "northshire.example.org"),
            School: Organisation("Riverside Primary School", OrganisationKind.School, "riverside.example.org"),
            Police: Organisation("Northshire Police", OrganisationKind.Police, "police.example.org"),
            GpPractice: Organisation("Hillview Medical Practice", OrganisationKind.GpPractice, "hillview.example.org"),
            HealthVisiting: Organisation("Northshire Community Health: Health Visiting", OrganisationKind.HealthVisiting, "health.example.org"),
            Probation: Organisation("Probation Service: Northshire", OrganisationKind.Probation, "probation.example.org"),
            VoluntaryGroup: Organisation("Northshire Family Support Trust", OrganisationKind.VoluntaryOrganisation, "familytrust.example.org"));
        db.Organisations.AddRange(organisations.All);
        await db.SaveChangesAsync(cancellationToken);

        // Demo users sign in with "role@example.org"; the example.org domain is shared, so it is not listed
        // on any organisation (it would make self-registration ambiguous).
        var demoUsers = new DemoUsers(
            Referrer: await CreateUserAsync("referrer@example.org", "Rachel", "Okafor", "Designated safeguarding lead", organisations.School, PortalRole.Referrer),
            Practitioner: await CreateUserAsync("practitioner@example.org", "Priya", "Shah", "MASH social worker", organisations.LocalAuthority, PortalRole.MashPractitioner),
            Manager: await CreateUserAsync("manager@example.org", "Martin", "Hughes", "MASH team manager", organisations.LocalAuthority, PortalRole.MashManager),
            PoliceResponder: await CreateUserAsync("police@example.org", "Dan", "Price", "Police MASH researcher", organisations.Police, PortalRole.AgencyResponder),
            Administrator: await CreateUserAsync("admin@example.org", "Alex", "Morgan", "Portal administrator", organisations.LocalAuthority, PortalRole.Administrator));

        foreach (var contributor in contributors.OrderBy(c => c.Order))
        {
            await contributor.SeedAsync(new DemoSeedContext(organisations, demoUsers), cancellationToken);
        }

        LogSeeded(logger);
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole<Guid>> roles)
    {
        foreach (var role in PortalRole.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }
    }

    private static Organisation Organisation(string name, OrganisationKind kind, string domain) =>
        new() { Name = name, Kind = kind, EmailDomains = [domain] };

    private async Task<PortalUser> CreateUserAsync(
        string email, string givenName, string familyName, string jobTitle, Organisation organisation, string role)
    {
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            GivenName = givenName,
            FamilyName = familyName,
            JobTitle = jobTitle,
            PhoneNumber = "01632 960" + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            OrganisationId = organisation.Id,
        };
        var created = await users.CreateAsync(user, DemoPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create a demo user: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        }

        await users.AddToRoleAsync(user, role);
        if (PortalRole.AnyRequiresTwoFactor([role]))
        {
            await TwoFactorEnrolment.EnrolWithKeyAsync(users, userStore, user, DemoAuthenticatorKey);
        }

        return user;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data already present; not seeding again")]
    private static partial void LogAlreadySeeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded")]
    private static partial void LogSeeded(ILogger logger);
}

public sealed record DemoOrganisations(
    Organisation LocalAuthority,
    Organisation School,
    Organisation Police,
    Organisation GpPractice,
    Organisation HealthVisiting,
    Organisation Probation,
    Organisation VoluntaryGroup)
{
    public IReadOnlyList<Organisation> All => [LocalAuthority, School, Police, GpPractice, HealthVisiting, Probation, VoluntaryGroup];
}

public sealed record DemoUsers(
    PortalUser Referrer,
    PortalUser Practitioner,
    PortalUser Manager,
    PortalUser PoliceResponder,
    PortalUser Administrator);

public sealed record DemoSeedContext(DemoOrganisations Organisations, DemoUsers Users);

/// <summary>A feature's share of the demo data (referrals, requests, decisions...). Runs in <see cref="Order"/>.</summary>
public interface IDemoDataContributor
{
    int Order { get; }
    Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken);
}

public static class DemoDataRegistration
{
    /// <summary>Registers the seeder and every <see cref="IDemoDataContributor"/> in the web assembly.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddScoped<DemoDataSeeder>();
        foreach (var type in typeof(DemoDataSeeder).Assembly.GetTypes()
                     .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IDemoDataContributor).IsAssignableFrom(t)))
        {
            services.AddScoped(typeof(IDemoDataContributor), type);
        }

        return services;
    }
}
