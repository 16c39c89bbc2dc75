using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Seeding;

namespace ThresholdPortal.Web.Features.Intake.ReferenceData;

/// <summary>
/// The threshold document and early help directory shipped with the portal as JSON files (embedded in the
/// assembly). A database with no threshold document gets the default one; later versions are new rows,
/// never edits (docs/decisions/0012).
/// </summary>
public sealed class DefaultReferenceData : IReferenceDataContributor
{
    public const string ThresholdDocumentResource = "ReferenceData/northshire-threshold-document-v1.json";
    public const string EarlyHelpServicesResource = "ReferenceData/early-help-services.json";

    public async Task EnsureAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.ThresholdDocuments.AnyAsync(cancellationToken))
        {
            db.ThresholdDocuments.Add(ThresholdDocumentFile.Parse(Read(ThresholdDocumentResource), clock.GetUtcNow()));
        }

        if (!await db.EarlyHelpServices.AnyAsync(cancellationToken))
        {
            var services = JsonSerializer.Deserialize<List<EarlyHelpService>>(Read(EarlyHelpServicesResource),
                new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new InvalidDataException("The early help directory file is empty.");
            db.EarlyHelpServices.AddRange(services);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static string Read(string resource)
    {
        using var stream = typeof(DefaultReferenceData).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded file {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
