using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>
/// One answer per child and suggested indicator; it goes with the child (and so with a deleted draft or a referral the
/// retention job removes). The document index serves the acceptance page's counts per version.
/// </summary>
public sealed class IndicatorSuggestionResponseConfiguration : IEntityTypeConfiguration<IndicatorSuggestionResponse>
{
    public void Configure(EntityTypeBuilder<IndicatorSuggestionResponse> builder)
    {
        builder.Property(r => r.IndicatorCode).HasMaxLength(ThresholdIndicator.CodeMaxLength);
        builder.HasOne<Referral>().WithMany().HasForeignKey(r => r.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReferralChild>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ThresholdDocument>().WithMany().HasForeignKey(r => r.ThresholdDocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ChildId, r.IndicatorCode }).IsUnique();
        builder.HasIndex(r => new { r.ThresholdDocumentId, r.IndicatorCode }).IncludeProperties(r => r.Accepted);
    }
}
