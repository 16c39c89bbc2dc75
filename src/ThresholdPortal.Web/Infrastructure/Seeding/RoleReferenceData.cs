using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Infrastructure.Seeding;

/// <summary>
/// The portal's roles (<see cref="PortalRole.All"/>) are reference data: every database gets them at every
/// start, demo or not, so an administrator can give them to people on a fresh install (docs/decisions/0056).
/// </summary>
public sealed class RoleReferenceData : IReferenceDataContributor
{
    public async Task EnsureAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.Roles.Select(r => r.NormalizedName).ToListAsync(cancellationToken);
        var missing = PortalRole.All.Where(role => !existing.Contains(role.ToUpperInvariant())).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        // As RoleManager would store them: its default normaliser upper-cases invariantly.
        db.Roles.AddRange(missing.Select(role => new IdentityRole<Guid>(role)
        {
            Id = Guid.CreateVersion7(),
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The same through Identity's role manager, for code that holds one rather than the context.</summary>
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole<Guid>> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in PortalRole.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }
    }
}
