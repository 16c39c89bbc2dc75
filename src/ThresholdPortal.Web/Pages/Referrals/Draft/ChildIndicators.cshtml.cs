using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>
/// The threshold guidance for one child: pick the signs of need, grouped by the assessment triangle. The referrer can ask for
/// the statements their own words suggest (docs/decisions/0121), and tick or turn down each one; nothing is ticked for them.
/// </summary>
public sealed class ChildIndicatorsModel(IMediator mediator) : DraftPageModel, IReloadOnInvalid
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public Result View { get; private set; } = null!;

    [FromRoute]
    public Guid ChildId { get; set; }

    /// <summary>Show the suggestions from what the referrer wrote: set after "Suggest statements" and after each answer.</summary>
    [FromQuery(Name = "suggest")]
    public bool ShowSuggestions { get; set; }

    public SuggestedIndicators.Result Suggestions { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(HttpContext.RequestAborted))
        {
            return NotFound();
        }

        Data = new Command { IndicatorCodes = [.. View.Selected] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Data.DraftId = DraftId;
        Data.ChildId = ChildId;
        return OutcomeOf(await mediator.Send(Data), () => StayInChange(ReferralRoutes.Children(DraftId)));
    }

    /// <summary>Saves the ticks as they stand, then shows the page again with the suggestions.</summary>
    public async Task<IActionResult> OnPostSuggestAsync()
    {
        Data.DraftId = DraftId;
        Data.ChildId = ChildId;
        ShowSuggestions = true;
        return OutcomeOf(await mediator.Send(Data), WithSuggestions);
    }

    /// <summary>A suggestion ticked ("accept:code") or turned down ("reject:code"), with the page's other ticks saved.</summary>
    public async Task<IActionResult> OnPostRespondAsync(string? decision)
    {
        ShowSuggestions = true;
        var (verb, code) = decision?.Split(':', 2) is [var v, var c] ? (v, c) : (string.Empty, null);
        var respond = new SuggestedIndicators.Respond
        {
            DraftId = DraftId, ChildId = ChildId, IndicatorCode = verb is "accept" or "reject" ? code : null, Accept = verb == "accept",
            IndicatorCodes = Data.IndicatorCodes,
        };
        return OutcomeOf(await mediator.Send(respond), WithSuggestions);
    }

    private IActionResult WithSuggestions() =>
        RedirectToPage(null, null, new { draftId = DraftId, childId = ChildId, suggest = true, from = From }, "suggestions");

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new Query(DraftId, ChildId), cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        Suggestions = await mediator.Send(new SuggestedIndicators.Query(DraftId, ChildId), cancellationToken)
            ?? throw new InvalidOperationException("The draft was found for its indicators but not for its suggestions.");
        return true;
    }

    public sealed record Query(Guid DraftId, Guid ChildId) : IQuery<Result?>;

    public sealed record Result(string ChildName, ThresholdDocument Document, IReadOnlyList<string> Selected);

    public sealed class Command : ICommand<CommandResult>
    {
        public Guid DraftId { get; set; }
        public Guid ChildId { get; set; }
        public List<string> IndicatorCodes { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db)
        {
            RuleFor(c => c.IndicatorCodes).Must(codes => codes.Count <= 200).WithMessage("Select fewer indicators");
            RuleForEach(c => c.IndicatorCodes).MaximumLength(ThresholdIndicator.CodeMaxLength)
                .WithMessage("Select indicators from the list");
            // A code the draft's document does not have is refused, not dropped: a partner system sending one must know.
            RuleFor(c => c.IndicatorCodes).CustomAsync(async (codes, context, cancellationToken) =>
            {
                var documentId = codes.Count == 0 || codes.Count > 200 ? null : await db.Referrals
                    .Where(r => r.Id == context.InstanceToValidate.DraftId).Select(r => (Guid?)r.ThresholdDocumentId)
                    .SingleOrDefaultAsync(cancellationToken);
                if (documentId is { } id)
                {
                    var known = (await db.DocumentAsync(id, cancellationToken)).Indicators.Select(i => i.Code)
                        .ToHashSet(StringComparer.Ordinal);
                    var unknown = codes.Where(c => !known.Contains(c)).Distinct().Take(5).ToList();
                    if (unknown.Count > 0)
                    {
                        context.AddFailure(nameof(Command.IndicatorCodes),
                            $"Select indicators from the list: {string.Join(", ", unknown)} is not in the threshold document");
                    }
                }
            });
        }
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            // A join to the one child: picking it inside the projection would number every child stored (ADR 0137).
            var draft = await (
                from r in db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user)
                join c in db.ReferralChildren.Where(c => c.Id == request.ChildId) on r.Id equals c.ReferralId
                select new { r.ThresholdDocumentId, Child = c })
                .SingleOrDefaultAsync(cancellationToken);
            if (draft?.Child is null)
            {
                return null;
            }

            var document = await db.DocumentAsync(draft.ThresholdDocumentId, cancellationToken);
            return new Result(draft.Child.DisplayName, document, draft.Child.IndicatorCodes);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.OwnDraft(request.DraftId, user).Include(r => r.Children)
                .SingleOrDefaultAsync(cancellationToken);
            var child = referral?.Children.SingleOrDefault(c => c.Id == request.ChildId);
            if (referral is null || child is null)
            {
                return CommandResult.NotFound;
            }

            var document = await db.DocumentOfAsync(referral, cancellationToken);
            referral.TickIndicators(child, document, request.IndicatorCodes);
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
