using Microsoft.AspNetCore.Identity;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Seeding;
using ThresholdPortal.Web.Features.Accounts;

namespace ThresholdPortal.DemoData;

/// <summary>
/// Fills an empty database with a believable MASH and its partners, one demo user per role (all with
/// <see cref="DemoPassword"/>), and each feature's share of the demo, in the order of <see cref="InOrder"/>.
/// Demo users whose role requires two-factor sign-in are enrolled with the published
/// <see cref="DemoAuthenticatorKey"/> (docs/decisions/0021). Seeds once: a database with the demo users is left alone.
/// </summary>
public sealed partial class DemoDataSeeder(
    PortalDbContext db,
    UserManager<PortalUser> users,
    IUserStore<PortalUser> userStore,
    RoleManager<IdentityRole<Guid>> roles,
    IServiceProvider services,
    ILogger<DemoDataSeeder> logger)
{
    /// <summary>
    /// Each feature's share, in the order they build on each other: the MASH's cases come after the referral
    /// journey's referrals (and open cases for them), the information requests and feedback are about those
    /// cases, and the case audit samples the decided ones.
    /// </summary>
    public static readonly IReadOnlyList<Type> InOrder =
    [
        typeof(ReferralDemoData),
        typeof(MashDemoData),
        typeof(InformationRequestDemoData),
        typeof(FeedbackDemoData),
        typeof(CaseAuditDemoData),
        typeof(EarlyHelpDemoData),
        typeof(ApiClientDemoData),
    ];

    public const string ReferrerEmail = "referrer@example.org";

    public const string MidwifeEmail = "midwife@example.org";

    /// <summary>The council's data protection officer, who answers subject access requests (docs/decisions/0123).</summary>
    public const string DataProtectionOfficerEmail = "dpo@example.org";

    public const string DemoPassword = "Demo-Pass-2026!";
    public const string LocalAuthorityName = "Northshire County Council";

    /// <summary>
    /// The authenticator key of every demo MASH practitioner, manager and administrator. Published on
    /// purpose (run.sh prints it; deploy/local/totp.py turns it into the current code): demo data only.
    /// </summary>
    public const string DemoAuthenticatorKey = "THRESHOLDPORTALDEMOKEYNORTHSHIRE";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await RoleReferenceData.EnsureRolesAsync(roles);
        if (await users.FindByEmailAsync(ReferrerEmail) is not null)
        {
            LogAlreadySeeded(logger);
            return;
        }

        var organisations = new DemoOrganisations(
            LocalAuthority: Organisation(LocalAuthorityName, OrganisationKind.LocalAuthorityChildrensSocialCare, "northshire.example.org"),
            School: Organisation("Riverside Primary School", OrganisationKind.School, "riverside.example.org"),
            Police: Organisation("Northshire Police", OrganisationKind.Police, "police.example.org"),
            GpPractice: Organisation("Hillview Medical Practice", OrganisationKind.GpPractice, "hillview.example.org"),
            HealthVisiting: Organisation("Northshire Community Health: Health Visiting", OrganisationKind.HealthVisiting,
                "health.example.org"),
            Probation: Organisation("Probation Service: Northshire", OrganisationKind.Probation, "probation.example.org"),
            VoluntaryGroup: Organisation("Northshire Family Support Trust", OrganisationKind.VoluntaryOrganisation,
                "familytrust.example.org"));
        db.Organisations.AddRange(organisations.All);
        await db.SaveChangesAsync(cancellationToken);

        // Demo users sign in with "role@example.org"; the example.org domain is shared, so it is not listed
        // on any organisation (it would make self-registration ambiguous).
        var demoUsers = new DemoUsers(
            Referrer: await CreateUserAsync(ReferrerEmail, "Rachel", "Okafor", "Designated safeguarding lead", organisations.School,
                PortalRole.Referrer),
            Practitioner: await CreateUserAsync("practitioner@example.org", "Priya", "Shah", "MASH social worker",
                organisations.LocalAuthority, PortalRole.MashPractitioner),
            Manager: await CreateUserAsync("manager@example.org", "Martin", "Hughes", "MASH team manager", organisations.LocalAuthority,
                PortalRole.MashManager),
            PoliceResponder: await CreateUserAsync("police@example.org", "Dan", "Price", "Police MASH researcher", organisations.Police,
                PortalRole.AgencyResponder),
            Administrator: await CreateUserAsync("admin@example.org", "Alex", "Morgan", "Portal administrator",
                organisations.LocalAuthority, PortalRole.Administrator));

        // A health referrer, so the pre-birth and FGM journeys can be tried as a midwife would (they make no demo referrals).
        await CreateUserAsync(MidwifeEmail, "Grace", "Adeyemi", "Practice midwife", organisations.GpPractice, PortalRole.Referrer);

        // The officer who answers subject access requests: enrolled with the demo authenticator key, as the role needs two-factor.
        await CreateUserAsync(DataProtectionOfficerEmail, "Nadia", "Rahman", "Data protection officer", organisations.LocalAuthority,
            PortalRole.DataProtectionOfficer);

        // Each in its own scope: a share sends commands that change rows the previous share's context still tracks.
        foreach (var share in InOrder)
        {
            await using var scope = services.CreateAsyncScope();
            var contributor = (IDemoDataContributor)scope.ServiceProvider.GetRequiredService(share);
            await contributor.SeedAsync(new DemoSeedContext(organisations, demoUsers), cancellationToken);
        }

        LogSeeded(logger);
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
        if (services.GetRequiredService<AccountsOptions>().RequiresTwoFactor([role]))
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

/// <summary>A feature's share of the demo data (referrals, requests, decisions...), run in <see cref="DemoDataSeeder.InOrder"/>.</summary>
public interface IDemoDataContributor
{
    Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken);
}

public static class DemoDataRegistration
{
    /// <summary>The seeder, its shares, and the actor, journeys and loops they send commands with.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddScoped<DemoDataSeeder>();
        foreach (var share in DemoDataSeeder.InOrder)
        {
            services.AddScoped(share);
        }

        services.AddSingleton(sp => new PortalActor(sp));
        services.AddSingleton<DecisionLoop>();
        services.AddSingleton<ReferrerJourney>();
        services.AddSingleton<TriageSteps>();
        return services;
    }
}
