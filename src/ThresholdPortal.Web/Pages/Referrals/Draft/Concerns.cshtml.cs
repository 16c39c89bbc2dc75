using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>The concerns: what happened and when, risk and protective factors, the analysis, the expected outcome.</summary>
public sealed class ConcernsModel(IMediator mediator) : DraftPageModel, IReloadOnInvalid
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public Levels View { get; private set; } = new(null, null);

    public async Task<IActionResult> OnGetAsync()
    {
        var view = await mediator.Send(new Query(DraftId));
        if (view is null)
        {
            return NotFound();
        }

        (Data, View) = view.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Data.DraftId = DraftId;
        return OutcomeOf(await mediator.Send(Data), () => SavedThenGoTo(ReferralRoutes.Background(DraftId)));
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new Query(DraftId), cancellationToken) is not { } found)
        {
            return false;
        }

        View = found.View;
        return true;
    }

    public sealed record Levels(ThresholdLevel? Suggested, ThresholdLevel? Chosen);

    public sealed record Query(Guid DraftId) : IQuery<(Command Answers, Levels View)?>;

    public sealed class Command : ICommand<CommandResult>
    {
        public Guid DraftId { get; set; }
        public string? WhatHappened { get; set; }
        public string? RiskFactors { get; set; }
        public string? ProtectiveFactors { get; set; }
        public string? Analysis { get; set; }
        public string? ExpectedOutcome { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            const int max = ReferralConcerns.LongAnswerMaxLength;
            RuleFor(c => c.WhatHappened).RequiredAnswer("Describe what happened and when", "What happened", max);
            RuleFor(c => c.RiskFactors).RequiredAnswer("Describe the risks to the children", "Risk factors", max);
            RuleFor(c => c.ProtectiveFactors)
                .RequiredAnswer("Describe what keeps the children safe, or write 'none known'", "Protective factors", max);
            RuleFor(c => c.Analysis).Answer("Your analysis", max);
            RuleFor(c => c.ExpectedOutcome)
                .RequiredAnswer("Say what you expect to happen as a result of this referral", "What you expect to happen", max);
        }
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, (Command Answers, Levels View)?>
    {
        public async Task<(Command Answers, Levels View)?> Handle(Query request, CancellationToken cancellationToken)
        {
            var draft = await db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user)
                .Select(r => new { r.Concerns, r.SuggestedLevel, r.ChosenLevel })
                .SingleOrDefaultAsync(cancellationToken);
            return draft is null
                ? null
                : (new Command
                {
                    WhatHappened = draft.Concerns.WhatHappened,
                    RiskFactors = draft.Concerns.RiskFactors,
                    ProtectiveFactors = draft.Concerns.ProtectiveFactors,
                    Analysis = draft.Concerns.Analysis,
                    ExpectedOutcome = draft.Concerns.ExpectedOutcome,
                }, new Levels(draft.SuggestedLevel, draft.ChosenLevel));
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.OwnDraft(request.DraftId, user).SingleOrDefaultAsync(cancellationToken);
            if (referral is null)
            {
                return CommandResult.NotFound;
            }

            referral.Concerns.WhatHappened = ReferralValidation.Clean(request.WhatHappened);
            referral.Concerns.RiskFactors = ReferralValidation.Clean(request.RiskFactors);
            referral.Concerns.ProtectiveFactors = ReferralValidation.Clean(request.ProtectiveFactors);
            referral.Concerns.Analysis = ReferralValidation.Clean(request.Analysis);
            referral.Concerns.ExpectedOutcome = ReferralValidation.Clean(request.ExpectedOutcome);
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
