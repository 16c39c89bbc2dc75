using MediatR;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.EarlyHelp;

/// <summary>
/// The hub's work with a family as every early help page shows it: children as initials and ages only, the lead
/// professional, the family's answer, the assessment and how it ended.
/// </summary>
public sealed record EarlyHelpCaseView(
    Guid Id, string Reference, Guid ReferralId, Guid? SteppedDownFromCaseId, EarlyHelpCaseStatus Status, DateTimeOffset ReceivedAt,
    DateTimeOffset FirstContactDueAt, DateTimeOffset? FirstContactAt, IReadOnlyList<string> Children, string? LeadProfessional,
    DateTimeOffset? AllocatedAt, string? SiblingReason, DateTimeOffset? ConsentRecordedAt, string? DeclineReason,
    DateOnly? AssessmentStartedOn, DateOnly? AssessmentCompletedOn, DateTimeOffset? ClosedAt, EarlyHelpOutcome? Outcome,
    string? OutcomeNote, DateTimeOffset? SteppedUpAt, string? StepUpReason, Guid? SteppedUpToCaseId, uint Version) : IEarlyHelpFormView
{
    public bool IsOpen => Status.IsOpen();
    public bool IsStepDown => SteppedDownFromCaseId is not null;

    /// <summary>The first contact in words, against its timescale.</summary>
    public string FirstContact(DateTimeOffset now) => FirstContactAt is { } at
        ? $"{UkTime.DateAndTime(at)} ({(at <= FirstContactDueAt ? "within" : "after")} the timescale)"
        : $"Due by {UkTime.DateAndTime(FirstContactDueAt)}{(now > FirstContactDueAt ? ": overdue" : "")}";

    public static async Task<EarlyHelpCaseView?> LoadAsync(PortalDbContext db, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await db.EarlyHelpCases.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                Case = c,
                Lead = db.LeadProfessionals.Where(p => p.Id == c.LeadProfessionalId).Select(p => p.Name).FirstOrDefault(),
                Children = db.ReferralChildren.Where(r => r.ReferralId == c.ReferralId).OrderBy(r => r.Order)
                    .Select(r => new { r.GivenName, r.FamilyName, r.DateOfBirth, r.IsUnborn, r.ExpectedDate }).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var c = found.Case;
        var today = UkTime.DateOf(now);
        return new EarlyHelpCaseView(c.Id, c.Reference, c.ReferralId, c.SteppedDownFromCaseId, c.Status, c.ReceivedAt, c.FirstContactDueAt,
            c.FirstContactAt,
            [.. found.Children.Select(k => QueueChild.Describe(k.GivenName, k.FamilyName, k.DateOfBirth, k.IsUnborn,
                today, k.ExpectedDate))],
            found.Lead, c.AllocatedAt, c.SiblingReason, c.ConsentRecordedAt, c.DeclineReason, c.AssessmentStartedOn,
            c.AssessmentCompletedOn,
            c.ClosedAt, c.Outcome, c.OutcomeNote, c.SteppedUpAt, c.StepUpReason, c.SteppedUpToCaseId, c.Version);
    }

    /// <summary>The view a form about one family shows, or null when there is no such work.</summary>
    public sealed record Query(Guid Id) : IQuery<EarlyHelpCaseView?>;

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : IRequestHandler<Query, EarlyHelpCaseView?>
    {
        public Task<EarlyHelpCaseView?> Handle(Query request, CancellationToken cancellationToken) =>
            LoadAsync(db, request.Id, clock.GetUtcNow(), cancellationToken);
    }
}
