using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Infrastructure.Data;

public sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.GivenName).HasMaxLength(PortalUser.NameMaxLength);
        builder.Property(u => u.FamilyName).HasMaxLength(PortalUser.NameMaxLength);
        builder.Property(u => u.JobTitle).HasMaxLength(PortalUser.JobTitleMaxLength);
        builder.Property(u => u.TextMessagesTo).HasMaxLength(PortalUser.TextNumberMaxLength);
        builder.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(u => u.FullName).HasMaxLength(2 * PortalUser.NameMaxLength + 1)
            .HasComputedColumnSql(PortalUser.FullNameSql, stored: true);
    }
}
