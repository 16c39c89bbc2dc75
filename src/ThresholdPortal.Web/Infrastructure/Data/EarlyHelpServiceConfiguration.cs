using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Domain.EarlyHelp;

namespace ThresholdPortal.Web.Infrastructure.Data;

public sealed class EarlyHelpServiceConfiguration : IEntityTypeConfiguration<EarlyHelpService>
{
    public void Configure(EntityTypeBuilder<EarlyHelpService> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(EarlyHelpService.NameMaxLength);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.Offer).HasMaxLength(EarlyHelpService.OfferMaxLength);
        builder.Property(s => s.Area).HasMaxLength(EarlyHelpService.AreaMaxLength);
        builder.Property(s => s.HowToAccess).HasMaxLength(EarlyHelpService.HowToAccessMaxLength);
    }
}
