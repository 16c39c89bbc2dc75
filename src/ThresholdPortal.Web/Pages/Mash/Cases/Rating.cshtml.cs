using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Mash.Cases;

/// <summary>Records a BRAG rating with its reason; every later change records why too. The deadline follows the rating.</summary>
public sealed class RatingModel(IMediator mediator, TimeProvider clock)
    : CaseFormModel<RatingModel.Rate, RatingModel.Result>(mediator, clock)
{
    protected override IRequest<Result?> ViewQuery(Guid caseId) => new Query(caseId);

    public sealed record Query(Guid CaseId) : IQuery<Result?>;

    public sealed record Option(BragRating Rating, string Hint);

    public sealed record Result(Guid CaseId, string Reference, BragRating? Current, bool IsOpen, uint Version,
        IReadOnlyList<Option> Options) : ICaseFormView;

    public sealed class Rate : ICommand<CommandResult>, ICaseChange
    {
        public Guid CaseId { get; set; }
        public uint Version { get; set; }
        public long OpenedAt { get; set; }
        public BragRating? Rating { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Rate>
    {
        public Validator()
        {
            RuleFor(r => r.Rating).NotNull().WithMessage("Select a BRAG rating").IsInEnum().WithMessage("Select a BRAG rating");
            RuleFor(r => r.Reason).NotEmpty().WithMessage("Say why you gave this rating")
                .MaximumLength(BragRatingChange.ReasonMaxLength)
                    .WithMessage($"The reason must be {BragRatingChange.ReasonMaxLength:N0} characters or fewer");
        }
    }

    public sealed class QueryHandler(PortalDbContext db, DecisionClock decisionClock) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var found = await db.MashCases.AsNoTracking().Where(c => c.Id == request.CaseId)
                .Select(c => new { c.Id, c.Reference, c.Rating, c.Status, c.ReceivedAt, c.Version })
                .SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return null;
            }

            // Each option says what it would mean for this case's deadline, counted from its receipt.
            var options = new[] { BragRating.Red, BragRating.Amber, BragRating.Green, BragRating.Blue }
                .Select(rating =>
                    new Option(rating, $"{rating.Meaning()}. " + (decisionClock.DeadlineFor(found.ReceivedAt, rating) is { } due
                    ? $"Decision due by {MashDisplay.Long(due)}."
                    : "No decision target.")))
                .ToList();
            return new Result(found.Id, found.Reference, found.Rating, found.Status.IsOpen(), found.Version, options);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock, DecisionClock decisionClock)
        : IRequestHandler<Rate, CommandResult>
    {
        public Task<CommandResult> Handle(Rate request, CancellationToken cancellationToken) =>
            CaseChanges.ChangeAsync(db, request, mashCase =>
            {
                var previous = mashCase.Rating;
                mashCase.Rate(request.Rating!.Value, request.Reason!, user.Id, clock.GetUtcNow(), decisionClock);
                audit.Record(CaseEvents.Rated, CaseEvents.SubjectType, mashCase.Id.ToString(),
                    previous is null ? $"{mashCase.Rating}" : $"{mashCase.Rating} (was {previous})");
            }, cancellationToken);
    }
}
