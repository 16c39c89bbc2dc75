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

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>
/// The categories of concern (mapped to Children in Need factor codes), asked before the suggested level because those
/// that are always child protection raise it (docs/decisions/0112). Ticking one opens its follow-up questions, which must
/// then be answered: the audits found CSE ticked with nothing else said.
/// </summary>
public sealed class CategoriesModel(IMediator mediator) : DraftPageModel
{
    public const string NoneOfThese = "None";

    [BindProperty]
    public Command Data { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var answers = await mediator.Send(new Query(DraftId));
        if (answers is null)
        {
            return NotFound();
        }

        Data = answers;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Data.DraftId = DraftId;
        return OutcomeOf(await mediator.Send(Data), () => SavedThenGoTo(ReferralRoutes.Level(DraftId)));
    }

    public sealed record Query(Guid DraftId) : IQuery<Command?>;

    public sealed class Command : ICommand<CommandResult>
    {
        public Guid DraftId { get; set; }
        public List<string> Categories { get; set; } = [];
        public string? CseDetails { get; set; }
        public string? CsePeopleAndPlaces { get; set; }
        public bool? CseRiskToolCompleted { get; set; }
        public string? CceDetails { get; set; }
        public bool? FgmReportedToPolice { get; set; }
        public string? FgmPoliceReference { get; set; }
        public string? MissingDetails { get; set; }
        public bool? DashCompleted { get; set; }
        public string? OtherDetails { get; set; }

        public bool Has(ConcernCategory category) => Categories.Contains(category.Key);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db)
        {
            const int max = CategoryFollowUps.AnswerMaxLength;
            RuleFor(c => c.Categories).NotEmpty().WithMessage("Select the concerns that apply, or select none of these");
            RuleFor(c => c.Categories).Must(keys => keys.All(k => k == NoneOfThese || ConcernCategory.Find(k) is not null))
                .WithMessage("Select concerns from the list");
            RuleFor(c => c.Categories).Must(keys => !keys.Contains(NoneOfThese) || keys.Count == 1)
                .WithMessage("Select none of these on its own, or untick it");
            RuleFor(c => c.CseDetails).Answer("Child sexual exploitation details", max);
            RuleFor(c => c.CsePeopleAndPlaces).Answer("People and places", max);
            RuleFor(c => c.CceDetails).Answer("Child criminal exploitation details", max);
            RuleFor(c => c.MissingDetails).Answer("Going missing details", max);
            RuleFor(c => c.OtherDetails).Answer("The other concern", max);
            RuleFor(c => c.FgmPoliceReference).Answer("Police reference", CategoryFollowUps.PoliceReferenceMaxLength);
            When(c => c.Has(ConcernCategory.ChildSexualExploitation), () =>
            {
                RuleFor(c => c.CseDetails).NotEmpty().WithMessage("Describe what makes you think the child is being sexually exploited");
                RuleFor(c => c.CsePeopleAndPlaces).NotEmpty()
                    .WithMessage(
                        "Describe the people, places, vehicles or online contacts linked to the exploitation, or write 'not known'");
                RuleFor(c => c.CseRiskToolCompleted).NotNull().WithMessage("Select yes if a CSE risk assessment tool has been completed");
            });
            When(c => c.Has(ConcernCategory.ChildCriminalExploitation), () =>
                RuleFor(c => c.CceDetails).NotEmpty().WithMessage("Describe what makes you think the child is being criminally exploited"));
            When(c => c.Has(ConcernCategory.FemaleGenitalMutilation), () =>
                RuleFor(c => c.FgmReportedToPolice).NotNull().WithMessage("Select yes if you have told the police"));
            When(c => c.Has(ConcernCategory.Missing), () =>
                RuleFor(c => c.MissingDetails).NotEmpty().WithMessage("Describe how often and for how long the child has gone missing"));
            When(c => c.Has(ConcernCategory.DomesticAbuse), () =>
                RuleFor(c => c.DashCompleted).NotNull().WithMessage("Select yes if a DASH risk checklist has been completed"));
            When(c => c.Has(ConcernCategory.Other), () =>
                RuleFor(c => c.OtherDetails).NotEmpty().WithMessage("Describe the other concern"));
            RuleFor(c => c.Categories)
                .MustAsync(async (command, keys, cancellationToken) => keys.Contains(ConcernCategory.FemaleGenitalMutilation.Key)
                    || !await db.Referrals.AnyAsync(r => r.Id == command.DraftId && r.Fgm != null && r.Fgm != FgmConcern.None,
                        cancellationToken))
                .WithMessage("You said FGM is a concern. Select female genital mutilation and say whether you have told the police");
        }
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Command?>
    {
        public async Task<Command?> Handle(Query request, CancellationToken cancellationToken)
        {
            var draft = await db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user)
                .Select(r => new { r.Categories, r.FollowUps, r.Fgm })
                .SingleOrDefaultAsync(cancellationToken);
            if (draft is null)
            {
                return null;
            }

            var f = draft.FollowUps;
            return new Command
            {
                Categories = draft.Categories switch
                {
                    null when draft.Fgm is FgmConcern.Known or FgmConcern.AtRisk => [ConcernCategory.FemaleGenitalMutilation.Key],
                    null => [],
                    [] => [NoneOfThese],
                    var keys => keys,
                },
                CseDetails = f.CseDetails,
                CsePeopleAndPlaces = f.CsePeopleAndPlaces,
                CseRiskToolCompleted = f.CseRiskToolCompleted,
                CceDetails = f.CceDetails,
                FgmReportedToPolice = f.FgmReportedToPolice,
                FgmPoliceReference = f.FgmPoliceReference,
                MissingDetails = f.MissingDetails,
                DashCompleted = f.DashCompleted,
                OtherDetails = f.OtherDetails,
            };
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.OwnDraft(request.DraftId, user).Include(r => r.Children)
                .SingleOrDefaultAsync(cancellationToken);
            if (referral is null)
            {
                return CommandResult.NotFound;
            }

            referral.Categories = [.. ConcernCategory.All.Where(request.Has).Select(c => c.Key)];
            // Answers to questions of an unticked category are not kept: they would describe a concern not raised.
            var f = referral.FollowUps;
            var cse = request.Has(ConcernCategory.ChildSexualExploitation);
            f.CseDetails = cse ? ReferralValidation.Clean(request.CseDetails) : null;
            f.CsePeopleAndPlaces = cse ? ReferralValidation.Clean(request.CsePeopleAndPlaces) : null;
            f.CseRiskToolCompleted = cse ? request.CseRiskToolCompleted : null;
            f.CceDetails = request.Has(ConcernCategory.ChildCriminalExploitation) ? ReferralValidation.Clean(request.CceDetails) : null;
            var fgm = request.Has(ConcernCategory.FemaleGenitalMutilation);
            f.FgmReportedToPolice = fgm ? request.FgmReportedToPolice : null;
            f.FgmPoliceReference = fgm ? ReferralValidation.Clean(request.FgmPoliceReference) : null;
            f.MissingDetails = request.Has(ConcernCategory.Missing) ? ReferralValidation.Clean(request.MissingDetails) : null;
            f.DashCompleted = request.Has(ConcernCategory.DomesticAbuse) ? request.DashCompleted : null;
            f.OtherDetails = request.Has(ConcernCategory.Other) ? ReferralValidation.Clean(request.OtherDetails) : null;
            referral.RefreshSuggestion(await db.DocumentOfAsync(referral, cancellationToken));
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
