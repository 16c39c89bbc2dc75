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

    /// <summary>The referrer's level: "1" to "4", or "none" for contacts where no level was given.</summary>
    string? Level { get; }

    /// <summary>Part of a child's name, matched by trigram word similarity (docs/decisions/0093).</summary>
    string? Child { get; }

    DateOnly? Born { get; }
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
