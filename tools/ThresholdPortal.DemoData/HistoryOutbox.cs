using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.DemoData;

/// <summary>
/// The outbox of the seeding run. The demo's commands queue the e-mails the live app would (feedback ready,
/// escalations...), but they belong to the demo's past: stored as sent when queued, so a portal already
/// running (the browser tests seed a started app) or started later never sends weeks-old news.
/// </summary>
public sealed class HistoryOutbox(PortalDbContext db, TimeProvider clock) : IEmailOutbox
{
    public void Enqueue(string to, EmailTemplate template, string link)
    {
        ArgumentNullException.ThrowIfNull(template);
        var at = clock.GetUtcNow();
        var message = new OutboxMessage { Recipient = to, Template = template.Name, Link = link, CreatedAt = at, NextAttemptAt = at };
        message.MarkSent(at);
        db.OutboxMessages.Add(message);
    }
}
