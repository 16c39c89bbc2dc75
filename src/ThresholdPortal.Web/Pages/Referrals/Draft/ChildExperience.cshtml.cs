using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>The child's experience: how the concerns affect them, their own voice, their siblings' experiences.</summary>
public sealed class ChildExperienceModel(IMediator mediator) : DraftPageModel, IReloadOnInvalid
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public string ChildName { get; private set; } = string.Empty;
    public bool HasSiblings { get; private set; }

    [FromRoute]
    public Guid ChildId { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var view = await mediator.Send(new Query(DraftId, ChildId));
        if (view is null)
        {
            return NotFound();
        }

        (Data, ChildName, HasSiblings) = view.Value;
        return Page();
    }

    /// <summary>Shown again with errors: the child's name and whether they have siblings, around what was typed.</summary>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new Query(DraftId, ChildId), cancellationToken) is not { } view)
        {
            return false;
        }

        (_, ChildName, HasSiblings) = view;
        return true;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Data.DraftId = DraftId;
        Data.ChildId = ChildId;
        return OutcomeOf(await mediator.Send(Data), saved => saved switch
        {
            { NextChild: { } next } when !CameFromCheckAnswers => Redirect(ReferralRoutes.ChildDetails(DraftId, next)),
            _ => SavedThenGoTo(ReferralRoutes.TaskList(DraftId)),
        });
    }

    public sealed record Query(Guid DraftId, Guid ChildId) : IQuery<(Command Answers, string ChildName, bool HasSiblings)?>;

    /// <summary>Saved; <see cref="NextChild"/> is the next child whose section is not finished.</summary>
    public sealed record Saved(Guid? NextChild);

    public sealed class Command : ICommand<CommandResult<Saved>>
    {
        public Guid DraftId { get; set; }
        public Guid ChildId { get; set; }
        public string? HowConcernsAffectChild { get; set; }
        public string? ChildsVoice { get; set; }
        public string? SiblingsExperiences { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HowConcernsAffectChild)
                .RequiredAnswer("Describe how the concerns affect the child", "How the concerns affect the child",
                ReferralConcerns.LongAnswerMaxLength);
            RuleFor(c => c.ChildsVoice).Answer("The child's voice", ReferralConcerns.LongAnswerMaxLength);
            RuleFor(c => c.SiblingsExperiences).Answer("Brothers' and sisters' experiences", ReferralConcerns.LongAnswerMaxLength);
        }
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query,
        (Command Answers, string ChildName, bool HasSiblings)?>
    {
        public async Task<(Command Answers, string ChildName, bool HasSiblings)?> Handle(Query request, CancellationToken cancellationToken)
        {
            var children = await db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user)
                .Select(r => r.Children.ToList()).SingleOrDefaultAsync(cancellationToken);
            var child = children?.SingleOrDefault(c => c.Id == request.ChildId);
            return child is null
                ? null
                : (new Command { HowConcernsAffectChild = child.HowConcernsAffectChild, ChildsVoice = child.ChildsVoice,
                    SiblingsExperiences = child.SiblingsExperiences },
                    child.DisplayName, children!.Count > 1);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, CommandResult<Saved>>
    {
        public async Task<CommandResult<Saved>> Handle(Command request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.OwnDraft(request.DraftId, user).Include(r => r.Children)
                .SingleOrDefaultAsync(cancellationToken);
            var child = referral?.Children.SingleOrDefault(c => c.Id == request.ChildId);
            if (referral is null || child is null)
            {
                return CommandResult.NotFound;
            }

            child.HowConcernsAffectChild = ReferralValidation.Clean(request.HowConcernsAffectChild);
            child.ChildsVoice = ReferralValidation.Clean(request.ChildsVoice);
            child.SiblingsExperiences = ReferralValidation.Clean(request.SiblingsExperiences);
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            var next = referral.Children.OrderBy(c => c.Order)
                .FirstOrDefault(c => c.Order > child.Order && !(c.DetailsComplete && c.ExperienceComplete));
            return CommandResult.SavedWith(new Saved(next?.Id));
        }
    }
}
