namespace ThresholdPortal.Web.Features.Triage;

/// <summary>
/// The audit actions recorded against a case (subject type <see cref="SubjectType"/>, subject id the case
/// id). The case timeline and the manager's access log are both read from the append-only audit trail
/// (docs/decisions/0033), so later features add a step to the timeline by recording an action here.
/// Details never carry a child's personal data: the timeline joins the case's own records for that.
/// </summary>
public static class CaseEvents
{
    public const string SubjectType = "MashCase";
    public const string ReferralSubjectType = "Referral";

    /// <summary>The subject of a search of the queue: the searcher's user id, since no one case was read.</summary>
    public const string QueueSubjectType = "MashQueue";

    public const string Received = "case.received";
    public const string DutyMailboxAlerted = "case.duty-mailbox.alerted";
    public const string Viewed = "case.viewed";
    public const string AttachmentDownloaded = "case.attachment.downloaded";
    public const string AccessLogViewed = "case.access-log.viewed";
    public const string Claimed = "case.claimed";
    public const string Assigned = "case.assigned";
    public const string Rated = "case.rated";
    public const string PersonLinked = "case.person.linked";
    public const string PersonCreated = "case.person.created";
    public const string PersonUnlinked = "case.person.unlinked";
    public const string ProgressedToChecks = "case.progressed-to-checks";
    public const string ClosedAtContact = "case.closed-at-contact";
    public const string DeadlineRecounted = "case.deadline.recounted";
    public const string QueueSearched = "queue.searched";

    // Decision, sign-off, feedback and escalation (issue 6).
    public const string DecisionSubmitted = "case.decision.submitted";
    public const string DecisionReturned = "case.decision.returned";
    public const string DecisionApproved = "case.decision.approved";
    public const string SteppedDownToEarlyHelp = "case.stepped-down";
    public const string HandedOver = "case.handed-over";
    public const string FeedbackSent = "case.feedback.sent";
    public const string FeedbackRead = "case.feedback.read";
    public const string FeedbackAcknowledged = "case.feedback.acknowledged";
    public const string EscalationRaised = "case.escalation.raised";
    public const string EscalationAnswered = "case.escalation.answered";
    public const string ReopenedForRevision = "case.reopened-for-revision";
    public const string StepDownWithdrawn = "case.step-down.withdrawn";
    public const string ReferrerToldOfChange = "case.referrer-told-of-change";
    public const string ReferralSubmitted = "referral.submitted";
    public const string ReferralDraftDeleted = "referral.draft.deleted";

    /// <summary>A contact the early help hub made by stepping a family up (issue 16).</summary>
    public const string ReceivedFromEarlyHelp = "case.received-from-early-help";

    /// <summary>A decision proposed while a brother or sister is open to early help, with the reason (issue 16).</summary>
    public const string SiblingsInEarlyHelp = "case.decision.siblings-in-early-help";

    public const string ReferralViewed = "referral.viewed";
    public const string ReferralAttachmentDownloaded = "referral.attachment.downloaded";

    /// <summary>Reading, not changing: left out of "what changed since you opened it".</summary>
    public static IReadOnlyList<string> Reads { get; } =
        [Viewed, AttachmentDownloaded, AccessLogViewed, ReferralViewed, ReferralAttachmentDownloaded, FeedbackRead,
            .. InformationRequests.InformationRequestEvents.Reads];

    /// <summary>The timeline's words for an action; an action recorded by a later feature and not listed here shows its code.</summary>
    public static string Describe(string action) =>
        DescribeOwn(action) ?? InformationRequests.InformationRequestEvents.Describe(action) ?? CaseAudits.CaseAuditEvents.Describe(action)
            ?? action;

    /// <summary>Plain words for one of this class's codes; null for any other.</summary>
    public static string? DescribeOwn(string action) => action switch
    {
        Received => "Received by the MASH",
        DutyMailboxAlerted => "Duty mailbox told: urgent, not yet rated",
        ReferralSubmitted => "Referral sent",
        ReferralDraftDeleted => "Draft referral deleted by its referrer",
        ReceivedFromEarlyHelp => "Stepped up from the early help hub",
        Viewed => "Case viewed",
        AttachmentDownloaded => "Attachment downloaded",
        AccessLogViewed => "Access log viewed",
        Claimed => "Claimed",
        Assigned => "Assigned",
        Rated => "BRAG rating recorded",
        PersonLinked => "Matched to a known person",
        PersonCreated => "New person record created",
        PersonUnlinked => "Link to a known person removed",
        ProgressedToChecks => "Progressed to MASH checks",
        ClosedAtContact => "Closed at contact stage",
        DeadlineRecounted => "Decision deadline moved by a change to the MASH settings",
        DecisionSubmitted => "Decision sent for sign-off",
        SiblingsInEarlyHelp => "Decided while a brother or sister is open to early help",
        DecisionReturned => "Decision returned for revision",
        DecisionApproved => "Decision approved",
        SteppedDownToEarlyHelp => "Stepped down to the early help hub",
        HandedOver => "Handed over to the assessment team",
        FeedbackSent => "Feedback sent to the referrer",
        FeedbackRead => "Feedback read by the referrer",
        FeedbackAcknowledged => "Feedback acknowledged by the referrer",
        EscalationRaised => "Referrer disagreed: escalation raised",
        EscalationAnswered => "Escalation answered",
        ReopenedForRevision => "Reopened for a revised decision",
        StepDownWithdrawn => "Step-down to the early help hub withdrawn",
        ReferrerToldOfChange => "Referrer e-mailed that the decision changed",
        ReferralViewed => "Referral viewed by the referrer",
        ReferralAttachmentDownloaded => "Attachment downloaded by the referrer",
        QueueSearched => "MASH queue searched for a child",
        _ => null,
    };
}
