using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Infrastructure.Data;

/// <summary>
/// The MASH case and the indexes its queue pages by (docs/decisions/0031). Two columns exist only for the
/// queue's order and are computed by PostgreSQL itself, so they can never disagree with the case:
/// <see cref="QueueDueAt"/> (the deadline, with "no deadline" sorting last) and <see cref="UrgencyRank"/>
/// (Red first, unrated between Amber and Green, Blue last).
/// </summary>
public sealed class MashCaseConfiguration : IEntityTypeConfiguration<MashCase>
{
    public const string QueueDueAt = nameof(QueueDueAt);
    public const string UrgencyRank = nameof(UrgencyRank);

    /// <summary>Where cases without a deadline (Blue) sort: after every real deadline.</summary>
    public static readonly DateTimeOffset NoDeadline = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private const string OpenCases = "\"Status\" <> 'Decided'";

    public void Configure(EntityTypeBuilder<MashCase> builder)
    {
        builder.Property(c => c.Reference).HasMaxLength(ReferralReference.MaxLength);
        builder.Property(c => c.SourceCode).HasMaxLength(Referral.SourceCodeMaxLength);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Rating).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.ContactOutcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.ClosureReason).HasConversion<string>().HasMaxLength(50);
        builder.Property(c => c.ClosureNotes).HasMaxLength(MashCase.ClosureNotesMaxLength);
        builder.Property(c => c.AdviceGiven).HasMaxLength(MashCase.AdviceMaxLength);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.DecidedLevel).HasConversion<int>();
        builder.Property(c => c.Version).IsRowVersion();
        builder.Ignore(c => c.IsOpen);
        builder.Ignore(c => c.AwaitsUrgentRating);

        // A case urgent at intake and not yet rated sorts before every other (docs/decisions/0089): a fixed earliest
        // key, then its Red deadline's order by receipt. The flag's bit is CaseFlags.UrgentAtIntake.
        builder.Property<DateTimeOffset>(QueueDueAt)
            .HasComputedColumnSql(
                $"CASE WHEN \"Rating\" IS NULL AND (\"Flags\" & {(int)CaseFlags.UrgentAtIntake}) <> 0 " +
                    "THEN '0001-01-01 00:00:00+00'::timestamptz " +
                    "ELSE COALESCE(\"DecisionDueAt\", '9999-12-31 00:00:00+00'::timestamptz) END",
                stored: true);
        builder.Property<int>(UrgencyRank)
            .HasComputedColumnSql("CASE \"Rating\" WHEN 'Red' THEN 1 WHEN 'Amber' THEN 2 WHEN 'Green' THEN 4 WHEN 'Blue' THEN 5 ELSE 3 END",
                stored: true);

        builder.HasIndex(c => c.ReferralId).IsUnique();
        builder.HasIndex(c => c.Reference).IsUnique();

        // The queue's default order, most urgent first, over open cases only: a few thousand rows even
        // when millions of closed cases are stored. Each carries the filtered columns, so filters and
        // counts are answered from the index alone (index-only scans) and the page's rows are then
        // fetched by id.
        string[] filtered = [nameof(MashCase.Status), nameof(MashCase.Rating), nameof(MashCase.Flags), nameof(MashCase.AssignedToUserId),
            nameof(MashCase.ReferringOrganisationId)];
        builder.HasIndex(QueueDueAt, UrgencyRank, nameof(MashCase.ReceivedAt), nameof(MashCase.Id))
            .HasDatabaseName("IX_MashCases_Queue").HasFilter(OpenCases).IncludeProperties(filtered);
        builder.HasIndex(nameof(MashCase.Status), QueueDueAt, UrgencyRank, nameof(MashCase.ReceivedAt), nameof(MashCase.Id))
            .HasDatabaseName("IX_MashCases_Queue_ByStatus").HasFilter(OpenCases).IncludeProperties([.. filtered.Skip(1)]);
        builder.HasIndex(nameof(MashCase.AssignedToUserId), QueueDueAt, UrgencyRank, nameof(MashCase.ReceivedAt), nameof(MashCase.Id))
            .HasDatabaseName("IX_MashCases_Queue_ByAssignee").HasFilter(OpenCases)
                .IncludeProperties([.. filtered.Where(f => f != nameof(MashCase.AssignedToUserId))]);
        builder.HasIndex(nameof(MashCase.ReceivedAt), nameof(MashCase.Id))
            .HasDatabaseName("IX_MashCases_Newest").HasFilter(OpenCases).IncludeProperties(filtered);
        builder.HasIndex(nameof(MashCase.ClosedAt), nameof(MashCase.Id))
            .HasDatabaseName("IX_MashCases_Decided").HasFilter("\"Status\" = 'Decided'").IncludeProperties([.. filtered.Skip(1)]);

        // The insights measures and exports (docs/decisions/0070) read every case received in a period,
        // open or closed: a range scan on the receipt time instead of a scan of the whole table.
        builder.HasIndex(c => c.ReceivedAt).HasDatabaseName("IX_MashCases_ReceivedAt");

        builder.HasOne<Referral>().WithOne().HasForeignKey<MashCase>(c => c.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.ReferringOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.AssignedToUserId).OnDelete(DeleteBehavior.Restrict);
        // The approved decision's id, without a foreign key: the decision already points at its case, and a
        // key each way would stop a case and its decision being stored in one save (demo data, the benchmark).
        builder.HasIndex(c => c.DecisionId).IsUnique();
        builder.HasMany(c => c.RatingHistory).WithOne().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BragRatingChangeConfiguration : IEntityTypeConfiguration<BragRatingChange>
{
    public void Configure(EntityTypeBuilder<BragRatingChange> builder)
    {
        builder.ToTable("MashCaseRatings");
        builder.Property(r => r.Id).UseIdentityAlwaysColumn();
        builder.Property(r => r.Rating).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.PreviousRating).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Reason).HasMaxLength(BragRatingChange.ReasonMaxLength);
        builder.HasIndex(r => new { r.CaseId, r.RatedAt });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.RatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
