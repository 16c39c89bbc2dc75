using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.ThresholdDocuments;

/// <summary>
/// Adding an indicator to a draft, changing its text, sub-domain, level, kind (which the age and disability rules read),
/// the service it routes to (docs/decisions/0112) or the phrases that suggest it from a referrer's words (0121), or retiring it. A retired
/// indicator is left out of the draft; the versions that had it keep it, with the referrals that chose it.
/// </summary>
public sealed partial class IndicatorModel(IMediator mediator) : CommandPageModel, IReloadOnInvalid
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public Command Data { get; set; } = new();

    public IReadOnlyList<SelectListItem> SubDomains { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Levels { get; private set; } = [];

    public bool IsNew => string.IsNullOrEmpty(Data.OriginalCode);

    public async Task<IActionResult> OnGetAsync(string? code)
    {
        var form = await mediator.Send(new Query(Id, code));
        if (form is null)
        {
            return NotFound();
        }

        (Data, SubDomains, Levels) = (form.Data, form.SubDomains, form.Levels);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Data.DocumentId = Id;
        return OutcomeOf(await mediator.Send(Data), () =>
        {
            TempData.SetNotice(IsNew ? $"Indicator {Data.Code!.Trim()} has been added" : $"Indicator {Data.Code!.Trim()} has been changed");
            return RedirectToPage("/Admin/Configuration/ThresholdDocuments/Version", new { id = Id });
        });
    }

    public async Task<IActionResult> OnPostRetireAsync()
    {
        return OutcomeOf(await mediator.Send(new Retire(Id, Data.OriginalCode ?? string.Empty)), () =>
        {
            TempData.SetNotice($"Indicator {Data.OriginalCode} has been retired from this draft");
            return RedirectToPage("/Admin/Configuration/ThresholdDocuments/Version", new { id = Id });
        });
    }

    /// <summary>
    /// Always shown again: a version published meanwhile has no form lists, and the page says it cannot be changed; a
    /// version that does not exist is a 404 from the command itself.
    /// </summary>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        var form = await mediator.Send(new Query(Id, null), cancellationToken);
        (SubDomains, Levels) = form is null ? ([], []) : (form.SubDomains, form.Levels);
        return true;
    }

    public sealed record Form(Command Data, IReadOnlyList<SelectListItem> SubDomains, IReadOnlyList<SelectListItem> Levels);

    /// <summary>The form for a new indicator (no code) or an existing one; null when the draft or indicator does not exist.</summary>
    public sealed record Query(Guid DocumentId, string? Code) : IQuery<Form?>;

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, Form?>
    {
        public async Task<Form?> Handle(Query request, CancellationToken cancellationToken)
        {
            var document = await db.ThresholdDocuments.AsNoTracking().AsSplitQuery()
                .SingleOrDefaultAsync(d => d.Id == request.DocumentId && d.Status == ThresholdDocumentStatus.Draft, cancellationToken);
            if (document is null)
            {
                return null;
            }

            var data = new Command { DocumentId = document.Id };
            if (!string.IsNullOrEmpty(request.Code))
            {
                var indicator = document.FindIndicator(request.Code);
                if (indicator is null)
                {
                    return null;
                }

                (data.OriginalCode, data.Code, data.SubDomainCode, data.Level, data.Text, data.Kind, data.Route) =
                    (indicator.Code, indicator.Code, indicator.SubDomainCode, indicator.Level, indicator.Text, indicator.Kind,
                        indicator.Route);
                data.Phrases = string.Join('\n', indicator.Phrases);
            }

            return new Form(data,
                [new SelectListItem("Choose a sub-domain", string.Empty),
                 .. document.SubDomains.OrderBy(s => s.Domain).ThenBy(s => s.Order)
                     .Select(s => new SelectListItem($"{s.Domain.DisplayName()}: {s.Name}", s.Code))],
                [new SelectListItem("Choose a level", string.Empty),
                 .. document.Levels.OrderBy(l => l.Level).Select(l => new SelectListItem(document.TitleOf(l.Level), l.Level.ToString()))]);
        }
    }

    public sealed class Command : ICommand<CommandResult>, IIdempotentCommand
    {
        /// <summary>The form's key: the same form sent twice creates once (docs/decisions/0105).</summary>
        public Guid? IdempotencyKey { get; set; }

        public Guid DocumentId { get; set; }

        /// <summary>The code being changed; empty when adding.</summary>
        public string? OriginalCode { get; set; }

        public string? Code { get; set; }
        public string? SubDomainCode { get; set; }
        public ThresholdLevel? Level { get; set; }
        public string? Text { get; set; }
        public IndicatorKind Kind { get; set; }

        /// <summary>The service the document sends this need to, in words ("the disabled children's team"); empty for none.</summary>
        public string? Route { get; set; }

        /// <summary>The lexicon's phrases for this indicator, one per line; empty: never suggested from a referrer's words.</summary>
        public string? Phrases { get; set; }

        public List<string> PhraseList() =>
            [.. (Phrases ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter a code for the indicator")
                .MaximumLength(ThresholdIndicator.CodeMaxLength)
                    .WithMessage($"The code must be {ThresholdIndicator.CodeMaxLength} characters or fewer")
                .Must(c => CodePattern().IsMatch(c!.Trim()))
                    .WithMessage("The code can only contain lower-case letters, digits and hyphens, for example health-3c");
            RuleFor(c => c.SubDomainCode).NotEmpty().WithMessage("Choose a sub-domain");
            RuleFor(c => c.Level).NotNull().WithMessage("Choose a level").IsInEnum().WithMessage("Choose a level");
            RuleFor(c => c.Text).NotEmpty().WithMessage("Enter the indicator's text")
                .MaximumLength(ThresholdIndicator.TextMaxLength)
                    .WithMessage($"The text must be {ThresholdIndicator.TextMaxLength} characters or fewer");
            RuleFor(c => c.Kind).IsInEnum().WithMessage("Choose what the indicator is about");
            RuleFor(c => c.Route).MaximumLength(ThresholdIndicator.RouteMaxLength)
                .WithMessage($"The service must be {ThresholdIndicator.RouteMaxLength} characters or fewer");
            RuleFor(c => c.Phrases).MaximumLength(PhrasesMaxLength)
                .WithMessage($"The phrases must be {PhrasesMaxLength} characters or fewer in all")
                .Must((command, _) => ThresholdDocumentFile.PhraseProblem(command.PhraseList()) is null)
                .WithMessage(command => $"Check the phrases: {ThresholdDocumentFile.PhraseProblem(command.PhraseList())}");
        }

        private const int PhrasesMaxLength = ThresholdLexicon.MaxPhrasesPerIndicator * (ThresholdLexicon.PhraseMaxLength + 2);
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var draft = await db.DraftForEditAsync(request.DocumentId, request, nameof(Command.Text), cancellationToken);
            if (draft is null)
            {
                return CommandResult.NotFound;
            }

            var code = request.Code!.Trim();
            var text = request.Text!.Trim();
            var route = string.IsNullOrWhiteSpace(request.Route) ? null : request.Route.Trim();
            var phrases = request.PhraseList();
            if (draft.SubDomains.All(s => s.Code != request.SubDomainCode))
            {
                throw new RequestValidationException(request,
                    [new ValidationFailure(nameof(Command.SubDomainCode), "Choose a sub-domain from the list")]);
            }

            var existing = string.IsNullOrEmpty(request.OriginalCode) ? null : draft.FindIndicator(request.OriginalCode)
                ?? throw new RequestValidationException(request,
                    [new ValidationFailure(nameof(Command.Code), "This indicator is no longer in the draft")]);
            if (existing?.Code != code && draft.FindIndicator(code) is not null)
            {
                throw new RequestValidationException(request,
                    [new ValidationFailure(nameof(Command.Code), $"There is already an indicator with the code {code}")]);
            }

            if (existing is null)
            {
                draft.Indicators.Add(new ThresholdIndicator
                {
                    Code = code, Level = request.Level!.Value, SubDomainCode = request.SubDomainCode!, Text = text,
                    Order = draft.Indicators.Count == 0 ? 0 : draft.Indicators.Max(i => i.Order) + 1, Kind = request.Kind, Route = route,
                    Phrases = phrases,
                });
                audit.Record(ConfigurationEvents.ThresholdIndicatorAdded, nameof(ThresholdDocument), draft.Id.ToString(),
                    $"Version {draft.Version}: {code} at {request.Level!.Value.Number()}: {text}");
            }
            else if (existing.Code != code)
            {
                // The code is the owned row's key: a new code is a new row in the same place.
                draft.Indicators.Remove(existing);
                draft.Indicators.Add(new ThresholdIndicator { Code = code, Level = request.Level!.Value,
                    SubDomainCode = request.SubDomainCode!, Text = text, Order = existing.Order, Kind = request.Kind, Route = route,
                    Phrases = phrases });
                audit.Record(ConfigurationEvents.ThresholdIndicatorChanged, nameof(ThresholdDocument), draft.Id.ToString(),
                    $"Version {draft.Version}: {existing.Code} is now {code} at {request.Level!.Value.Number()}: {text}");
            }
            else
            {
                var phrasesBefore = existing.Phrases.Count;
                (existing.Level, existing.SubDomainCode, existing.Text, existing.Kind, existing.Route, existing.Phrases) =
                    (request.Level!.Value, request.SubDomainCode!, text, request.Kind, route, phrases);
                audit.Record(ConfigurationEvents.ThresholdIndicatorChanged, nameof(ThresholdDocument), draft.Id.ToString(),
                    $"Version {draft.Version}: {code} at {request.Level!.Value.Number()}: {text} " +
                    $"({phrasesBefore} phrases before, {phrases.Count} now)");
            }

            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }

    public sealed record Retire(Guid DocumentId, string Code) : ICommand<CommandResult>;

    public sealed class RetireHandler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Retire, CommandResult>
    {
        public async Task<CommandResult> Handle(Retire request, CancellationToken cancellationToken)
        {
            var draft = await db.DraftForEditAsync(request.DocumentId, request, string.Empty, cancellationToken);
            if (draft is null)
            {
                return CommandResult.NotFound;
            }

            var indicator = draft.FindIndicator(request.Code)
                ?? throw new RequestValidationException(request,
                    [new ValidationFailure(string.Empty, "This indicator is no longer in the draft")]);
            draft.Indicators.Remove(indicator);
            audit.Record(ConfigurationEvents.ThresholdIndicatorRetired, nameof(ThresholdDocument), draft.Id.ToString(),
                $"Version {draft.Version}: {indicator.Code} retired");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
