using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Domain.Decisions;

/// <summary>How a manager resolved a professional difference. Stored by name, so never rename a value.</summary>
public enum EscalationResult
{
    /// <summary>The decision stands; the reasons are explained.</summary>
    Upheld,

    /// <summary>The decision is changed; the response says to what.</summary>
    Changed,
}

/// <summary>
/// A referrer's disagreement with a decision (resolving professional differences). It goes to the MASH
/// managers' list with its own due time; the manager's answer is fed back to the referrer the same way as
/// the feedback was.
/// </summary>
public class Escalation
{
    public const int ReasonsMaxLength = 2000;
    public const int ResponseMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CaseId { get; init; }
    public Guid FeedbackId { get; init; }
    public Guid RaisedByUserId { get; init; }
    public DateTimeOffset RaisedAt { get; init; }
    public required string Reasons { get; init; }
    public DateTimeOffset DueAt { get; init; }

    public EscalationResult? Result { get; private set; }
    public string? Response { get; private set; }
    public Guid? AnsweredByUserId { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>PostgreSQL's xmin, so two managers cannot answer at once.</summary>
    public uint Version { get; private set; }

    public bool IsOpen => AnsweredAt is null;

    public static Escalation Raise(ReferrerFeedback feedback, string reasons, Guid byUserId, DateTimeOffset at, DateTimeOffset dueAt)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (string.IsNullOrWhiteSpace(reasons))
        {
            throw new CaseRuleException("Say why you disagree with the decision.");
        }

        feedback.Disagree(at);
        return new Escalation
        {
            CaseId = feedback.CaseId,
            FeedbackId = feedback.Id,
            RaisedByUserId = byUserId,
            RaisedAt = at,
            Reasons = reasons.Trim(),
            DueAt = dueAt,
        };
    }

    public void Answer(EscalationResult result, string response, Guid managerId, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            throw new CaseRuleException("This escalation has already been answered.");
        }

        if (string.IsNullOrWhiteSpace(response))
        {
            throw new CaseRuleException("Give the reasons for your answer.");
        }

        Result = result;
        Response = response.Trim();
        AnsweredByUserId = managerId;
        AnsweredAt = at;
    }
}
