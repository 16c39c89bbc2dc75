using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ThresholdPortal.Web.Infrastructure.Email;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Recipient).HasMaxLength(OutboxMessage.RecipientMaxLength);
        builder.Property(m => m.Template).HasMaxLength(OutboxMessage.TemplateMaxLength);
        builder.Property(m => m.Link).HasMaxLength(OutboxMessage.LinkMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorMaxLength);
        builder.Property(m => m.DeliveryStatus).HasConversion<string>().HasMaxLength(50);
        // The dispatcher's claim query reads only unsent messages in due order: keep that index small.
        builder.HasIndex(m => m.NextAttemptAt)
            .HasDatabaseName("IX_OutboxMessages_Due")
            .HasFilter("\"SentAt\" IS NULL AND \"GaveUpAt\" IS NULL");
    }
}
