namespace ThresholdPortal.Web.Infrastructure.Auditing;

/// <summary>
/// One line of the append-only audit trail: who did what to which record, and when. PostgreSQL itself
/// refuses UPDATE and DELETE on the table (see the AuditTrail migration), so history cannot be rewritten.
/// </summary>
public sealed class AuditEvent
{
    public const int ActionMaxLength = 100;
    public const int SubjectTypeMaxLength = 100;
    public const int SubjectIdMaxLength = 100;
    public const int DetailMaxLength = 2000;

    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>Null for something the system did itself (a background job, a seed).</summary>
    public Guid? UserId { get; init; }

    /// <summary>What happened, as a stable code such as "case.viewed" or "user.deactivated".</summary>
    public required string Action { get; init; }

    /// <summary>The kind of record acted on, such as "Referral" or "PortalUser".</summary>
    public required string SubjectType { get; init; }

    public required string SubjectId { get; init; }

    /// <summary>
    /// A short, human-readable note (a reason, a changed field's name). Never a child's personal data:
    /// the subject id points at the record for that.
    /// </summary>
    public string? Detail { get; init; }
}
