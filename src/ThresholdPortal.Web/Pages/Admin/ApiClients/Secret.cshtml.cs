using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.ApiClients;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.ApiClients;

/// <summary>
/// Adding a secret to a client. The secret is made here, shown on this one response (never cached, never stored: only its
/// hash is) and cannot be shown again. Deliberately not idempotent, as a replayed answer would have to store the secret.
/// </summary>
public sealed class SecretModel(IMediator mediator) : CommandPageModel, IReloadOnInvalid
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public Command Data { get; set; } = new();

    public string ClientName { get; private set; } = string.Empty;
    public string ClientId { get; private set; } = string.Empty;

    /// <summary>The new secret, on the response to the form only.</summary>
    public string? NewSecret { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await ReloadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        Data.ClientId = Id;
        var result = await mediator.Send(Data);
        if (result.Outcome is not CommandResult.SavedResult)
        {
            return await OutcomeAsync(result.Outcome, Page, () => ReloadAsync(HttpContext.RequestAborted));
        }

        await ReloadAsync(HttpContext.RequestAborted);
        NewSecret = result.Value;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        var client = await mediator.Send(new Query(Id), cancellationToken);
        (ClientName, ClientId) = client ?? (string.Empty, string.Empty);
        return client is not null;
    }

    public sealed record Query(Guid Id) : IQuery<(string Name, string ClientId)?>;

    public sealed class Command : ICommand<CommandResult<string>>
    {
        public Guid ClientId { get; set; }
        public int? Months { get; set; } = ClientSecrets.DefaultMonths;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Months).NotNull().WithMessage("Enter how many months the secret works for")
                .InclusiveBetween(1, ClientSecrets.MaxMonths)
                .WithMessage($"A secret can work for between 1 and {ClientSecrets.MaxMonths} months");
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<Query, (string, string)?>,
        IRequestHandler<Command, CommandResult<string>>
    {
        public async Task<(string, string)?> Handle(Query request, CancellationToken cancellationToken)
        {
            var client = await db.ApiClients.AsNoTracking().Where(c => c.Id == request.Id).Select(c => new { c.Name, c.ClientId })
                .SingleOrDefaultAsync(cancellationToken);
            return client is null ? null : (client.Name, client.ClientId);
        }

        public async Task<CommandResult<string>> Handle(Command request, CancellationToken cancellationToken)
        {
            if (!await db.ApiClients.AnyAsync(c => c.Id == request.ClientId, cancellationToken))
            {
                return CommandResult.NotFound;
            }

            var now = clock.GetUtcNow();
            var secret = ClientSecrets.NewSecret();
            var stored = new ApiClientSecret
            {
                ApiClientId = request.ClientId,
                Hash = ClientSecrets.Hash(secret),
                Hint = ClientSecrets.HintOf(secret),
                CreatedAt = now,
                ExpiresAt = now.AddMonths(request.Months!.Value),
            };
            db.ApiClientSecrets.Add(stored);
            audit.Record(ApiClientEvents.SecretAdded, ApiClientEvents.SubjectType, request.ClientId.ToString(),
                $"ending {stored.Hint}, expires {UkTime.Date(stored.ExpiresAt)}");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(secret);
        }
    }
}
