using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Infrastructure.Auditing;

/// <summary>
/// Adds audit events to the current unit of work, so an event is stored in the same transaction as the
/// change it describes (or, for a view, saved at once).
/// </summary>
public interface IAuditTrail
{
    /// <summary>Adds the event; it is written with the handler's next SaveChanges.</summary>
    void Record(string action, string subjectType, string subjectId, string? detail = null);

    /// <summary>Adds the event and saves it now: for reads, which have no other save.</summary>
    Task RecordNowAsync(string action, string subjectType, string subjectId, string? detail = null,
        CancellationToken cancellationToken = default);
}

public sealed class AuditTrail(PortalDbContext db, IHttpContextAccessor http, TimeProvider clock) : IAuditTrail
{
    public void Record(string action, string subjectType, string subjectId, string? detail = null)
    {
        var user = http.HttpContext?.User;
        Guid? userId = user?.Identity?.IsAuthenticated == true
            && Guid.TryParse(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var id) ? id : null;
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow(),
            UserId = userId,
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Detail = detail is { Length: > AuditEvent.DetailMaxLength } ? detail[..AuditEvent.DetailMaxLength] : detail,
        });
    }

    public async Task RecordNowAsync(string action, string subjectType, string subjectId, string? detail = null,
        CancellationToken cancellationToken = default)
    {
        Record(action, subjectType, subjectId, detail);
        await db.SaveChangesAsync(cancellationToken);
    }
}
