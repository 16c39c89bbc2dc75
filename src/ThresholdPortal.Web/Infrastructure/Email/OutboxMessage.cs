namespace ThresholdPortal.Web.Infrastructure.Email;

/// <summary>
/// An e-mail waiting to be sent, written in the same transaction as the change that caused it, so a
/// message exists exactly when the change was committed (docs/decisions/0020).
/// </summary>
public sealed class OutboxMessage
{
    public const int RecipientMaxLength = 256;
    public const int TemplateMaxLength = 100;
    public const int LinkMaxLength = 2000;
    public const int LastErrorMaxLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Recipient { get; init; }

    /// <summary>The <see cref="EmailTemplate.Name"/>.</summary>
    public required string Template { get; init; }

    /// <summary>
    /// Path and query of the link, relative to the portal's public address. Erased once the message is
    /// sent or given up: links can carry single-use tokens, which should not outlive their e-mail.
    /// </summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? GaveUpAt { get; set; }

    /// <summary>What the SMTP server or the network said last time; never the message text.</summary>
    public string? LastError { get; set; }

    /// <summary>What GOV.UK Notify last reported about delivery (its callback); null before any report, and always by SMTP.</summary>
    public DeliveryStatus? DeliveryStatus { get; private set; }

    public DateTimeOffset? DeliveryReportedAt { get; private set; }

    /// <summary>
    /// Keeps Notify's latest word on delivery. A report older than the one kept is ignored, as Notify may send them out of
    /// order; a report for a message the outbox has not marked sent is kept too (the send's answer was lost, Notify's was not).
    /// </summary>
    public void RecordDelivery(DeliveryStatus status, DateTimeOffset reportedAt)
    {
        if (DeliveryReportedAt is { } kept && reportedAt < kept)
        {
            return;
        }

        DeliveryStatus = status;
        DeliveryReportedAt = reportedAt;
    }

    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        SentAt = now;
        Link = null;
        LastError = null;
    }

    /// <summary>Stops trying at once: the message can never be sent (an unknown template, a malformed address).</summary>
    public void GiveUp(DateTimeOffset now, string reason)
    {
        GaveUpAt = now;
        Link = null;
        LastError = reason.Length > LastErrorMaxLength ? reason[..LastErrorMaxLength] : reason;
    }

    public void RecordFailure(DateTimeOffset now, string error, OutboxRetryPolicy policy)
    {
        Attempts++;
        if (policy.ShouldGiveUp(Attempts))
        {
            GiveUp(now, error);
            return;
        }

        LastError = error.Length > LastErrorMaxLength ? error[..LastErrorMaxLength] : error;

        NextAttemptAt = now + policy.DelayAfter(Attempts);
    }
}

/// <summary>Notify's delivery statuses for an e-mail, as its callback reports them.</summary>
public enum DeliveryStatus
{
    Delivered = 1,

    /// <summary>The address does not exist or refuses mail: sending again will not help.</summary>
    PermanentFailure,

    /// <summary>The inbox was full or the provider did not answer; Notify has stopped trying.</summary>
    TemporaryFailure,

    /// <summary>A problem between Notify and its providers.</summary>
    TechnicalFailure,
}
