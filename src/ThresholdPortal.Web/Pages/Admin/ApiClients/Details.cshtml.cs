using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.ApiClients;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.ApiClients;

/// <summary>One client: its id, what it may do, its secrets (revocable), and turning it off or on.</summary>
public sealed class DetailsModel(IMediator mediator) : CommandPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public Result View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var view = await mediator.Send(new Query(Id), HttpContext.RequestAborted);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid secretId) =>
        await SettleAsync(await mediator.Send(new RevokeSecret(Id, secretId)), "The secret has been revoked. It no longer works");

    public async Task<IActionResult> OnPostTurnOffAsync() =>
        await SettleAsync(await mediator.Send(new TurnOnOrOff(Id, On: false)), "The client has been turned off. Its tokens stop working");

    public async Task<IActionResult> OnPostTurnOnAsync() =>
        await SettleAsync(await mediator.Send(new TurnOnOrOff(Id, On: true)), "The client has been turned on");

    private async Task<IActionResult> SettleAsync(CommandResult result, string notice) =>
        await OutcomeAsync(result, () =>
        {
            TempData.SetNotice(notice);
            return RedirectToPage("/Admin/ApiClients/Details", new { id = Id });
        }, async () => await OnGetAsync() is PageResult);

    public sealed record SecretRow(Guid Id, string Hint, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt,
        bool Works);

    public sealed record Result(Guid Id, string ClientId, string Name, string Organisation, List<string> Scopes, int RequestsPerMinute,
        bool IsActive, string? WebhookUrl, IReadOnlyList<SecretRow> Secrets, Deliveries Webhooks);

    /// <summary>The webhook's deliveries: waiting (or being retried), delivered, given up; the newest failure's reason.</summary>
    public sealed record Deliveries(int Waiting, int Delivered, int GivenUp, string? LastError, DateTimeOffset? LastErrorAt);

    public sealed record Query(Guid Id) : IQuery<Result?>;

    public sealed record RevokeSecret(Guid ClientId, Guid SecretId) : ICommand<CommandResult>;

    public sealed record TurnOnOrOff(Guid ClientId, bool On) : ICommand<CommandResult>;

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<Query, Result?>,
        IRequestHandler<RevokeSecret, CommandResult>, IRequestHandler<TurnOnOrOff, CommandResult>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var client = await db.ApiClients.AsNoTracking().Where(c => c.Id == request.Id)
                .Select(c => new { c.Id, c.ClientId, c.Name, Organisation = c.Organisation.Name, c.Scopes, c.RequestsPerMinute,
                    c.DisabledAt, c.WebhookUrl, c.Secrets })
                .SingleOrDefaultAsync(cancellationToken);
            if (client is null)
            {
                return null;
            }

            var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.ApiClientId == request.Id);
            var counts = await deliveries.GroupBy(d => d.DeliveredAt != null ? 1 : d.FailedAt != null ? 2 : 0)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var failure = await deliveries.Where(d => d.LastError != null && d.DeliveredAt == null)
                .OrderByDescending(d => d.NextAttemptAt).Select(d => new { d.LastError, d.NextAttemptAt })
                .FirstOrDefaultAsync(cancellationToken);
            return new Result(client.Id, client.ClientId, client.Name, client.Organisation, client.Scopes,
                client.RequestsPerMinute, client.DisabledAt is null, client.WebhookUrl,
                [.. client.Secrets.OrderByDescending(s => s.CreatedAt)
                    .Select(s => new SecretRow(s.Id, s.Hint, s.CreatedAt, s.ExpiresAt, s.RevokedAt, s.WorksAt(now)))],
                new Deliveries(counts.GetValueOrDefault(0), counts.GetValueOrDefault(1), counts.GetValueOrDefault(2), failure?.LastError,
                    failure?.NextAttemptAt));
        }

        public async Task<CommandResult> Handle(RevokeSecret request, CancellationToken cancellationToken)
        {
            var secret = await db.ApiClientSecrets.SingleOrDefaultAsync(s => s.Id == request.SecretId && s.ApiClientId == request.ClientId,
                cancellationToken);
            if (secret is null)
            {
                return CommandResult.NotFound;
            }

            if (secret.RevokedAt is not null)
            {
                return new CommandResult.Refused("This secret is already revoked");
            }

            secret.RevokedAt = clock.GetUtcNow();
            audit.Record(ApiClientEvents.SecretRevoked, ApiClientEvents.SubjectType, request.ClientId.ToString(), $"ending {secret.Hint}");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }

        public async Task<CommandResult> Handle(TurnOnOrOff request, CancellationToken cancellationToken)
        {
            var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == request.ClientId, cancellationToken);
            if (client is null)
            {
                return CommandResult.NotFound;
            }

            if (client.IsActive == request.On)
            {
                return new CommandResult.Refused(request.On ? "This client is already on" : "This client is already turned off");
            }

            client.DisabledAt = request.On ? null : clock.GetUtcNow();
            audit.Record(request.On ? ApiClientEvents.ClientEnabled : ApiClientEvents.ClientDisabled, ApiClientEvents.SubjectType,
                client.Id.ToString());
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
