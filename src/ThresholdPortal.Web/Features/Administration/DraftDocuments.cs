using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>Loading a threshold document version to change it: only a draft may change (docs/decisions/0050).</summary>
public static class DraftDocuments
{
    public const string NotADraft =
        "This version has been published, so it cannot be changed. Create a new version from the current one and change that";

    /// <summary>
    /// The draft, tracked for editing, or null when there is no such version (the page answers 404); refuses a published or
    /// retired version with a clear error.
    /// </summary>
    public static async Task<ThresholdDocument?> DraftForEditAsync(this PortalDbContext db, Guid id, object request, string property,
        CancellationToken cancellationToken)
    {
        var document = await db.ThresholdDocuments.AsSplitQuery().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is not null && document.Status != ThresholdDocumentStatus.Draft)
        {
            throw new RequestValidationException(request, [new ValidationFailure(property, NotADraft)]);
        }

        return document;
    }

    public static string DisplayName(this ThresholdDocumentStatus status) => status switch
    {
        ThresholdDocumentStatus.Draft => "Draft",
        ThresholdDocumentStatus.Published => "Published",
        ThresholdDocumentStatus.Retired => "Retired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Colour(this ThresholdDocumentStatus status) => status switch
    {
        ThresholdDocumentStatus.Draft => "yellow",
        ThresholdDocumentStatus.Published => "green",
        _ => "grey",
    };
}
