namespace ThresholdPortal.Domain.Retention;

/// <summary>
/// How long each kind of record is kept (issue 19, item 1; docs/decisions/0120), as part of the versioned MASH settings:
/// administrators change it, every change is a new version with its reason, and the retention job reads the version in
/// force. The defaults and their reasoning are in docs/data-protection.md.
/// </summary>
public sealed class RetentionSchedule
{
    /// <summary>The shortest time any kind is kept; the longest, 25 years (a child's records to their 25th birthday and beyond).</summary>
    public const int MostMonths = 300;

    public const int MostDays = 3650;

    /// <summary>A draft nobody has changed for this many days is deleted (its referrer is reminded a week before).</summary>
    public int DraftReferralDays { get; set; } = 30;

    /// <summary>Days before a draft's deletion that its referrer is e-mailed, once.</summary>
    public int DraftReminderDays { get; set; } = 7;

    /// <summary>A case closed with no further action (at contact or by decision): months after closure.</summary>
    public int ClosedNoFurtherActionMonths { get; set; } = 72;

    /// <summary>A case stepped down to early help, and an early help request the hub closed: months after closure.</summary>
    public int ClosedStepDownMonths { get; set; } = 72;

    /// <summary>A case handed to social care (assessment, strategy discussion, protective action): months after closure.</summary>
    public int ClosedStatutoryMonths { get; set; } = 72;

    /// <summary>An information request and its answers: months after their case closes.</summary>
    public int InformationRequestMonths { get; set; } = 72;

    /// <summary>An attachment to a referral or an answer: months after its case closes.</summary>
    public int AttachmentMonths { get; set; } = 72;

    /// <summary>An audit event: months after it was recorded; never under 12 (the database refuses).</summary>
    public int AuditEventMonths { get; set; } = 72;

    /// <summary>An e-mail sent or given up on: days after.</summary>
    public int OutboxMessageDays { get; set; } = 30;

    /// <summary>A deactivated account: months before its personal data should be erased (docs/decisions/0117).</summary>
    public int AccountMonths { get; set; } = 12;

    /// <summary>Why a schedule cannot be stored, or null when it can.</summary>
    public string? Problem()
    {
        // The database refuses shorter periods for these itself (docs/decisions/0120, 0124): a year's returns need them.
        int[] atLeastAYear = [ClosedNoFurtherActionMonths, ClosedStepDownMonths, ClosedStatutoryMonths, InformationRequestMonths,
            AuditEventMonths];
        if (atLeastAYear.Any(m => m is < 12 or > MostMonths) || AttachmentMonths is < 1 or > MostMonths
            || AccountMonths is < 1 or > MostMonths)
        {
            return $"Periods in months must be from 1 to {MostMonths}, and cases, information requests and audit events " +
                "are kept for at least 12";
        }

        if (DraftReferralDays is < 1 or > MostDays || OutboxMessageDays is < 1 or > MostDays)
        {
            return $"Periods in days must be from 1 to {MostDays}";
        }

        return DraftReminderDays < 0 || DraftReminderDays >= DraftReferralDays
            ? "The reminder must come before the draft is deleted"
            : null;
    }

    /// <summary>Drafts last changed before this moment are due for deletion, as of <paramref name="now"/>.</summary>
    public DateTimeOffset DraftsUnchangedSince(DateTimeOffset now) => now.AddDays(-DraftReferralDays);

    /// <summary>Drafts unchanged since this moment are reminded (and not yet due for deletion).</summary>
    public DateTimeOffset DraftsToRemindSince(DateTimeOffset now) => now.AddDays(-(DraftReferralDays - DraftReminderDays));

    public RetentionSchedule Copy() => (RetentionSchedule)MemberwiseClone();

    /// <summary>Each period in words, in the order the settings page shows them.</summary>
    public IReadOnlyList<(string Label, string Period)> Describe() =>
    [
        ("Draft referrals, after their last change", $"{DraftReferralDays} days (reminder {DraftReminderDays} days before)"),
        ("Cases closed with no further action", Months(ClosedNoFurtherActionMonths)),
        ("Cases stepped down to early help, and early help requests", Months(ClosedStepDownMonths)),
        ("Cases handed to social care", Months(ClosedStatutoryMonths)),
        ("Information requests and answers", Months(InformationRequestMonths)),
        ("Attachments", Months(AttachmentMonths)),
        ("Audit events", Months(AuditEventMonths)),
        ("E-mails, after sending", $"{OutboxMessageDays} days"),
        ("Deactivated accounts", Months(AccountMonths)),
    ];

    private static string Months(int months) => months % 12 == 0 ? $"{months / 12} years" : $"{months} months";
}
