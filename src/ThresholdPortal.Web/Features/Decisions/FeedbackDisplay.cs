using ThresholdPortal.Domain.Decisions;

namespace ThresholdPortal.Web.Features.Decisions;

/// <summary>Words the feedback and escalation pages share for values stored as codes.</summary>
public static class FeedbackDisplay
{
    public static string Method(FeedbackMethod method) => method switch
    {
        FeedbackMethod.Portal => "In the portal",
        FeedbackMethod.Phone => "By phone",
        FeedbackMethod.Letter => "By letter",
        _ => method.ToString(),
    };

    /// <summary>How it was sent, within a sentence: "Sent in the portal on 18 November 2026".</summary>
    public static string SentBy(FeedbackMethod method) => method switch
    {
        FeedbackMethod.Portal => "in the portal",
        FeedbackMethod.Phone => "by phone",
        FeedbackMethod.Letter => "by letter",
        _ => method.ToString(),
    };

    public static string State(FeedbackState state) => state switch
    {
        FeedbackState.Draft => "Draft: not sent",
        FeedbackState.Sent => "Sent: waiting for the referrer",
        FeedbackState.Acknowledged => "Acknowledged",
        FeedbackState.Disagreed => "Referrer disagreed",
        _ => state.ToString(),
    };

    public static string StateColour(FeedbackState state) => state switch
    {
        FeedbackState.Draft => "yellow",
        FeedbackState.Sent => "blue",
        FeedbackState.Acknowledged => "green",
        FeedbackState.Disagreed => "orange",
        _ => "grey",
    };

    public static string Result(EscalationResult result) => result switch
    {
        EscalationResult.Upheld => "Decision upheld",
        EscalationResult.Changed => "Decision changed",
        _ => result.ToString(),
    };
}
