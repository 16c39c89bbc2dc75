namespace ThresholdPortal.Domain.Triage;

/// <summary>
/// A step the case's current state does not allow (rating a closed case, claiming one already assigned).
/// The message is written for the practitioner, who sees it when two people act on a case at once.
/// </summary>
public sealed class CaseRuleException(string message) : InvalidOperationException(message);
