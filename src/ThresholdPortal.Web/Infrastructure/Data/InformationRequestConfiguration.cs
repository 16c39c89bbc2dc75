using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>
/// Information requests (issue 5). Enums are stored by name. Responses, their attachments and the people
/// a request named are append-only: the InformationRequests migration adds triggers that refuse UPDATE,
/// DELETE and TRUNCATE on those tables (docs/decisions/0041).
/// </summary>
public sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    /// <summary>Open requests: the states an agency still has to act on, and the only ones that can be overdue.</summary>
    public const string OpenFilter = "\"State\" IN ('Sent', 'Viewed')";

    public void Configure(EntityTypeBuilder<InformationRequest> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.CaseReference).HasMaxLength(ReferralReference.MaxLength);
        builder.Property(r => r.AgencyKey).HasMaxLength(PartnerAgency.KeyMaxLength);
        builder.Property(r => r.AgencyName).HasMaxLength(PartnerAgency.NameMaxLength);
        builder.Property(r => r.Questions).HasColumnType("text[]");
        builder.Property(r => r.AdditionalQuestions).HasMaxLength(InformationRequest.AdditionalQuestionsMaxLength);
        builder.Property(r => r.LawfulBasis).HasConversion<string>().HasMaxLength(50);
        builder.Property(r => r.Rating).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsRowVersion();
        builder.Ignore(r => r.IsOpen);
        builder.Ignore(r => r.LatestResponse);

        builder.HasIndex(r => new { r.CaseId, r.SentAt });

        // The queue's "overdue requests" flag and the chaser read only open requests by due time.
        builder.HasIndex(r => new { r.CaseId, r.DueAt }).HasDatabaseName("IX_InformationRequests_OpenByCase").HasFilter(OpenFilter);
        builder.HasIndex(r => r.DueAt).HasDatabaseName("IX_InformationRequests_ToChase")
            .HasFilter(OpenFilter + " AND \"ChasedAt\" IS NULL");

        // An agency's list: open requests most urgent first, the rest newest first, each paged by key.
        builder.HasIndex(r => new { r.OrganisationId, r.DueAt, r.Id }).HasDatabaseName("IX_InformationRequests_AgencyOpen")
            .HasFilter(OpenFilter);
        builder.HasIndex(r => new { r.OrganisationId, r.SentAt, r.Id }).HasDatabaseName("IX_InformationRequests_AgencyClosed")
            .HasFilter("\"State\" IN ('Answered', 'Declined')");

        builder.HasOne<MashCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Referral>().WithMany().HasForeignKey(r => r.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.SentByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Subjects).WithOne().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Responses).WithOne().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RequestSubjectConfiguration : IEntityTypeConfiguration<RequestSubject>
{
    public void Configure(EntityTypeBuilder<RequestSubject> builder)
    {
        builder.ToTable("InformationRequestSubjects");
        builder.Property(s => s.Id).UseIdentityAlwaysColumn();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.Name).HasMaxLength(RequestSubject.NameMaxLength);
        builder.Property(s => s.Address).HasMaxLength(RequestSubject.AddressMaxLength);
        builder.Property(s => s.Relationship).HasMaxLength(SignificantAdult.RelationshipMaxLength);
        builder.HasIndex(s => new { s.RequestId, s.Order });
    }
}

public sealed class InformationResponseConfiguration : IEntityTypeConfiguration<InformationResponse>
{
    public void Configure(EntityTypeBuilder<InformationResponse> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.ConcernLevel).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.InvolvementSummary).HasMaxLength(InformationResponse.InvolvementMaxLength);
        builder.Property(r => r.CurrentRisks).HasMaxLength(InformationResponse.RisksMaxLength);
        builder.Property(r => r.DeclineReason).HasMaxLength(InformationResponse.DeclineReasonMaxLength);
        builder.Property(r => r.RespondedByName).HasMaxLength(InformationResponse.ResponderNameMaxLength);
        builder.HasIndex(r => new { r.RequestId, r.SubmittedAt });
        builder.HasOne<InformationResponse>().WithMany().HasForeignKey(r => r.CorrectsResponseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.RespondedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ResponseAttachmentConfiguration : IEntityTypeConfiguration<ResponseAttachment>
{
    public void Configure(EntityTypeBuilder<ResponseAttachment> builder)
    {
        builder.ToTable("InformationResponseAttachments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(ReferralAttachment.FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.HasOne(a => a.Content).WithOne().HasForeignKey<ResponseAttachmentContent>(c => c.AttachmentId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ResponseAttachmentContentConfiguration : IEntityTypeConfiguration<ResponseAttachmentContent>
{
    public void Configure(EntityTypeBuilder<ResponseAttachmentContent> builder)
    {
        builder.ToTable("InformationResponseAttachmentContents");
        builder.HasKey(c => c.AttachmentId);
        builder.Property(c => c.Bytes).HasColumnType("bytea");
    }
}

public sealed class AgencyNotNeededConfiguration : IEntityTypeConfiguration<AgencyNotNeeded>
{
    public void Configure(EntityTypeBuilder<AgencyNotNeeded> builder)
    {
        builder.ToTable("AgencyChecksNotNeeded");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.AgencyKey).HasMaxLength(PartnerAgency.KeyMaxLength);
        builder.Property(n => n.AgencyName).HasMaxLength(PartnerAgency.NameMaxLength);
        builder.Property(n => n.Reason).HasMaxLength(AgencyNotNeeded.ReasonMaxLength);

        // One reason per agency per case: the second of two practitioners recording at once is told it is done.
        builder.HasIndex(n => new { n.CaseId, n.AgencyKey }).IsUnique();
        builder.HasOne<MashCase>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PartnerAgencyConfiguration : IEntityTypeConfiguration<PartnerAgency>
{
    public void Configure(EntityTypeBuilder<PartnerAgency> builder)
    {
        builder.Property(a => a.Key).HasMaxLength(PartnerAgency.KeyMaxLength);
        builder.HasIndex(a => a.Key).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(PartnerAgency.NameMaxLength);
        builder.Property(a => a.Description).HasMaxLength(PartnerAgency.DescriptionMaxLength);
        builder.PrimitiveCollection(a => a.RecipientKinds).ElementType().HasConversion<string>();
        builder.Property(a => a.StandardQuestions).HasColumnType("text[]");
    }
}
