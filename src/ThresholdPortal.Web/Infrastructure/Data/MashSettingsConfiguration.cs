using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Web.Infrastructure.Data;

public sealed class MashSettingsConfiguration : IEntityTypeConfiguration<MashSettingsVersion>
{
    public void Configure(EntityTypeBuilder<MashSettingsVersion> builder)
    {
        builder.ToTable("MashSettingsVersions");
        builder.HasKey(v => v.Version);
        builder.Property(v => v.Version).ValueGeneratedNever();
        builder.Property(v => v.CreatedBy).HasMaxLength(MashSettingsVersion.CreatedByMaxLength);
        builder.Property(v => v.Reason).HasMaxLength(MashSettingsVersion.ReasonMaxLength);
        builder.Property(v => v.Changes).HasMaxLength(MashSettingsVersion.ChangesMaxLength);
        builder.OwnsMany(v => v.BankHolidays, holiday =>
        {
            holiday.ToJson();
            holiday.Property(h => h.Description).HasMaxLength(BankHoliday.DescriptionMaxLength);
        });
        builder.OwnsOne(v => v.Contacts, contacts => contacts.ToJson());
        builder.OwnsOne(v => v.Retention, retention => retention.ToJson());
    }
}
