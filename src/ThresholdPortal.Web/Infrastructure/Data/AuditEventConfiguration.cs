using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Web.Infrastructure.Auditing;

namespace ThresholdPortal.Web.Infrastructure.Data;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Action).HasMaxLength(AuditEvent.ActionMaxLength);
        builder.Property(e => e.SubjectType).HasMaxLength(AuditEvent.SubjectTypeMaxLength);
        builder.Property(e => e.SubjectId).HasMaxLength(AuditEvent.SubjectIdMaxLength);
        builder.Property(e => e.Detail).HasMaxLength(AuditEvent.DetailMaxLength);
        builder.HasIndex(e => new { e.SubjectType, e.SubjectId, e.OccurredAt });
        builder.HasIndex(e => new { e.UserId, e.OccurredAt });
        // The unusual-access report reads a period's accesses, newest first (issue 19).
        builder.HasIndex(e => e.OccurredAt);
    }
}
