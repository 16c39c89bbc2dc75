using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Domain.Organisations;

namespace ThresholdPortal.Web.Infrastructure.Data;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    /// <summary>PostgreSQL's xmin, as a shadow concurrency token: an edit from a stale form is refused.</summary>
    public const string Version = nameof(Version);

    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.HasIndex(o => o.Name).IsUnique();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(50);
        builder.Property(o => o.EmailDomains).HasColumnType("text[]");
        builder.Ignore(o => o.ReferralSource);
        builder.Property<uint>(Version).IsRowVersion();
    }
}
