using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals.Quality;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Seeding;

namespace ThresholdPortal.Web.Features.Intake;

/// <summary>The glossary the MASH keeps (administration, configuration), read for the referral quality checks.</summary>
public static class StoredGlossary
{
    public static async Task<Glossary> GlossaryAsync(this PortalDbContext db, CancellationToken cancellationToken) =>
        GlossaryEntry.ToGlossary(await db.GlossaryTerms.AsNoTracking().ToListAsync(cancellationToken));
}

/// <summary>A database with an empty glossary gets the terms the portal ships with (<see cref="Glossary.Default"/>).</summary>
public sealed class DefaultGlossary : IReferenceDataContributor
{
    public async Task EnsureAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.GlossaryTerms.AnyAsync(cancellationToken))
        {
            db.GlossaryTerms.AddRange(Glossary.Default.Terms.OrderBy(t => t.Term, StringComparer.Ordinal)
                .Select(t => new GlossaryEntry { Term = t.Term, Meaning = t.Meaning, WidelyUnderstood = t.WidelyUnderstood }));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
