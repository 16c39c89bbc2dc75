using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.Web.Infrastructure.Seeding;

/// <summary>The "Bootstrap" configuration section: who the first administrator of a fresh install is.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    /// <summary>Empty: nothing is done.</summary>
    public string? AdministratorEmail { get; set; }

    public string AdministratorGivenName { get; set; } = "Portal";
    public string AdministratorFamilyName { get; set; } = "Administrator";

    /// <summary>The MASH organisation created for them when no children's social care organisation exists yet.</summary>
    public string OrganisationName { get; set; } = "Children's social care (MASH)";
}

public enum BootstrapOutcome
{
    NotConfigured,
    AdministratorExists,
    Invited,
    InvitedAgain,
    InvitationStillValid,
    EmailTakenByAnotherAccount,
}

/// <summary>
/// Gives a fresh install its first administrator (docs/decisions/0056): when <c>Bootstrap:AdministratorEmail</c>
/// is set and no active administrator has set a password, creates that account (in the MASH organisation,
/// created if there is none) with the Administrator role and queues an invitation e-mail through the outbox.
/// Runs at every start after the reference data and is idempotent: once anyone is an active administrator it
/// does nothing; while the invited account has not set its password, a new link is sent only when the last
/// one has expired. It never gives the role to an existing account that has a password.
/// </summary>
public sealed partial class BootstrapAdministrator(
    PortalDbContext db,
    UserManager<PortalUser> users,
    AccountTokens tokens,
    IEmailOutbox outbox,
    IAuditTrail audit,
    TimeProvider clock,
    IOptions<BootstrapOptions> options,
    ILogger<BootstrapAdministrator> logger)
{
    private const long LockKey = 0x626f_6f74_7374_7261; // "bootstra": shared by every instance.

    public async Task<BootstrapOutcome> EnsureAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var email = settings.AdministratorEmail?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return BootstrapOutcome.NotConfigured;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        var outcome = await EnsureInTransactionAsync(settings, email, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogOutcome(logger, outcome);
        return outcome;
    }

    private async Task<BootstrapOutcome> EnsureInTransactionAsync(BootstrapOptions settings, string email,
        CancellationToken cancellationToken)
    {
        var administratorRole = await db.Roles.Where(r => r.Name == PortalRole.Administrator).Select(r => r.Id)
            .SingleAsync(cancellationToken);
        var administrators = db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == administratorRole));
        if (await administrators.AnyAsync(u => u.PasswordHash != null, cancellationToken))
        {
            return BootstrapOutcome.AdministratorExists;
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            if (existing.PasswordHash is not null || !await users.IsInRoleAsync(existing, PortalRole.Administrator) || !existing.IsActive)
            {
                return BootstrapOutcome.EmailTakenByAnotherAccount;
            }

            var now = clock.GetUtcNow();
            if (await db.AccountTokens.AnyAsync(
                    t => t.UserId == existing.Id && t.Purpose == AccountTokenPurpose.Invitation && t.UsedAt == null && t.RevokedAt == null
                        && t.ExpiresAt > now,
                    cancellationToken))
            {
                return BootstrapOutcome.InvitationStillValid;
            }

            await InviteAsync(existing, "Invitation sent again by the bootstrap configuration", cancellationToken);
            return BootstrapOutcome.InvitedAgain;
        }

        var organisation = await db.Organisations.Where(o => o.Kind == OrganisationKind.LocalAuthorityChildrensSocialCare && o.IsActive)
            .OrderBy(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            organisation = new Organisation { Name = settings.OrganisationName.Trim(),
                Kind = OrganisationKind.LocalAuthorityChildrensSocialCare };
            db.Organisations.Add(organisation);
            audit.Record(ConfigurationEvents.OrganisationCreated, nameof(Organisation), organisation.Id.ToString(),
                "Created by the bootstrap configuration for the first administrator");
            await db.SaveChangesAsync(cancellationToken);
        }

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            GivenName = settings.AdministratorGivenName.Trim(),
            FamilyName = settings.AdministratorFamilyName.Trim(),
            OrganisationId = organisation.Id,
        };
        (await users.CreateAsync(user)).EnsureSucceeded();
        (await users.AddToRoleAsync(user, PortalRole.Administrator)).EnsureSucceeded();
        await InviteAsync(user,
            $"First administrator, from the bootstrap configuration. Organisation: {organisation.Name}; roles: " +
            $"{PortalRole.DisplayName(PortalRole.Administrator)}", cancellationToken);
        return BootstrapOutcome.Invited;
    }

    private async Task InviteAsync(PortalUser user, string detail, CancellationToken cancellationToken)
    {
        var token = await tokens.IssueAsync(user.Id, AccountTokenPurpose.Invitation, cancellationToken);
        outbox.Enqueue(user.Email!, EmailTemplate.Invitation, "/account/accept-invitation?token=" + Uri.EscapeDataString(token));
        audit.Record(AccountEvents.Invited, nameof(PortalUser), user.Id.ToString(), detail);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap administrator: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, BootstrapOutcome outcome);
}

public static class BootstrapRegistration
{
    public static IServiceCollection AddBootstrapAdministrator(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.Section));
        services.AddScoped<BootstrapAdministrator>();
        return services;
    }
}
