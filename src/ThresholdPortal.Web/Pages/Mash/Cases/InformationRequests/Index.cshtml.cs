using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Matching;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Mash.Cases.InformationRequests;

/// <summary>
/// The case's multi-agency checks: the agency checklist (each agency asked, or why not), and every request
/// with the agencies' responses collated in one place, beside the referral in brief. When every agency on
/// the checklist has a request or a reason, the case can move on to its decision.
/// </summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock) : CasePageModel
{
    public ChecksView View { get; private set; } = null!;

    [BindProperty]
    public ReadyForDecision Data { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Data.CaseId = id;
        var result = await mediator.Send(Data);
        if (result.IsSaved)
        {
            TempData.SetNotice("All agencies are considered: the case is ready for its decision");
        }

        return await OutcomeAsync(result, id, () => LoadAsync(id));
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var view = await mediator.Send(new Query(id), HttpContext.RequestAborted);
        if (view is null)
        {
            return false;
        }

        View = view;
        Data.Stamp(id, view.Version, Now(clock));
        return true;
    }

    public sealed record Query(Guid CaseId) : IQuery<ChecksView?>;

    public sealed record NotNeededView(string Reason, string By, DateTimeOffset At);

    public sealed record ChecklistRow(
        string Key, string Name, string? Description, AgencyCheckStatus Status, bool OnChecklist, IReadOnlyList<RequestView> Requests,
            NotNeededView? NotNeeded);

    public sealed record ChildInBrief(string Name, DateOnly? DateOfBirth, bool IsUnborn);

    public sealed record ChecksView(
        Guid CaseId,
        string Reference,
        BragRating? Rating,
        MashCaseStatus Status,
        uint Version,
        bool CanAsk,
        AgencyChecklist Checklist,
        IReadOnlyList<ChecklistRow> Rows,
        IReadOnlyList<RequestView> Requests,
        string From,
        IReadOnlyList<ChildInBrief> Children,
        string? WhatHappened,
        DateTimeOffset Now)
    {
        public bool CanMoveToDecision => Status == MashCaseStatus.AwaitingInformation && Checklist.IsReadyForDecision;
    }

    /// <summary>The practitioner says the checks are done: only a complete checklist lets the case move to its decision.</summary>
    public sealed class ReadyForDecision : ICommand<CommandResult>, ICaseChange
    {
        public Guid CaseId { get; set; }
        public uint Version { get; set; }
        public long OpenedAt { get; set; }
    }

    public sealed class QueryHandler(PortalDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<Query, ChecksView?>
    {
        public async Task<ChecksView?> Handle(Query request, CancellationToken cancellationToken)
        {
            var mashCase = await db.MashCases.AsNoTracking()
                .Where(c => c.Id == request.CaseId)
                .Select(c => new { c.Id, c.Reference, c.Rating, c.Status, c.Version, c.ReferralId, c.ReferringOrganisationId, c.Channel })
                .SingleOrDefaultAsync(cancellationToken);
            if (mashCase is null)
            {
                return null;
            }

            // The agencies' answers are case information: reading them is a view of the case, and logged first.
            await audit.RecordNowAsync(CaseEvents.Viewed, CaseEvents.SubjectType, mashCase.Id.ToString(), "Information requests",
                cancellationToken);

            var now = clock.GetUtcNow();
            var checklist = await CaseInformationChecks.ChecklistAsync(db, mashCase.Id, cancellationToken);
            var agencies = await db.PartnerAgencies.AsNoTracking().ToDictionaryAsync(a => a.Key, cancellationToken);
            var requests = await RequestViews.LoadAsync(db, db.InformationRequests.Where(r => r.CaseId == mashCase.Id), now,
                (_, attachmentId) => InformationRequestRoutes.MashAttachment(mashCase.Id, attachmentId), cancellationToken);
            var reasons = await db.AgencyChecksNotNeeded.AsNoTracking()
                .Where(n => n.CaseId == mashCase.Id)
                .Select(n => new
                {
                    n.AgencyKey,
                    View = new NotNeededView(n.Reason,
                        db.Users.Where(u => u.Id == n.RecordedByUserId).Select(u => u.FullName).FirstOrDefault()
                        ?? "Unknown", n.RecordedAt),
                })
                .ToDictionaryAsync(n => n.AgencyKey, n => n.View, cancellationToken);
            var rows = checklist.Agencies.Select(a =>
            {
                var configured = agencies.GetValueOrDefault(a.Key);
                return new ChecklistRow(a.Key, a.Name, configured?.Description, a.Status, configured?.IsActive == true,
                    [.. requests.Where(r => r.AgencyKey == a.Key)], reasons.GetValueOrDefault(a.Key));
            }).ToList();

            var referral = await db.Referrals.AsNoTracking()
                .Where(r => r.Id == mashCase.ReferralId)
                .Select(r => new
                {
                    r.Concerns.WhatHappened,
                    Children = r.Children.OrderBy(c => c.Order)
                        .Select(c => new { c.GivenName, c.FamilyName, c.IsUnborn, c.DateOfBirth, c.ExpectedDate }).ToList(),
                })
                .SingleAsync(cancellationToken);
            var from = mashCase.ReferringOrganisationId is { } organisationId
                ? await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken)
                : $"{mashCase.Channel.DisplayName()} contact";
            var children = referral.Children
                .Select(c =>
                    new ChildInBrief(PersonName.AsWritten(c.GivenName, c.FamilyName) is { Length: > 0 } name ? name : "Child",
                    c.IsUnborn ? c.ExpectedDate : c.DateOfBirth, c.IsUnborn))
                .ToList();

            return new ChecksView(mashCase.Id, mashCase.Reference, mashCase.Rating, mashCase.Status, mashCase.Version,
                CaseChecks.IsGatheringInformation(mashCase.Status), checklist, rows, requests, from, children, referral.WhatHappened, now);
        }
    }

    public sealed class ReadyForDecisionHandler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<ReadyForDecision, CommandResult>
    {
        public Task<CommandResult> Handle(ReadyForDecision request, CancellationToken cancellationToken) =>
            CaseChanges.ChangeAsync(db, request, async mashCase =>
            {
                var checklist = await CaseInformationChecks.ChecklistAsync(db, mashCase.Id, cancellationToken);
                mashCase.MoveToDecision(checklist);
                audit.Record(InformationRequestEvents.MovedToDecision, CaseEvents.SubjectType, mashCase.Id.ToString(),
                    $"{checklist.Agencies.Count(a => a.Status == AgencyCheckStatus.Requested)} agencies asked, "
                    + $"{checklist.Agencies.Count(a => a.Status == AgencyCheckStatus.NotNeeded)} not needed");
                return null;
            }, cancellationToken);
    }
}
