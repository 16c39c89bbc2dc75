using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Domain.Identifiers;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>
/// A referral and everything it owns. Enums are stored by name so the database reads plainly; the
/// attachment bytes sit in their own table (docs/decisions/0011).
/// </summary>
public sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public const string ReferenceSequence = "ReferralReferenceNumbers";
    private const int EnumMaxLength = 50;

    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.Reference).HasMaxLength(ReferralReference.MaxLength);
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.HasIndex(r => r.IdempotencyKey).IsUnique();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(r => r.EarlyHelpChoice).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(r => r.Fgm).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(r => r.ReferrerProfession).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(r => r.ReferralSourceCode).HasMaxLength(Referral.SourceCodeMaxLength);
        builder.Property(r => r.ReasonForMashReferral).HasMaxLength(Referral.ReasonMaxLength);
        builder.Property(r => r.SuggestionReasons).HasColumnType("text[]");
        builder.Property(r => r.Categories).HasColumnType("text[]");
        builder.Ignore(r => r.IndicatorsByChild);
        builder.Ignore(r => r.Screening);
        // Drafts and sent referrals never share an index with the status as a column to filter on (ADR 0144): the status
        // is so skewed that the planner, its statistics once stale, read every draft through such an index to find one.
        // A draft is read by its author and id, or swept by age, from this small index of drafts alone.
        builder.HasIndex(r => new { r.ReferrerUserId, r.Id }, "IX_Referrals_Drafts").HasFilter("\"Status\" = 'Draft'");
        builder.HasIndex(r => new { r.ReferringOrganisationId, r.Status });
        builder.HasIndex(r => new { r.Status, r.Kind, r.SubmittedAt }).HasFilter("\"Status\" <> 'Draft'");
        // "My referrals": each side of who may see a sent referral (its author, colleagues where the organisation shares)
        // read newest first from its own index, so a page costs the same however many were sent.
        builder.HasIndex(r => new { r.ReferrerUserId, r.SubmittedAt }, "IX_Referrals_SentByReferrer").HasFilter("\"Status\" <> 'Draft'");
        builder.HasIndex(r => new { r.ReferringOrganisationId, r.SubmittedAt }, "IX_Referrals_SentByOrganisation")
            .HasFilter("\"Status\" <> 'Draft'");

        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.ReferrerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ReferringOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ThresholdDocument>().WithMany().HasForeignKey(r => r.ThresholdDocumentId).OnDelete(DeleteBehavior.Restrict);

        builder.ComplexProperty(r => r.Concerns, concerns =>
        {
            foreach (var property in concerns.Metadata.ComplexType.GetProperties())
            {
                property.SetMaxLength(ReferralConcerns.LongAnswerMaxLength);
            }
        });
        builder.ComplexProperty(r => r.FollowUps, followUps =>
        {
            followUps.Property(f => f.CseDetails).HasMaxLength(CategoryFollowUps.AnswerMaxLength);
            followUps.Property(f => f.CsePeopleAndPlaces).HasMaxLength(CategoryFollowUps.AnswerMaxLength);
            followUps.Property(f => f.CceDetails).HasMaxLength(CategoryFollowUps.AnswerMaxLength);
            followUps.Property(f => f.MissingDetails).HasMaxLength(CategoryFollowUps.AnswerMaxLength);
            followUps.Property(f => f.OtherDetails).HasMaxLength(CategoryFollowUps.AnswerMaxLength);
            followUps.Property(f => f.FgmPoliceReference).HasMaxLength(CategoryFollowUps.PoliceReferenceMaxLength);
        });
        builder.ComplexProperty(r => r.Consent, consent =>
        {
            consent.Property(c => c.Decision).HasConversion<string>().HasMaxLength(EnumMaxLength);
            consent.Property(c => c.SharingBasis).HasConversion<string>().HasMaxLength(EnumMaxLength);
            consent.Property(c => c.Reason).HasMaxLength(ConsentRecord.ReasonMaxLength);
        });
        builder.ComplexProperty(r => r.Communication, communication =>
        {
            communication.Property(c => c.Language).HasMaxLength(CommunicationNeeds.LanguageMaxLength);
            communication.Property(c => c.CommunicationNeedsDetails).HasMaxLength(CommunicationNeeds.DetailsMaxLength);
        });
        builder.ComplexProperty(r => r.Referrer, referrer =>
        {
            referrer.Property(c => c.Name).HasMaxLength(ReferrerContact.NameMaxLength);
            referrer.Property(c => c.JobTitle).HasMaxLength(ReferrerContact.JobTitleMaxLength);
            referrer.Property(c => c.OrganisationName).HasMaxLength(Organisation.NameMaxLength);
            referrer.Property(c => c.Email).HasMaxLength(ReferrerContact.EmailMaxLength);
            referrer.Property(c => c.Phone).HasMaxLength(ReferrerContact.PhoneMaxLength);
        });

        builder.HasMany(r => r.Children).WithOne().HasForeignKey(c => c.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Adults).WithOne().HasForeignKey(a => a.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.QualityFlags).WithOne().HasForeignKey(f => f.ReferralId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReferralChildConfiguration : IEntityTypeConfiguration<ReferralChild>
{
    public void Configure(EntityTypeBuilder<ReferralChild> builder)
    {
        builder.ToTable("ReferralChildren");
        builder.Property(c => c.GivenName).HasMaxLength(ReferralChild.NameMaxLength);
        builder.Property(c => c.FamilyName).HasMaxLength(ReferralChild.NameMaxLength);
        builder.Property(c => c.Gender).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.AddressLine1).HasMaxLength(ReferralChild.AddressLineMaxLength);
        builder.Property(c => c.AddressLine2).HasMaxLength(ReferralChild.AddressLineMaxLength);
        builder.Property(c => c.Town).HasMaxLength(ReferralChild.AddressLineMaxLength);
        builder.Property(c => c.Postcode).HasMaxLength(ReferralChild.PostcodeMaxLength);
        builder.Property(c => c.Uprn).HasMaxLength(ReferralChild.UprnMaxLength);
        builder.Property(c => c.SchoolOrSetting).HasMaxLength(ReferralChild.SchoolMaxLength);
        builder.Property(c => c.HowConcernsAffectChild).HasMaxLength(ReferralConcerns.LongAnswerMaxLength);
        builder.Property(c => c.ChildsVoice).HasMaxLength(ReferralConcerns.LongAnswerMaxLength);
        builder.Property(c => c.SiblingsExperiences).HasMaxLength(ReferralConcerns.LongAnswerMaxLength);
        builder.Property(c => c.IndicatorCodes).HasColumnType("text[]");
        builder.Property(c => c.NhsNumber).HasMaxLength(NhsNumber.Length);
        builder.Property(c => c.Upn).HasMaxLength(Upn.Length);
        builder.Property(c => c.Sex).HasMaxLength(CensusCodes.SexMaxLength);
        builder.Property(c => c.Ethnicity).HasMaxLength(CensusCodes.EthnicityMaxLength);
        builder.Property(c => c.Disabilities).HasColumnType("text[]").HasDefaultValueSql("'{}'");
        builder.Property(c => c.FirstLanguage).HasMaxLength(ReferralChild.LanguageMaxLength);
        builder.HasIndex(c => new { c.FamilyName, c.DateOfBirth });
    }
}

public sealed class SignificantAdultConfiguration : IEntityTypeConfiguration<SignificantAdult>
{
    public void Configure(EntityTypeBuilder<SignificantAdult> builder)
    {
        builder.ToTable("ReferralAdults");
        builder.Property(a => a.GivenName).HasMaxLength(SignificantAdult.NameMaxLength);
        builder.Property(a => a.FamilyName).HasMaxLength(SignificantAdult.NameMaxLength);
        builder.Property(a => a.Relationship).HasMaxLength(SignificantAdult.RelationshipMaxLength);
    }
}

public sealed class ReferralAttachmentConfiguration : IEntityTypeConfiguration<ReferralAttachment>
{
    public void Configure(EntityTypeBuilder<ReferralAttachment> builder)
    {
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(50);
        builder.Property(a => a.Description).HasMaxLength(ReferralAttachment.DescriptionMaxLength);
        builder.Property(a => a.FileName).HasMaxLength(ReferralAttachment.FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.HasOne<AttachmentContent>().WithOne().HasForeignKey<AttachmentContent>(c => c.AttachmentId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> builder)
    {
        builder.ToTable("ReferralAttachmentContents");
        builder.HasKey(c => c.AttachmentId);
        builder.Property(c => c.Bytes).HasColumnType("bytea");
    }
}

public sealed class ReferralQualityFlagConfiguration : IEntityTypeConfiguration<ReferralQualityFlag>
{
    public void Configure(EntityTypeBuilder<ReferralQualityFlag> builder)
    {
        builder.ToTable("ReferralQualityFlags");
        builder.Property(f => f.Id).UseIdentityAlwaysColumn();
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(50);
        builder.Property(f => f.Field).HasConversion<string>().HasMaxLength(50);
        builder.Property(f => f.Term).HasMaxLength(ReferralQualityFlag.TermMaxLength);
        builder.HasIndex(f => f.Kind);
    }
}
