using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Domain.InformationRequests;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>
/// One day's cases from one referring organisation (none: contacts the MASH recorded), as the insights measures count
/// them: element i of each array is measure i's numerator or denominator (<see cref="InsightsSummary.Measures"/>), for the
/// summary's signature (docs/decisions/0134). Counts only: no case, child or person is named.
/// </summary>
public sealed class InsightsDay
{
    public long Id { get; init; }
    public DateOnly Day { get; init; }
    public Guid? OrganisationId { get; init; }
    public long[] Numerators { get; init; } = [];
    public long[] Denominators { get; init; } = [];
}

/// <summary>One day's answered information requests to one agency, for cases from one referring organisation.</summary>
public sealed class InsightsDayAgency
{
    public long Id { get; init; }
    public DateOnly Day { get; init; }
    public Guid? OrganisationId { get; init; }
    public string AgencyName { get; init; } = "";
    public long Answered { get; init; }
    public long AnsweredOnTime { get; init; }
}

/// <summary>One day's portal referrals from one organisation that carry a kind of quality flag.</summary>
public sealed class InsightsDayQualityFlag
{
    public long Id { get; init; }
    public DateOnly Day { get; init; }
    public Guid? OrganisationId { get; init; }
    public string Kind { get; init; } = "";
    public long Referrals { get; init; }
}

/// <summary>
/// A day whose counts a change has made stale: written by triggers in the same transaction as the change, read and
/// removed by <see cref="InsightsSummary.RefreshAsync"/>. The receipt time, not the day, as the day depends on the
/// configured time zone.
/// </summary>
public sealed class InsightsStaleDay
{
    public long Id { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public Guid? OrganisationId { get; init; }
}

/// <summary>The summary's one row: the signature of the definitions its counts were made with, and when.</summary>
public sealed class InsightsSummaryState
{
    public const int TheRow = 1;

    public int Id { get; init; } = TheRow;
    public string Signature { get; set; } = "";
    public DateTimeOffset BuiltAt { get; set; }
}

public sealed class InsightsSummaryConfiguration :
    IEntityTypeConfiguration<InsightsDay>, IEntityTypeConfiguration<InsightsDayAgency>, IEntityTypeConfiguration<InsightsDayQualityFlag>,
    IEntityTypeConfiguration<InsightsStaleDay>, IEntityTypeConfiguration<InsightsSummaryState>
{
    public void Configure(EntityTypeBuilder<InsightsDay> builder)
    {
        builder.ToTable("InsightsDays");
        builder.Property(d => d.Id).UseIdentityAlwaysColumn();
        builder.HasIndex(d => new { d.Day, d.OrganisationId }).IsUnique().AreNullsDistinct(false);
        builder.HasIndex(d => new { d.OrganisationId, d.Day });
    }

    public void Configure(EntityTypeBuilder<InsightsDayAgency> builder)
    {
        builder.ToTable("InsightsDayAgencies");
        builder.Property(d => d.Id).UseIdentityAlwaysColumn();
        builder.Property(d => d.AgencyName).HasMaxLength(PartnerAgency.NameMaxLength);
        builder.HasIndex(d => new { d.Day, d.OrganisationId });
    }

    public void Configure(EntityTypeBuilder<InsightsDayQualityFlag> builder)
    {
        builder.ToTable("InsightsDayQualityFlags");
        builder.Property(d => d.Id).UseIdentityAlwaysColumn();
        builder.Property(d => d.Kind).HasMaxLength(50);
        builder.HasIndex(d => new { d.Day, d.OrganisationId });
    }

    public void Configure(EntityTypeBuilder<InsightsStaleDay> builder)
    {
        builder.ToTable("InsightsStaleDays");
        builder.Property(d => d.Id).UseIdentityAlwaysColumn();
    }

    public void Configure(EntityTypeBuilder<InsightsSummaryState> builder)
    {
        builder.ToTable("InsightsSummaryStates");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Signature).HasMaxLength(64);
        builder.ToTable(t => t.HasCheckConstraint("CK_InsightsSummaryStates_One", $"\"Id\" = {InsightsSummaryState.TheRow}"));
    }
}
