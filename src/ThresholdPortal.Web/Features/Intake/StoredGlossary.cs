using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals.Quality;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Seeding;

namespace ThresholdPortal.Web.Features.Intake;

/// <summary>The glossary the MASH keeps (administration, configuration), read for the referral quality checks.</summary>
public static class StoredGlossary
{
    /// <summary>How long an instance keeps the glossary: it changes when an administrator edits a term (ADR 0132).</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);

    /// <summary>The glossary, kept for a minute and read again at once after this instance commits a change to it.</summary>
    public static Task<Glossary> GlossaryAsync(this PortalDbContext db, ReadCache cache, CancellationToken cancellationToken) =>
        cache.GetOrReadAsync(typeof(GlossaryEntry), "all", Keep, async () =>
            GlossaryEntry.ToGlossary(await db.GlossaryTerms.AsNoTracking().ToListAsync(cancellationToken)));
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
