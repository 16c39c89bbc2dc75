using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ThresholdPortal.Web.Features.ApiClients;

/// <summary>
/// One thing the council's case-management system needs to know about one child (issue 21, item 3): an approved decision
/// (closed, stepped down or handed over) or an escalation's result. Written in the transaction of the change itself, so
/// the feed and the webhooks miss none; read in the order of the transactions that wrote them (docs/decisions/0130).
/// </summary>
public sealed class ApiEvent
{
    public const int TypeMaxLength = 40;

    /// <summary>The order of writing within a transaction; with <see cref="TransactionId"/>, the feed's cursor.</summary>
    public long Sequence { get; init; }

    /// <summary>The event's id: a receiver's idempotency key, the same in the feed and in every webhook delivery.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>
    /// The writing transaction's id (PostgreSQL's <c>pg_current_xact_id()</c>, set by the database). The feed returns only
    /// events of transactions older than every one still running, so a slow approval cannot commit behind a reader's cursor.
    /// </summary>
    public ulong TransactionId { get; init; }

    public required string Type { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public Guid CaseId { get; init; }
    public Guid ReferralChildId { get; init; }

    /// <summary>The event as the feed and the webhook give it (docs/api.md), kept as written: later changes make new events.</summary>
    public required string Payload { get; init; }
}

public sealed class ApiEventConfiguration : IEntityTypeConfiguration<ApiEvent>
{
    public void Configure(EntityTypeBuilder<ApiEvent> builder)
    {
        builder.ToTable("ApiEvents");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).UseIdentityAlwaysColumn();
        builder.HasAlternateKey(e => e.Id);
        builder.Property(e => e.TransactionId).HasColumnType("xid8").HasDefaultValueSql("pg_current_xact_id()").ValueGeneratedOnAdd();
        builder.Property(e => e.Type).HasMaxLength(ApiEvent.TypeMaxLength);
        // Text, not jsonb: kept byte for byte as written, which is what a webhook's signature covers.
        builder.Property(e => e.Payload).HasColumnType("text");
        builder.HasIndex(e => new { e.TransactionId, e.Sequence });
        builder.HasIndex(e => e.CaseId);
    }
}
