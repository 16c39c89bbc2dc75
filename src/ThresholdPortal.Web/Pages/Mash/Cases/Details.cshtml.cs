using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Mash.Cases;

/// <summary>
/// The case record: where the case stands, the people named and who they are known to be, the referral
/// exactly as it was sent (attachments included), the rating history and the timeline. Every view is
/// written to the access log.
/// </summary>
public sealed class DetailsModel(IMediator mediator, TimeProvider clock) : CasePageModel
{
    public CaseView View { get; private set; } = null!;

    [BindProperty]
    public Claim Data { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostClaimAsync(Guid id)
    {
        Data.CaseId = id;
        return await OutcomeAsync(await mediator.Send(Data), id, () => LoadAsync(id));
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var view = await mediator.Send(new Query(id), HttpContext.RequestAborted);
        if (view is null)
        {
            return false;
        }

        View = view;
        Data.Stamp(id, view.Case.Version, Now(clock));
        return true;
    }

    public sealed record Query(Guid CaseId) : IQuery<CaseView?>;

    public sealed record RatingRow(BragRating Rating, BragRating? Previous, string Reason, string By, DateTimeOffset At);

    public sealed record CaseView(
        MashCase Case,
        string From,
        string? AssignedTo,
        bool AssignedToMe,
        ReferralSummary Referral,
        IReadOnlyList<RatingRow> Ratings,
        CasePeople.People People,
        IReadOnlyList<CaseTimeline.Entry> Timeline,
        DateTimeOffset Now);

    /// <summary>Takes an unassigned case: screening starts.</summary>
    public sealed class Claim : ICommand<CommandResult>, ICaseChange
    {
        public Guid CaseId { get; set; }
        public uint Version { get; set; }
        public long OpenedAt { get; set; }
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock,
        IOptions<TriageOptions> options, ReadCache cache)
        : IRequestHandler<Query, CaseView?>
    {
        /// <summary>How long an organisation's new name may take to show on another instance's case records.</summary>
        public static readonly TimeSpan NameKeep = TimeSpan.FromMinutes(1);

        public async Task<CaseView?> Handle(Query request, CancellationToken cancellationToken)
        {
            var mashCase = await db.MashCases.AsNoTracking().Include(c => c.RatingHistory)
                .SingleOrDefaultAsync(c => c.Id == request.CaseId, cancellationToken);
            if (mashCase is null)
            {
                return null;
            }

            // Recorded before anything is shown, so no one reads a case without leaving a trace.
            await audit.RecordNowAsync(CaseEvents.Viewed, CaseEvents.SubjectType, mashCase.Id.ToString(),
                cancellationToken: cancellationToken);

            var summary = (await ReferralSummary.LoadAsync(db, db.Referrals.Where(r => r.Id == mashCase.ReferralId), editable: false,
                cancellationToken))!
                with { AttachmentLink = attachmentId => MashRoutes.Attachment(mashCase.Id, attachmentId) };
            var from = mashCase.ReferringOrganisationId is { } organisationId
                ? await cache.GetOrReadAsync(typeof(Domain.Organisations.Organisation), $"name:{organisationId}", NameKeep,
                    () => db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken))
                : $"{mashCase.Channel.DisplayName()} contact";
            // The assignee and every rater, in one read.
            var people = mashCase.RatingHistory.Select(r => r.RatedByUserId).Append(mashCase.AssignedToUserId ?? Guid.Empty)
                .Distinct().ToList();
            var names = await db.Users.Where(u => people.Contains(u.Id)).Select(u => new { u.Id, u.FullName })
                .ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
            var assignedTo = mashCase.AssignedToUserId is { } assignee ? names.GetValueOrDefault(assignee) : null;
            var ratings = mashCase.RatingHistory.OrderByDescending(r => r.RatedAt)
                .Select(r =>
                    new RatingRow(r.Rating, r.PreviousRating, r.Reason, names.GetValueOrDefault(r.RatedByUserId, "Unknown"), r.RatedAt))
                .ToList();
            var subjects = CasePeople.SubjectsOf(summary.Referral.Children, summary.Referral.Adults);
            var known = await CasePeople.LoadAsync(db, mashCase, subjects, options.Value.ReReferralWindowMonths, cancellationToken);
            var timeline = await CaseTimeline.LoadAsync(db, mashCase.Id, mashCase.ReferralId, cancellationToken);
            return new CaseView(mashCase, from, assignedTo, mashCase.AssignedToUserId == user.Id, summary, ratings, known, timeline,
                clock.GetUtcNow());
        }
    }

    public sealed class ClaimHandler(PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock) : IRequestHandler<Claim,
        CommandResult>
    {
        public Task<CommandResult> Handle(Claim request, CancellationToken cancellationToken) =>
            CaseChanges.ChangeAsync(db, request, mashCase =>
            {
                mashCase.Claim(user.Id, clock.GetUtcNow());
                audit.Record(CaseEvents.Claimed, CaseEvents.SubjectType, mashCase.Id.ToString(), $"By {user.FullName}");
            }, cancellationToken);
    }
}
