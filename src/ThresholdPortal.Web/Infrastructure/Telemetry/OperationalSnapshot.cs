namespace ThresholdPortal.Web.Infrastructure.Telemetry;

/// <summary>The counts the gauges report, as read at <see cref="TakenAt"/>.</summary>
public sealed record OperationalSnapshot(
    DateTimeOffset TakenAt,
    IReadOnlyDictionary<string, long> OpenCasesByStatus,
    long OverdueCases,
    long OutboxBacklog,
    long OutboxGivenUp,
    long OverdueRequests);
