using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Features.ApiClients;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.ApiClients;

/// <summary>
/// Where a case-management client's events are posted, and the key they are signed with: a new key each time the address is
/// saved, shown on this one response only (it is kept encrypted, as the portal must sign with it). Removing stops deliveries.
/// </summary>
public sealed class WebhookModel(IMediator mediator) : CommandPageModel, IReloadOnInvalid
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public Command Data { get; set; } = new();

    public string ClientName { get; private set; } = string.Empty;
    public string? CurrentUrl { get; private set; }

    /// <summary>The new signing key, on the response to the form only.</summary>
    public string? NewKey { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await ReloadAsync(HttpContext.RequestAborted))
        {
            return NotFound();
        }

        Data.Url = CurrentUrl;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Data.ClientId = Id;
        var result = await mediator.Send(Data);
        if (result.Outcome is not CommandResult.SavedResult)
        {
            return await OutcomeAsync(result.Outcome, Page, () => ReloadAsync(HttpContext.RequestAborted));
        }

        await ReloadAsync(HttpContext.RequestAborted);
        NewKey = result.Value;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync() =>
        await OutcomeAsync(await mediator.Send(new Remove(Id)), () =>
        {
            TempData.SetNotice("The webhook has been removed. Events are still in the feed");
            return RedirectToPage("/Admin/ApiClients/Details", new { id = Id });
        }, () => ReloadAsync(HttpContext.RequestAborted));

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        var client = await mediator.Send(new Query(Id), cancellationToken);
        (ClientName, CurrentUrl) = client ?? (string.Empty, null);
        return client is not null;
    }

    public sealed record Query(Guid Id) : IQuery<(string Name, string? Url)?>;

    public sealed class Command : ICommand<CommandResult<string>>
    {
        public Guid ClientId { get; set; }
        public string? Url { get; set; }
    }

    public sealed record Remove(Guid ClientId) : ICommand<CommandResult>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db, IOptions<WebhookOptions> options)
        {
            RuleFor(c => c.Url).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the address to post events to")
                .MaximumLength(ApiClient.WebhookUrlMaxLength)
                    .WithMessage($"The address must be {ApiClient.WebhookUrlMaxLength} characters or fewer")
                .Must(url => options.Value.Accepts(url?.Trim())).WithMessage("Enter an https address, like https://cms.example.org/hooks");
            RuleFor(c => c.ClientId).MustAsync(async (id, cancellationToken) =>
                    !await db.ApiClients.AnyAsync(c => c.Id == id && !c.Scopes.Contains(ApiScopes.CasesRead), cancellationToken))
                .OverridePropertyName(nameof(Command.Url))
                .WithMessage("Only a client that may read decisions can have a webhook");
        }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, IDataProtectionProvider protection)
        : IRequestHandler<Query, (string, string?)?>, IRequestHandler<Command, CommandResult<string>>,
            IRequestHandler<Remove, CommandResult>
    {
        public async Task<(string, string?)?> Handle(Query request, CancellationToken cancellationToken)
        {
            var client = await db.ApiClients.AsNoTracking().Where(c => c.Id == request.Id).Select(c => new { c.Name, c.WebhookUrl })
                .SingleOrDefaultAsync(cancellationToken);
            return client is null ? null : (client.Name, client.WebhookUrl);
        }

        public async Task<CommandResult<string>> Handle(Command request, CancellationToken cancellationToken)
        {
            var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == request.ClientId, cancellationToken);
            if (client is null)
            {
                return CommandResult.NotFound;
            }

            var key = WebhookSignature.NewKey();
            client.WebhookUrl = request.Url!.Trim();
            client.WebhookSecretProtected = protection.CreateProtector(WebhookSignature.KeyPurpose).Protect(key);
            audit.Record(ApiClientEvents.WebhookChanged, ApiClientEvents.SubjectType, client.Id.ToString(),
                $"{client.WebhookUrl}; new key");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(key);
        }

        public async Task<CommandResult> Handle(Remove request, CancellationToken cancellationToken)
        {
            var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == request.ClientId, cancellationToken);
            if (client is null)
            {
                return CommandResult.NotFound;
            }

            if (client.WebhookUrl is null)
            {
                return new CommandResult.Refused("This client has no webhook");
            }

            client.WebhookUrl = null;
            client.WebhookSecretProtected = null;
            audit.Record(ApiClientEvents.WebhookChanged, ApiClientEvents.SubjectType, client.Id.ToString(), "removed");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
