using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>Cases stepped down to the early help hub by an approved decision (issue 6, docs/decisions/0060).</summary>
public sealed class EarlyHelpStepDownConfiguration : IEntityTypeConfiguration<EarlyHelpStepDown>
{
    public void Configure(EntityTypeBuilder<EarlyHelpStepDown> builder)
    {
        builder.ToTable("EarlyHelpStepDowns");
        builder.Property(s => s.Reference).HasMaxLength(ReferralReference.MaxLength);
        builder.Property(s => s.Note).HasMaxLength(EarlyHelpStepDown.NoteMaxLength);

        // One step-down in force per case (a revised decision may withdraw it); the hub's list reads newest first.
        builder.HasIndex(s => s.CaseId).IsUnique().HasFilter("\"WithdrawnAt\" IS NULL");
        builder.HasIndex(s => s.SteppedDownAt);

        builder.HasOne<MashCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Referral>().WithMany().HasForeignKey(s => s.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseDecision>().WithMany().HasForeignKey(s => s.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.SteppedDownByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
