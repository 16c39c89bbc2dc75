using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Domain.Audits;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>Case audits (issue 7): the sample drawn and the auditor's judgement of each case.</summary>
public sealed class CaseAuditConfiguration : IEntityTypeConfiguration<CaseAudit>
{
    public void Configure(EntityTypeBuilder<CaseAudit> builder)
    {
        builder.ToTable("CaseAudits");
        builder.Property(a => a.Title).HasMaxLength(CaseAudit.TitleMaxLength);
        builder.PrimitiveCollection(a => a.Strata).ElementType(e => e.HasConversion<string>());
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Version).IsRowVersion();
        builder.Ignore(a => a.IsCompleted);
        builder.HasIndex(a => a.CreatedAt);
        builder.HasMany(a => a.Cases).WithOne().HasForeignKey(c => c.AuditId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.CompletedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AuditedCaseConfiguration : IEntityTypeConfiguration<AuditedCase>
{
    public void Configure(EntityTypeBuilder<AuditedCase> builder)
    {
        builder.ToTable("AuditedCases");
        builder.Property(c => c.Stratum).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
        builder.PrimitiveCollection(c => c.Features).ElementType(e => e.HasConversion<string>());
        builder.Property(c => c.Quality).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Agencies).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Agreement).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Feedback).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Comments).HasMaxLength(CaseJudgement.CommentsMaxLength);
        builder.Property(c => c.Version).IsRowVersion();
        builder.Ignore(c => c.IsJudged);
        builder.Ignore(c => c.Judgement);

        // A case is sampled at most once per audit.
        builder.HasIndex(c => new { c.AuditId, c.CaseId }).IsUnique();
        builder.HasIndex(c => c.CaseId);
        builder.HasOne<MashCase>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.JudgedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
