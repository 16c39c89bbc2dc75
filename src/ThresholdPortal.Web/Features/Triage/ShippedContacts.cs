using System.Text.Json;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Web.Features.Triage;

/// <summary>
/// The contacts a fresh install starts with, shipped in ReferenceData/service-contacts.json: a council edits them at
/// /admin/configuration/mash-settings, and pages read only the settings version in force (docs/decisions/0095).
/// </summary>
public static class ShippedContacts
{
    private const string Resource = "ReferenceData/service-contacts.json";
    private static readonly Lazy<ServiceContacts> Loaded = new(Load);

    public static ServiceContacts Value => Loaded.Value;

    private static ServiceContacts Load()
    {
        using var stream = typeof(ShippedContacts).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded file {Resource} is missing from the build.");
        return JsonSerializer.Deserialize<ServiceContacts>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("The contacts file is empty.");
    }
}
