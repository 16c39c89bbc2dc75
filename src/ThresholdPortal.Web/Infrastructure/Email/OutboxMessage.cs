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
