using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>Decisions and their sign-off, feedback to referrers and escalations (issue 6).</summary>
public sealed class CaseDecisionConfiguration : IEntityTypeConfiguration<CaseDecision>
{
    public void Configure(EntityTypeBuilder<CaseDecision> builder)
    {
        builder.ToTable("CaseDecisions");
        builder.Property(d => d.Rating).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.RatingChangeReason).HasMaxLength(CaseDecision.RatingChangeReasonMaxLength);
        builder.Property(d => d.Level).HasConversion<int>();
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.PrimaryNeed).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.Factors).HasColumnType("text[]");
        builder.Property(d => d.Rationale).HasMaxLength(CaseDecision.RationaleMaxLength);
        builder.Property(d => d.ReasonsForReferrer).HasMaxLength(CaseDecision.ReasonsForReferrerMaxLength);
        builder.Property(d => d.LawfulBasis).HasConversion<string>().HasMaxLength(50);
        builder.Property(d => d.LawfulBasisNotes).HasMaxLength(CaseDecision.LawfulBasisNotesMaxLength);
        builder.Property(d => d.HandoverTo).HasMaxLength(CaseDecision.HandoverMaxLength);
        builder.Property(d => d.SiblingsInEarlyHelpReason).HasMaxLength(CaseDecision.SiblingsReasonMaxLength);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.ReviewComments).HasMaxLength(CaseDecision.CommentsMaxLength);
        builder.OwnsMany(d => d.NextSteps, steps =>
        {
            steps.ToJson();
            steps.Property(s => s.Action).HasMaxLength(NextStep.ActionMaxLength);
            steps.Property(s => s.Who).HasMaxLength(NextStep.WhoMaxLength);
        });

        // A table, not JSON like the next steps: the returns join each child's row to its outcome (docs/decisions/0092).
        builder.OwnsMany(d => d.ChildOutcomes, children =>
        {
            children.ToTable("ChildOutcomes");
            children.WithOwner().HasForeignKey("DecisionId");
            children.HasKey("DecisionId", nameof(ChildOutcome.ReferralChildId));
            children.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(40);
            children.HasOne<ReferralChild>().WithMany().HasForeignKey(c => c.ReferralChildId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.HasIndex(d => new { d.CaseId, d.Revision }).IsUnique();

        // The managers' sign-off list: proposals waiting, oldest first.
        builder.HasIndex(d => d.ProposedAt).HasDatabaseName("IX_CaseDecisions_AwaitingSignOff")
            .HasFilter("\"State\" = 'AwaitingSignOff'");

        builder.HasOne<MashCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ThresholdDocument>().WithMany().HasForeignKey(d => d.ThresholdDocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.ProposedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.ReviewedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReferrerFeedbackConfiguration : IEntityTypeConfiguration<ReferrerFeedback>
{
    public void Configure(EntityTypeBuilder<ReferrerFeedback> builder)
    {
        builder.ToTable("ReferrerFeedback");
        builder.Property(f => f.OutcomeSummary).HasMaxLength(ReferrerFeedback.OutcomeMaxLength);
        builder.Property(f => f.Reasons).HasMaxLength(ReferrerFeedback.ReasonsMaxLength);
        builder.Property(f => f.LevelExplanation).HasMaxLength(ReferrerFeedback.LevelExplanationMaxLength);
        builder.Property(f => f.OtherSupport).HasMaxLength(ReferrerFeedback.OtherSupportMaxLength);
        builder.Property(f => f.ContactName).HasMaxLength(ReferrerFeedback.ContactNameMaxLength);
        builder.Property(f => f.ContactDetails).HasMaxLength(ReferrerFeedback.ContactDetailsMaxLength);
        builder.Property(f => f.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Version).IsRowVersion();
        builder.Ignore(f => f.IsSent);

        // One feedback per approved decision: a revision after an escalation drafts its own (docs/decisions/0096).
        builder.HasIndex(f => f.DecisionId).IsUnique();
        builder.HasIndex(f => f.CaseId);
        builder.HasIndex(f => f.ReferralId);

        builder.HasOne<MashCase>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Referral>().WithMany().HasForeignKey(f => f.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseDecision>().WithMany().HasForeignKey(f => f.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(f => f.SentByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> builder)
    {
        builder.ToTable("Escalations");
        builder.Property(e => e.Reasons).HasMaxLength(Escalation.ReasonsMaxLength);
        builder.Property(e => e.Response).HasMaxLength(Escalation.ResponseMaxLength);
        builder.Property(e => e.Result).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Version).IsRowVersion();
        builder.Ignore(e => e.IsOpen);

        // The managers' list of open escalations, due soonest first.
        builder.HasIndex(e => new { e.DueAt, e.Id }).HasDatabaseName("IX_Escalations_Open").HasFilter("\"AnsweredAt\" IS NULL");
        builder.HasIndex(e => e.CaseId);
        builder.HasIndex(e => e.FeedbackId).IsUnique();

        builder.HasOne<MashCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReferrerFeedback>().WithMany().HasForeignKey(e => e.FeedbackId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.RaisedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.AnsweredByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
