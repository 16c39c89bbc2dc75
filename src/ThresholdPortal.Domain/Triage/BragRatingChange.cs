namespace ThresholdPortal.Domain.Triage;

/// <summary>One rating given to a case, with why: the history is never rewritten, only added to.</summary>
public class BragRatingChange
{
    public const int ReasonMaxLength = 2000;

    public long Id { get; init; }
    public Guid CaseId { get; init; }
    public BragRating Rating { get; init; }

    /// <summary>The rating this one replaced; null for the first rating.</summary>
    public BragRating? PreviousRating { get; init; }

    public required string Reason { get; init; }
    public Guid RatedByUserId { get; init; }
    public DateTimeOffset RatedAt { get; init; }
}
