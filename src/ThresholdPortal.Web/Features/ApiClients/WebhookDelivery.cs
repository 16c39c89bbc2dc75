using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ThresholdPortal.Web.Features.ApiClients;

/// <summary>
/// One event to post to one client's webhook: the outbox row, written with the event, that the webhook sender works
/// through, at least once, with retries (docs/decisions/0130).
/// </summary>
public sealed class WebhookDelivery
{
    public const int MaxAttempts = 10;
    public const int LastErrorMaxLength = 300;

    public long Id { get; init; }
    public Guid ApiClientId { get; init; }
    public long EventSequence { get; init; }
    public ApiEvent Event { get; init; } = null!;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Given up after <see cref="MaxAttempts"/>: shown to administrators on the client's page.</summary>
    public DateTimeOffset? FailedAt { get; set; }

    /// <summary>The receiver's last answer ("HTTP 503", "timed out"), never its body.</summary>
    public string? LastError { get; set; }

    /// <summary>How long to wait after a failed attempt: 30 s, doubling, at most 6 hours.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, Math.Max(0, attempts - 1)), TimeSpan.FromHours(6).TotalSeconds));
}

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.LastErrorMaxLength);
        builder.HasOne<ApiClient>().WithMany().HasForeignKey(d => d.ApiClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.EventSequence).OnDelete(DeleteBehavior.Cascade);
        // The sender's queue: what is waiting, soonest first.
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("\"DeliveredAt\" IS NULL AND \"FailedAt\" IS NULL");
    }
}
