using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>A threshold document version and its levels, sub-domains and indicators, each in its own table.</summary>
public sealed class ThresholdDocumentConfiguration : IEntityTypeConfiguration<ThresholdDocument>
{
    public void Configure(EntityTypeBuilder<ThresholdDocument> builder)
    {
        builder.Property(d => d.Key).HasMaxLength(ThresholdDocument.KeyMaxLength);
        builder.Property(d => d.Name).HasMaxLength(ThresholdDocument.NameMaxLength);
        builder.HasIndex(d => new { d.Key, d.Version }).IsUnique();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20).HasDefaultValue(ThresholdDocumentStatus.Published)
            .HasSentinel(0);

        // At most one draft of a document at a time: two would race to become the same next version.
        builder.HasIndex(d => d.Key).IsUnique().HasFilter("\"Status\" = 'Draft'").HasDatabaseName("IX_ThresholdDocuments_Key_Draft");

        // Derived from each indicator's phrases, which are stored with the indicator (docs/decisions/0121).
        builder.Ignore(d => d.Lexicon);

        builder.OwnsMany(d => d.Levels, level =>
        {
            level.ToTable("ThresholdLevelDescriptions");
            level.WithOwner().HasForeignKey("ThresholdDocumentId");
            level.HasKey("ThresholdDocumentId", nameof(ThresholdLevelDescription.Level));
            level.Property(l => l.Name).HasMaxLength(ThresholdLevelDescription.NameMaxLength);
            level.Property(l => l.Summary).HasMaxLength(ThresholdLevelDescription.SummaryMaxLength);
            level.Property(l => l.Description).HasMaxLength(ThresholdLevelDescription.DescriptionMaxLength);
        });
        builder.OwnsMany(d => d.SubDomains, subDomain =>
        {
            subDomain.ToTable("ThresholdSubDomains");
            subDomain.WithOwner().HasForeignKey("ThresholdDocumentId");
            subDomain.HasKey("ThresholdDocumentId", nameof(ThresholdSubDomain.Code));
            subDomain.Property(s => s.Code).HasMaxLength(ThresholdSubDomain.CodeMaxLength);
            subDomain.Property(s => s.Name).HasMaxLength(ThresholdSubDomain.NameMaxLength);
            subDomain.Property(s => s.Domain).HasConversion<string>().HasMaxLength(50);
        });
        builder.OwnsMany(d => d.Indicators, indicator =>
        {
            indicator.ToTable("ThresholdIndicators");
            indicator.WithOwner().HasForeignKey("ThresholdDocumentId");
            indicator.HasKey("ThresholdDocumentId", nameof(ThresholdIndicator.Code));
            indicator.Property(i => i.Code).HasMaxLength(ThresholdIndicator.CodeMaxLength);
            indicator.Property(i => i.SubDomainCode).HasMaxLength(ThresholdSubDomain.CodeMaxLength);
            indicator.Property(i => i.Text).HasMaxLength(ThresholdIndicator.TextMaxLength);
            indicator.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
            indicator.Property(i => i.Route).HasMaxLength(ThresholdIndicator.RouteMaxLength);
            indicator.Property(i => i.Phrases).HasColumnType("text[]").HasDefaultValueSql("'{}'");
        });
        builder.Navigation(d => d.Levels).AutoInclude();
        builder.Navigation(d => d.SubDomains).AutoInclude();
        builder.Navigation(d => d.Indicators).AutoInclude();
    }
}
