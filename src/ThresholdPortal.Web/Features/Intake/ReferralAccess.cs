using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Features.Intake;

/// <summary>
/// Who may see which referral. A draft is its author's alone. A sent referral is its author's, and their
/// colleagues' when the organisation shares referrals. Anything else is "not found", never "forbidden",
/// so a guessed reference reveals nothing.
/// </summary>
public static class ReferralAccess
{
    public static IQueryable<Referral> OwnDraft(this IQueryable<Referral> referrals, Guid draftId, ICurrentUser user) =>
        referrals.Where(r => r.Id == draftId && r.ReferrerUserId == user.Id && r.Status == ReferralStatus.Draft);

    /// <summary>The user's own referrals (drafts included) and, where their organisation shares referrals, colleagues' sent ones.</summary>
    public static IQueryable<Referral> VisibleTo(this IQueryable<Referral> referrals, PortalDbContext db, ICurrentUser user) =>
        referrals.Where(r => r.ReferrerUserId == user.Id
            || (r.Status != ReferralStatus.Draft
                && r.ReferringOrganisationId == user.OrganisationId
                && db.Organisations.Any(o => o.Id == user.OrganisationId && o.SharedReferralVisibility)));

    public static IQueryable<Referral> SentVisibleTo(this IQueryable<Referral> referrals, PortalDbContext db, ICurrentUser user) =>
        referrals.VisibleTo(db, user).Where(r => r.Status != ReferralStatus.Draft);

    /// <summary>
    /// <see cref="SentVisibleTo"/> as its two sides, which do not overlap: the user's own sent referrals, and their colleagues'
    /// where the organisation shares referrals. A list reads each side newest first from its own partial index and merges
    /// them; as one OR, PostgreSQL reads and sorts every referral on both sides.
    /// </summary>
    public static (IQueryable<Referral> Own, IQueryable<Referral> Colleagues) SentSidesVisibleTo(this IQueryable<Referral> referrals,
        PortalDbContext db, ICurrentUser user) =>
    (
        referrals.Where(r => r.ReferrerUserId == user.Id && r.Status != ReferralStatus.Draft),
        referrals.Where(r => r.ReferrerUserId != user.Id
            && r.Status != ReferralStatus.Draft
            && r.ReferringOrganisationId == user.OrganisationId
            && db.Organisations.Any(o => o.Id == user.OrganisationId && o.SharedReferralVisibility))
    );
}

/// <summary>Loads what several draft handlers need alongside the draft.</summary>
public static class DraftLoading
{
    /// <summary>The threshold document version the draft is judged against, with its levels and indicators.</summary>
    public static Task<ThresholdDocument> DocumentOfAsync(this PortalDbContext db, Referral referral,
        CancellationToken cancellationToken) =>
        db.DocumentAsync(referral.ThresholdDocumentId, cancellationToken);

    /// <summary>The version new referrals are judged against: the highest published; null before any is loaded.</summary>
    public static Task<Guid?> CurrentDocumentIdAsync(this PortalDbContext db, CancellationToken cancellationToken) =>
        db.ThresholdDocuments.Where(d => d.Status == ThresholdDocumentStatus.Published)
            .OrderByDescending(d => d.Version).ThenByDescending(d => d.LoadedAt)
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>One document version, read-only and shared: a published one is read from the database once per app.</summary>
    public static Task<ThresholdDocument> DocumentAsync(this PortalDbContext db, Guid documentId, CancellationToken cancellationToken) =>
        db.PublishedDocuments.GetAsync(db, documentId, cancellationToken);
}
