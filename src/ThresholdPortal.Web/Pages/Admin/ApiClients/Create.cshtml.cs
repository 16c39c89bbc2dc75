using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Features.ApiClients;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.ApiClients;

/// <summary>
/// Registering a partner system: its name, organisation, what it may do and how often. It gets a service account in that
/// organisation, which can never sign in to the pages; its secrets are added on the next page (docs/decisions/0128).
/// </summary>
public sealed class CreateModel(IMediator mediator) : CommandPageModel, IReloadOnInvalid
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task OnGetAsync() => await ReloadAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync() =>
        OutcomeOf(await mediator.Send(Data), id =>
        {
            TempData.SetNotice($"{Data.Name!.Trim()} has been registered. Add a secret so that it can sign in");
            return RedirectToPage("/Admin/ApiClients/Details", new { id });
        });

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        Organisations = [new SelectListItem("Choose an organisation", string.Empty),
            .. await mediator.Send(new ActiveOrganisationsQuery(), cancellationToken)];
        return true;
    }

    public sealed class Command : ICommand<CommandResult<Guid>>, IIdempotentCommand
    {
        /// <summary>The form's key: the same form sent twice creates once (docs/decisions/0105).</summary>
        public Guid? IdempotencyKey { get; set; }

        public string? Name { get; set; }
        public Guid? OrganisationId { get; set; }
        public List<string> Scopes { get; set; } = [];
        public int? RequestsPerMinute { get; set; } = ApiClient.DefaultRequestsPerMinute;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db)
        {
            RuleFor(c => c.Name).RequiredAnswer("Enter the client's name", "Name", ApiClient.NameMaxLength);
            RuleFor(c => c.OrganisationId).NotNull().WithMessage("Choose the organisation the client acts for")
                .MustAsync(async (id, cancellationToken) =>
                    await db.Organisations.AnyAsync(o => o.Id == id && o.IsActive, cancellationToken))
                .WithMessage("Choose the organisation the client acts for");
            RuleFor(c => c.Scopes).NotEmpty().WithMessage("Select what the client may do")
                .Must(scopes => scopes.All(ApiScopes.All.Contains)).WithMessage("Select what the client may do");
            // The feed carries children's records and the MASH's reasons: for the council's own case management only.
            RuleFor(c => c.Scopes).MustAsync(async (command, scopes, cancellationToken) => !scopes.Contains(ApiScopes.CasesRead)
                    || await db.Organisations.AnyAsync(o => o.Id == command.OrganisationId
                        && o.Kind == OrganisationKind.LocalAuthorityChildrensSocialCare, cancellationToken))
                .WithMessage("Only a client of the council's children's social care may read decisions");
            RuleFor(c => c.RequestsPerMinute).NotNull().WithMessage("Enter how many requests a minute the client may make")
                .InclusiveBetween(1, ApiClient.MaxRequestsPerMinute)
                .WithMessage($"Requests a minute must be between 1 and {ApiClient.MaxRequestsPerMinute}");
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock)
        : IRequestHandler<Command, CommandResult<Guid>>
    {
        public async Task<CommandResult<Guid>> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var clientId = ClientSecrets.NewClientId();
            var name = ReferralValidation.Clean(request.Name)!;
            var account = ServiceAccount.For(clientId, name, request.OrganisationId!.Value);
            db.Users.Add(account);
            var client = new ApiClient
            {
                ClientId = clientId,
                Name = name,
                OrganisationId = request.OrganisationId.Value,
                Scopes = [.. ApiScopes.All.Where(request.Scopes.Contains)],
                ServiceUserId = account.Id,
                RequestsPerMinute = request.RequestsPerMinute!.Value,
                CreatedAt = now,
                CreatedByUserId = user.Id,
            };
            db.ApiClients.Add(client);
            audit.Record(ApiClientEvents.ClientRegistered, ApiClientEvents.SubjectType, client.Id.ToString(),
                $"{name} ({clientId}); {string.Join(' ', client.Scopes)}; {client.RequestsPerMinute} a minute");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(client.Id);
        }
    }
}
