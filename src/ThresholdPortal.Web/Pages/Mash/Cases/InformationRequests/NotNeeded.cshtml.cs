using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Mash.Cases.InformationRequests;

/// <summary>
/// Records why an agency on the checklist need not be asked. One reason can cover several agencies still
/// to do (the one chosen is ticked), so considering every agency stays quick; each gets its own record.
/// </summary>
public sealed class NotNeededModel(IMediator mediator) : CommandPageModel, IReloadOnInvalid
{
    [FromRoute(Name = "id")]
    public Guid RouteCaseId { get; set; }

    [FromRoute]
    public string AgencyKey { get; set; } = string.Empty;

    [BindProperty]
    public RecordNotNeeded Data { get; set; } = new();

    public NotNeededForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string agencyKey)
    {
        if (!await LoadAsync(id, agencyKey, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        Data.AgencyKeys = Form.Outstanding.Any(a => a.Key == agencyKey) ? [agencyKey] : [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string agencyKey)
    {
        Data.CaseId = id;
        return await OutcomeAsync(await mediator.Send(Data), notice =>
        {
            TempData.SetNotice(notice);
            return Redirect(InformationRequestRoutes.Checklist(id));
        }, () => LoadAsync(id, agencyKey, HttpContext.RequestAborted));
    }

    // Shown again after a validation or binding error: the case comes from the address.
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken) =>
        await LoadAsync(RouteCaseId, AgencyKey, cancellationToken);

    private async Task<bool> LoadAsync(Guid id, string agencyKey, CancellationToken cancellationToken)
    {
        var form = await mediator.Send(new Query(id, agencyKey), cancellationToken);
        if (form is null)
        {
            return false;
        }

        Form = form;
        return true;
    }

    public sealed record Query(Guid CaseId, string AgencyKey) : IQuery<NotNeededForm?>;

    public sealed record AgencyOption(string Key, string Name);

    public sealed record NotNeededForm(Guid CaseId, string Reference, string AgencyName, bool CanRecord,
        IReadOnlyList<AgencyOption> Outstanding);

    /// <summary>Saved with the notice that says which agencies were recorded.</summary>
    public sealed class RecordNotNeeded : ICommand<CommandResult<string>>, IIdempotentCommand
    {
        /// <summary>The form's key: the same form sent twice creates once (docs/decisions/0105).</summary>
        public Guid? IdempotencyKey { get; set; }

        public Guid CaseId { get; set; }
        public List<string> AgencyKeys { get; set; } = [];
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<RecordNotNeeded>
    {
        public Validator()
        {
            RuleFor(r => r.AgencyKeys).NotEmpty().WithMessage("Select the agencies that need not be asked");
            RuleFor(r => r.Reason)
                .RequiredAnswer("Say why these agencies need not be asked", "The reason", AgencyNotNeeded.ReasonMaxLength);
        }
    }

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, NotNeededForm?>
    {
        public async Task<NotNeededForm?> Handle(Query request, CancellationToken cancellationToken)
        {
            var mashCase = await db.MashCases.AsNoTracking()
                .Where(c => c.Id == request.CaseId).Select(c => new { c.Id, c.Reference, c.Status })
                    .SingleOrDefaultAsync(cancellationToken);
            var agencyName = await db.PartnerAgencies.AsNoTracking().Where(a => a.Key == request.AgencyKey).Select(a => a.Name)
                .SingleOrDefaultAsync(cancellationToken);
            if (mashCase is null || agencyName is null)
            {
                return null;
            }

            var checklist = await CaseInformationChecks.ChecklistAsync(db, mashCase.Id, cancellationToken);
            return new NotNeededForm(mashCase.Id, mashCase.Reference, agencyName, CaseChecks.IsGatheringInformation(mashCase.Status),
                [.. checklist.Outstanding.Select(a => new AgencyOption(a.Key, a.Name))]);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock)
        : IRequestHandler<RecordNotNeeded, CommandResult<string>>
    {
        public async Task<CommandResult<string>> Handle(RecordNotNeeded request, CancellationToken cancellationToken)
        {
            var mashCase = await db.MashCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CaseId, cancellationToken);
            if (mashCase is null)
            {
                return CommandResult.NotFound;
            }

            var checklist = await CaseInformationChecks.ChecklistAsync(db, mashCase.Id, cancellationToken);
            var configured = await db.PartnerAgencies.AsNoTracking().Where(a => a.IsActive).Select(a => a.Key)
                .ToListAsync(cancellationToken);
            var recorded = new List<AgencyNotNeeded>();
            try
            {
                foreach (var key in request.AgencyKeys.Distinct(StringComparer.Ordinal))
                {
                    var check = checklist.Agencies.FirstOrDefault(a => a.Key == key && configured.Contains(a.Key))
                        ?? throw new InformationRequestRuleException("That agency is not on the checklist. Choose again.");
                    recorded.Add(AgencyNotNeeded.Record(mashCase, check, request.Reason!, user.Id, clock.GetUtcNow()));
                }
            }
            catch (Exception refused) when (refused is InformationRequestRuleException or CaseRuleException)
            {
                return new CommandResult.Refused(refused.Message);
            }

            db.AgencyChecksNotNeeded.AddRange(recorded);
            foreach (var reason in recorded)
            {
                audit.Record(InformationRequestEvents.NotNeeded, CaseEvents.SubjectType, mashCase.Id.ToString(), reason.AgencyName);
            }

            try
            {
                await LostRace.SaveAsync(db, cancellationToken);
            }
            catch (DbUpdateException exception)
                when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Two practitioners recorded the same agency at once: the first is kept, nothing of this one.
                db.ChangeTracker.Clear();
                return new CommandResult.Refused(
                    "Someone else recorded one of these agencies just now. Check the checklist and try again.");
            }

            var names = string.Join(", ", recorded.Select(r => r.AgencyName));
            return CommandResult.SavedWith($"Recorded as not needed: {names}");
        }
    }
}
