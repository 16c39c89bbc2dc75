using ThresholdPortal.Domain.Referrals.Quality;

namespace ThresholdPortal.Domain.Referrals;

/// <summary>A quality check still flagged when the referral was sent; insights count these by kind.</summary>
public class ReferralQualityFlag
{
    public const int TermMaxLength = 50;

    public long Id { get; init; }
    public Guid ReferralId { get; init; }
    public QualityFlagKind Kind { get; init; }
    public AnswerField Field { get; init; }
    public Guid? ChildId { get; init; }

    /// <summary>The unexplained term or the differently spelled word, where the flag is about one.</summary>
    public string? Term { get; init; }
}
