using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Web.Features.Decisions;

/// <summary>
/// Where a sent MASH referral stands, in the referrer's words (the "My referrals" list). Worked out from
/// the case and the feedback, never stored: the referrer is told a decision is made only once the
/// feedback is sent to them, not when the manager approves it (docs/decisions/0067).
/// </summary>
public static class ReferrerProgress
{
    public const string Received = "Received";
    public const string BeingConsidered = "Being considered by the MASH";
    public const string ClosedAtContact = "Closed by the MASH: advice given";
    public const string FeedbackReady = "Decision made: feedback ready";
    public const string Disagreed = "You disagreed: waiting for a manager";
    public const string EscalationAnswered = "Escalation answered";

    public static string Of(MashCaseStatus? caseStatus, ContactOutcome? contactOutcome, FeedbackState? sentFeedback,
        bool escalationAnswered) =>
        sentFeedback switch
        {
            FeedbackState.Disagreed => escalationAnswered ? EscalationAnswered : Disagreed,
            FeedbackState.Sent or FeedbackState.Acknowledged => FeedbackReady,
            _ => caseStatus switch
            {
                null or MashCaseStatus.New => Received,
                MashCaseStatus.Decided when contactOutcome == ContactOutcome.ClosedAtContact => ClosedAtContact,
                _ => BeingConsidered,
            },
        };

    /// <summary>The tag colour beside the words (the words carry the meaning; colour only echoes it).</summary>
    public static string Colour(string progress) => progress switch
    {
        FeedbackReady or EscalationAnswered => "green",
        Disagreed => "orange",
        ClosedAtContact => "grey",
        _ => "blue",
    };
}
