using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Messages;

/// <summary>
/// The e-mails the portal has queued, newest first, with what became of each: waiting, sent, delivered, not delivered (as
/// GOV.UK Notify reported it, docs/decisions/0111) or given up, and how many of each. Problems can be shown alone. The
/// newest <see cref="PageSize"/> only: the outbox keeps messages for the retention schedule's days (30 by default), and the
/// counts cover all of them. Addresses and message kinds only: a message's text is fixed per kind and its link is not shown.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public bool Problems { get; set; }

    public Result View { get; private set; } = null!;

    public async Task OnGetAsync() => View = await mediator.Send(new Query(Problems));

    public sealed record Query(bool Problems) : IQuery<Result>;

    public sealed record Result(Counts Counts, IReadOnlyList<Line> Lines);

    public sealed record Counts(int Waiting, int Sent, int Delivered, int NotDelivered, int PermanentFailures, int GaveUp);

    public sealed record Line(Guid Id, DateTimeOffset CreatedAt, string Recipient, string Template, MessageState State, int Attempts,
        string? LastError);

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var all = db.OutboxMessages.AsNoTracking();
            var counts = await all.GroupBy(_ => 1).Select(g => new Counts(
                    g.Count(m => m.SentAt == null && m.GaveUpAt == null),
                    g.Count(m => m.SentAt != null && m.DeliveryStatus == null),
                    g.Count(m => m.DeliveryStatus == DeliveryStatus.Delivered),
                    g.Count(m => m.DeliveryStatus != null && m.DeliveryStatus != DeliveryStatus.Delivered),
                    g.Count(m => m.DeliveryStatus == DeliveryStatus.PermanentFailure),
                    g.Count(m => m.GaveUpAt != null)))
                .SingleOrDefaultAsync(cancellationToken) ?? new Counts(0, 0, 0, 0, 0, 0);
            var messages = request.Problems
                ? all.Where(m => m.GaveUpAt != null || (m.DeliveryStatus != null && m.DeliveryStatus != DeliveryStatus.Delivered)
                    || (m.SentAt == null && m.Attempts > 0))
                : all;
            var lines = await messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(PageSize)
                .Select(m => new { m.Id, m.CreatedAt, m.Recipient, m.Template, m.SentAt, m.GaveUpAt, m.DeliveryStatus, m.Attempts,
                    m.LastError })
                .ToListAsync(cancellationToken);
            return new Result(counts, [.. lines.Select(m => new Line(m.Id, m.CreatedAt, m.Recipient,
                EmailTemplate.Find(m.Template)?.Subject ?? m.Template, MessageStates.Of(m.SentAt, m.GaveUpAt, m.DeliveryStatus),
                m.Attempts, m.LastError))]);
        }
    }
}

public enum MessageState
{
    Waiting,
    Sent,
    Delivered,
    NotDeliveredPermanently,
    NotDelivered,
    GaveUp,
}

public static class MessageStates
{
    public static MessageState Of(DateTimeOffset? sentAt, DateTimeOffset? gaveUpAt, DeliveryStatus? delivery) => delivery switch
    {
        _ when gaveUpAt is not null => MessageState.GaveUp,
        DeliveryStatus.Delivered => MessageState.Delivered,
        DeliveryStatus.PermanentFailure => MessageState.NotDeliveredPermanently,
        not null => MessageState.NotDelivered,
        null when sentAt is not null => MessageState.Sent,
        null => MessageState.Waiting,
    };

    /// <summary>The state in words, and the GOV.UK tag colour that goes with them (never the colour alone).</summary>
    public static (string Words, string TagClass) Display(this MessageState state) => state switch
    {
        MessageState.Waiting => ("Waiting to send", "govuk-tag--grey"),
        MessageState.Sent => ("Sent", "govuk-tag--blue"),
        MessageState.Delivered => ("Delivered", "govuk-tag--green"),
        MessageState.NotDeliveredPermanently => ("Not delivered: the address does not exist or refuses e-mail", "govuk-tag--red"),
        MessageState.NotDelivered => ("Not delivered: GOV.UK Notify stopped trying", "govuk-tag--orange"),
        MessageState.GaveUp => ("Not sent: the portal gave up", "govuk-tag--red"),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
