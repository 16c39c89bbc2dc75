using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>The early help hub's work with families and its directory of lead professionals (docs/decisions/0109).</summary>
public sealed class EarlyHelpCaseConfiguration : IEntityTypeConfiguration<EarlyHelpCase>, IEntityTypeConfiguration<LeadProfessional>
{
    public void Configure(EntityTypeBuilder<EarlyHelpCase> builder)
    {
        builder.ToTable("EarlyHelpCases");
        builder.Property(c => c.Reference).HasMaxLength(ReferralReference.MaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.SiblingReason).HasMaxLength(EarlyHelpCase.ReasonMaxLength);
        builder.Property(c => c.DeclineReason).HasMaxLength(EarlyHelpCase.ReasonMaxLength);
        builder.Property(c => c.OutcomeNote).HasMaxLength(EarlyHelpCase.ReasonMaxLength);
        builder.Property(c => c.StepUpReason).HasMaxLength(EarlyHelpCase.ReasonMaxLength);
        builder.Property(c => c.Version).IsRowVersion();

        // One piece of hub work per request or step-down.
        builder.HasIndex(c => c.ReferralId).IsUnique().HasFilter("\"StepDownId\" IS NULL");
        builder.HasIndex(c => c.StepDownId).IsUnique().HasFilter("\"StepDownId\" IS NOT NULL");

        // The queue: open work most urgent first (first contact due, then id), keyset paged, with and without a status filter.
        builder.HasIndex(c => new { c.FirstContactDueAt, c.Id }).HasDatabaseName("IX_EarlyHelpCases_OpenByDue")
            .HasFilter("\"Status\" NOT IN ('Closed', 'SteppedUp')");
        builder.HasIndex(c => new { c.Status, c.FirstContactDueAt, c.Id });
        builder.HasIndex(c => new { c.LeadProfessionalId, c.FirstContactDueAt, c.Id });

        // The hub's insight measures: the work received in a period, and its cases listed newest first by key.
        builder.HasIndex(c => new { c.ReceivedAt, c.Id });

        builder.HasOne<Referral>().WithMany().HasForeignKey(c => c.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EarlyHelpStepDown>().WithMany().HasForeignKey(c => c.StepDownId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MashCase>().WithMany().HasForeignKey(c => c.SteppedDownFromCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MashCase>().WithMany().HasForeignKey(c => c.SteppedUpToCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LeadProfessional>().WithMany().HasForeignKey(c => c.LeadProfessionalId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<LeadProfessional> builder)
    {
        builder.ToTable("LeadProfessionals");
        builder.Property(p => p.Name).HasMaxLength(LeadProfessional.NameMaxLength);
        builder.Property(p => p.Contact).HasMaxLength(LeadProfessional.ContactMaxLength);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => p.Name).IsUnique();
    }
}
