using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Web.Features.Triage;

/// <summary>
/// What the queue page asks for: its filters, order and cursor. An interface so the shared queue queries (and
/// their plan tests) take the page's query without the feature depending on the page.
/// </summary>
public interface IQueueFilter
{
    MashCaseStatus? Status { get; }
    string? Brag { get; }
    string? Assigned { get; }
    QueueFlag? Flag { get; }
    string? From { get; }
    QueueOrder Order { get; }
    string? After { get; }
    string? Before { get; }
}

/// <summary>The flags the queue can be filtered by; "open involvement" covers early help and social care.</summary>
public enum QueueFlag
{
    ReReferral,
    OpenInvolvement,
    Fgm,
    Exploitation,
    DomesticAbuse,
    ImmediateDanger,
}
