using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Domain.Decisions;

/// <summary>How feedback reached the referrer. Stored by name, so never rename a value.</summary>
public enum FeedbackMethod
{
    /// <summary>Read in the portal at /referrals/{reference}; the referrer is told by e-mail that it is ready.</summary>
    Portal,

    /// <summary>A contact recorded by phone, or a referrer without an account: given by phone.</summary>
    Phone,

    Letter,
}

/// <summary>The sender's check for third-party information before feedback is sent.</summary>
public enum ThirdPartyCheck
{
    NotConfirmed,

    /// <summary>The sender confirmed it holds nothing from other agencies, or about the family, that the referrer may not know.</summary>
    NoneFound,
}

/// <summary>Where the feedback is, from the referrer's side. Stored by name, so never rename a value.</summary>
public enum FeedbackState
{
    Draft,
    Sent,
    Acknowledged,
    Disagreed,
}

/// <summary>
/// The outcome and its reasons, told to the referrer after a decision is approved (Working Together:
/// feedback with reasons, and other sources of support where the threshold is not met). Drafted by the
/// portal from the decision (<see cref="FeedbackDraft"/>), edited by the practitioner, then sent once.
/// </summary>
public class ReferrerFeedback
{
    public const int OutcomeMaxLength = 1000;
    public const int ReasonsMaxLength = 4000;
    public const int LevelExplanationMaxLength = 2000;
    public const int OtherSupportMaxLength = 4000;
    public const int ContactNameMaxLength = 200;
    public const int ContactDetailsMaxLength = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CaseId { get; init; }
    public Guid ReferralId { get; init; }
    public Guid DecisionId { get; init; }

    public required string OutcomeSummary { get; set; }
    public required string Reasons { get; set; }

    /// <summary>The MASH's level beside the referrer's, and why they differ.</summary>
    public required string LevelExplanation { get; set; }

    /// <summary>Other support from the early help directory, where the statutory threshold is not met.</summary>
    public string? OtherSupport { get; set; }

    /// <summary>The named contact the referrer can speak to.</summary>
    public required string ContactName { get; set; }

    public required string ContactDetails { get; set; }

    public FeedbackMethod Method { get; private set; } = FeedbackMethod.Portal;
    public FeedbackState State { get; private set; } = FeedbackState.Draft;
    public DateTimeOffset DraftedAt { get; init; }
    public Guid? SentByUserId { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }

    /// <summary>PostgreSQL's xmin, so two people cannot send or answer the same feedback at once.</summary>
    public uint Version { get; private set; }

    public bool IsSent => State != FeedbackState.Draft;

    /// <summary>
    /// Sends the feedback once. The sender must have checked that it holds no third-party information (what partner
    /// agencies shared, or what the family told the MASH, that the referrer may not know): without that, nothing is sent.
    /// </summary>
    public void Send(FeedbackMethod method, ThirdPartyCheck check, Guid byUserId, DateTimeOffset at)
    {
        if (IsSent)
        {
            throw new CaseRuleException("This feedback has already been sent.");
        }

        if (check != ThirdPartyCheck.NoneFound)
        {
            throw new CaseRuleException("Confirm the feedback holds no information from other agencies or about the family that the " +
                "referrer may not know.");
        }

        Method = method;
        State = method == FeedbackMethod.Portal ? FeedbackState.Sent : FeedbackState.Acknowledged;
        SentByUserId = byUserId;
        SentAt = at;
        RespondedAt = method == FeedbackMethod.Portal ? null : at;
    }

    /// <summary>The referrer has read the feedback and accepts it.</summary>
    public void Acknowledge(DateTimeOffset at)
    {
        EnsureAwaitingReferrer();
        State = FeedbackState.Acknowledged;
        RespondedAt = at;
    }

    /// <summary>The referrer disagrees: the caller starts an <see cref="Escalation"/> with their reasons.</summary>
    public void Disagree(DateTimeOffset at)
    {
        EnsureAwaitingReferrer();
        State = FeedbackState.Disagreed;
        RespondedAt = at;
    }

    private void EnsureAwaitingReferrer()
    {
        if (State != FeedbackState.Sent)
        {
            throw new CaseRuleException(State == FeedbackState.Draft
                ? "The feedback has not been sent yet."
                : "You have already responded to this feedback.");
        }
    }
}
