using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Seeding;

namespace ThresholdPortal.Web.Features.InformationRequests;

/// <summary>
/// The agency checklist shipped with the portal (an embedded JSON file): each agency the MASH considers for
/// every case, the organisations that can answer for it and its standard questions. Agencies are added by
/// key when missing and never overwritten, so an administrator's later edits (issue 8) are kept.
/// </summary>
public sealed class InformationRequestReferenceData : IReferenceDataContributor
{
    public const string PartnerAgenciesResource = "ReferenceData/partner-agencies.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task EnsureAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.PartnerAgencies.Select(a => a.Key).ToListAsync(cancellationToken);
        db.PartnerAgencies.AddRange(Shipped().Where(a => !existing.Contains(a.Key)));
        await db.SaveChangesAsync(cancellationToken);
    }

    public static IReadOnlyList<PartnerAgency> Shipped()
    {
        using var stream = typeof(InformationRequestReferenceData).Assembly.GetManifestResourceStream(PartnerAgenciesResource)
            ?? throw new InvalidOperationException($"The embedded file {PartnerAgenciesResource} is missing from the build.");
        return JsonSerializer.Deserialize<List<PartnerAgency>>(stream, Json)
            ?? throw new InvalidDataException("The agency checklist file is empty.");
    }
}
