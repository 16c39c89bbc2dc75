namespace ThresholdPortal.Domain.Thresholds;

/// <summary>
/// A referrer's answer to one indicator the lexicon suggested for one child: ticked or turned down. Kept so administrators
/// can see which phrases suggest well and which mislead (docs/decisions/0121); it holds codes, never the referrer's words.
/// </summary>
public class IndicatorSuggestionResponse
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ReferralId { get; init; }
    public Guid ChildId { get; init; }

    /// <summary>The document version whose lexicon made the suggestion.</summary>
    public Guid ThresholdDocumentId { get; init; }

    public required string IndicatorCode { get; init; }
    public bool Accepted { get; init; }
    public DateTimeOffset RespondedAt { get; init; }
}
