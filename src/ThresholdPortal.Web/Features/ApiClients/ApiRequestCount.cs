using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ThresholdPortal.Web.Features.ApiClients;

/// <summary>
/// A client's requests in one minute, counted in PostgreSQL so that every instance of the portal shares one limit
/// (docs/decisions/0128). Rows older than an hour are removed as new minutes begin.
/// </summary>
public sealed class ApiRequestCount
{
    public Guid ApiClientId { get; init; }
    public DateTimeOffset WindowStart { get; init; }
    public int Count { get; init; }
}

public sealed class ApiRequestCountConfiguration : IEntityTypeConfiguration<ApiRequestCount>
{
    public void Configure(EntityTypeBuilder<ApiRequestCount> builder)
    {
        builder.ToTable("ApiRequestCounts");
        builder.HasKey(c => new { c.ApiClientId, c.WindowStart });
        builder.HasOne<ApiClient>().WithMany().HasForeignKey(c => c.ApiClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
