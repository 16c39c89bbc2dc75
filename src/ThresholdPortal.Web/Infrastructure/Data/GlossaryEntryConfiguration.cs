using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Domain.Referrals.Quality;

namespace ThresholdPortal.Web.Infrastructure.Data;

public sealed class GlossaryEntryConfiguration : IEntityTypeConfiguration<GlossaryEntry>
{
    public void Configure(EntityTypeBuilder<GlossaryEntry> builder)
    {
        builder.ToTable("GlossaryTerms");
        builder.Property(g => g.Term).HasMaxLength(GlossaryEntry.TermMaxLength);
        builder.HasIndex(g => g.Term).IsUnique();
        builder.Property(g => g.Meaning).HasMaxLength(GlossaryEntry.MeaningMaxLength);
    }
}
