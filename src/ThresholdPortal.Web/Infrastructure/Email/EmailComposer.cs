using MimeKit;
using MimeKit.Text;

namespace ThresholdPortal.Web.Infrastructure.Email;

/// <summary>Turns a queued message into the MIME message that is sent.</summary>
public static class EmailComposer
{
    public static MimeMessage Compose(OutboxMessage message, EmailTemplate template, EmailOptions options, DateTimeOffset now)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = template.Subject;
        // The same Message-ID on every attempt: should a send ever be repeated after a crash, mail systems
        // and clients see one message, not two.
        mime.MessageId = $"{message.Id:N}@{options.PublicBaseUrl!.Host}";
        mime.Date = now;
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Body = new TextPart(TextFormat.Plain) { Text = template.RenderBody(options.LinkTo(message.Link!)) };
        return mime;
    }
}
