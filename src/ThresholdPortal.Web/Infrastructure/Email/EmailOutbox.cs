using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Infrastructure.Email;

/// <summary>
/// Queues e-mails inside the current unit of work. Use it in a command handler: the message is stored by
/// the handler's SaveChanges, in the command's transaction, and the dispatcher sends it after commit.
/// </summary>
public interface IEmailOutbox
{
    /// <param name="to">The recipient's e-mail address.</param>
    /// <param name="template">What the e-mail says; fixed text with no personal details.</param>
    /// <param name="link">Path and query of the portal page it links to, such as "/account/sign-in".</param>
    void Enqueue(string to, EmailTemplate template, string link);
}

public sealed class EmailOutbox(PortalDbContext db, TimeProvider clock) : IEmailOutbox
{
    public void Enqueue(string to, EmailTemplate template, string link)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("An e-mail links to a page of the portal: give its path, starting with one '/'.", nameof(link));
        }

        var now = clock.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Recipient = to.Trim(),
            Template = template.Name,
            Link = link,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}
