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

    /// <summary>
    /// Version 2 adds pre-birth, disability, outside-the-home, online and radicalisation indicators, the kinds the age
    /// rules read and the services some needs are routed to (docs/decisions/0112).
    /// </summary>
    public const string ThresholdDocumentV2Resource = "ReferenceData/northshire-threshold-document-v2.json";
    public const string EarlyHelpServicesResource = "ReferenceData/early-help-services.json";

    public async Task EnsureAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.ThresholdDocuments.AnyAsync(cancellationToken))
        {
            db.ThresholdDocuments.Add(ThresholdDocumentFile.Parse(Read(ThresholdDocumentResource), clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        await EnsureVersionAsync(db, Read(ThresholdDocumentV2Resource), clock, cancellationToken);

        if (!await db.EarlyHelpServices.AnyAsync(cancellationToken))
        {
            var services = JsonSerializer.Deserialize<List<EarlyHelpService>>(Read(EarlyHelpServicesResource),
                new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new InvalidDataException("The early help directory file is empty.");
            db.EarlyHelpServices.AddRange(services);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Publishes a shipped version once, retiring the one before, unless the database already holds that version
    /// (or a later one, or a draft of it) of the same document: an administrator's own versions are never replaced.
    /// </summary>
    private static async Task EnsureVersionAsync(PortalDbContext db, string json, TimeProvider clock, CancellationToken cancellationToken)
    {
        var shipped = ThresholdDocumentFile.Parse(json, clock.GetUtcNow());
        if (await db.ThresholdDocuments.AnyAsync(d => d.Key == shipped.Key && d.Version >= shipped.Version, cancellationToken))
        {
            return;
        }

        // Split: its levels, sub-domains and indicators are owned and always read, and as one query they would multiply.
        var current = await db.ThresholdDocuments.AsSplitQuery().SingleOrDefaultAsync(
            d => d.Key == shipped.Key && d.Status == ThresholdDocumentStatus.Published, cancellationToken);
        shipped.Status = ThresholdDocumentStatus.Draft;
        ThresholdDocumentPublication.Publish(shipped, current, shipped.PublishedOn);
        db.ThresholdDocuments.Add(shipped);
    }

    public static string Read(string resource)
    {
        using var stream = typeof(DefaultReferenceData).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded file {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
