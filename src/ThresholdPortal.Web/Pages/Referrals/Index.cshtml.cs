using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.EarlyHelp;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Referrals;

/// <summary>"My referrals": the referrer's drafts to resume, and what they (or shared colleagues) have sent.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public Result View { get; private set; } = null!;

    /// <summary>Shows sent referrals received before this moment: the "older referrals" page.</summary>
    [BindProperty(SupportsGet = true)]
    public DateTimeOffset? Before { get; set; }

    public async Task OnGetAsync() => View = await mediator.Send(new Query(Before));

    public const int PageSize = 50;

    public sealed record Query(DateTimeOffset? SentBefore) : IQuery<Result>;

    public sealed record Result(IReadOnlyList<DraftRow> Drafts, IReadOnlyList<SentRow> Sent, DateTimeOffset? OlderFrom);

    public sealed record DraftRow(Guid Id, IReadOnlyList<string> Children, DateTimeOffset StartedAt, DateTimeOffset SavedAt);

    /// <summary>A sent referral; Progress is where a MASH referral stands for its referrer (<see cref="ReferrerProgress"/>), or an early
    /// help request's status.</summary>
    public sealed record SentRow(string Reference, IReadOnlyList<string> Children, DateTimeOffset SentAt, ReferralKind Kind,
        ReferralStatus Status, string? ReferredBy, string Progress)
    {
        public string Colour =>
            Kind == ReferralKind.EarlyHelpRequest ? EarlyHelpForReferrer.Colour(Progress) : ReferrerProgress.Colour(Progress);
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var drafts = await db.Referrals.AsNoTracking()
                .Where(r => r.ReferrerUserId == user.Id && r.Status == ReferralStatus.Draft)
                .OrderByDescending(r => r.UpdatedAt)
                .Select(r => new
                {
                    r.Id, r.CreatedAt, r.UpdatedAt,
                    Children = r.Children.OrderBy(c => c.Order)
                        .Select(c => new ReferralChild { GivenName = c.GivenName, FamilyName = c.FamilyName, IsUnborn = c.IsUnborn })
                        .ToList(),
                })
                .ToListAsync(cancellationToken);

            // Keyset paging on the receipt time: stable however many referrals arrive meanwhile. The two sides of who may
            // see a sent referral are read apart, each newest first from its own index, merged into the page's keys, and the
            // rows then read by key.
            IQueryable<Referral> Page(IQueryable<Referral> referrals) => referrals
                .Where(r => request.SentBefore == null || r.SubmittedAt < request.SentBefore)
                .OrderByDescending(r => r.SubmittedAt)
                .Take(PageSize + 1);
            var sides = db.Referrals.SentSidesVisibleTo(db, user);
            var (own, colleagues) = (Page(sides.Own), Page(sides.Colleagues));
            var keys = await own.Concat(colleagues).OrderByDescending(r => r.SubmittedAt).Take(PageSize + 1).Select(r => r.Id)
                .ToListAsync(cancellationToken);
            var sent = await db.Referrals.AsNoTracking()
                .Where(r => keys.Contains(r.Id))
                .OrderByDescending(r => r.SubmittedAt)
                .Select(r => new
                {
                    r.Reference, r.SubmittedAt, r.Kind, r.Status, r.ReferrerUserId,
                    ReferredBy = db.Users.Where(u => u.Id == r.ReferrerUserId).Select(u => u.FullName)
                        .FirstOrDefault(),
                    EarlyHelp = db.EarlyHelpCases.Where(c => c.ReferralId == r.Id).OrderByDescending(c => c.ReceivedAt)
                        .Select(c => (EarlyHelpCaseStatus?)c.Status).FirstOrDefault(),
                    // One scalar subquery per column: a FirstOrDefault of several columns numbers the whole table (ADR 0137).
                    CaseStatus = db.MashCases.Where(c => c.ReferralId == r.Id).Select(c => (MashCaseStatus?)c.Status).FirstOrDefault(),
                    ContactOutcome = db.MashCases.Where(c => c.ReferralId == r.Id).Select(c => c.ContactOutcome).FirstOrDefault(),
                    FeedbackState = db.ReferrerFeedback.Where(f => f.ReferralId == r.Id && f.State != FeedbackState.Draft)
                        .OrderByDescending(f => f.SentAt).Select(f => (FeedbackState?)f.State).FirstOrDefault(),
                    EscalationAnswered = db.ReferrerFeedback.Where(f => f.ReferralId == r.Id && f.State != FeedbackState.Draft)
                        .OrderByDescending(f => f.SentAt)
                        .Select(f => db.Escalations.Any(e => e.FeedbackId == f.Id && e.AnsweredAt != null)).FirstOrDefault(),
                    Children = r.Children.OrderBy(c => c.Order)
                        .Select(c => new ReferralChild { GivenName = c.GivenName, FamilyName = c.FamilyName, IsUnborn = c.IsUnborn })
                        .ToList(),
                })
                .ToListAsync(cancellationToken);

            var page = sent.Take(PageSize).ToList();
            return new Result(
                [.. drafts.Select(d => new DraftRow(d.Id, [.. d.Children.Select(c => c.DisplayName)], d.CreatedAt, d.UpdatedAt))],
                [.. page.Select(s =>
                    new SentRow(s.Reference!, [.. s.Children.Select(c => c.DisplayName)], s.SubmittedAt!.Value, s.Kind, s.Status,
                    s.ReferrerUserId == user.Id ? null : s.ReferredBy,
                    s.Kind == ReferralKind.MashReferral
                        ? ReferrerProgress.Of(s.CaseStatus, s.ContactOutcome, s.FeedbackState, s.EscalationAnswered)
                        : s.EarlyHelp is { } help ? EarlyHelpForReferrer.Words(help) : ReferralDisplay.Status(s.Status)))],
                sent.Count > PageSize ? page[^1].SubmittedAt : null);
        }
    }
}
