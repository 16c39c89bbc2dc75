namespace ThresholdPortal.Domain.Triage;

/// <summary>A case's decision deadline before and after the MASH's settings changed; null for "no deadline" (Blue).</summary>
public sealed record DeadlineChange(DateTimeOffset? Was, DateTimeOffset? Now);
