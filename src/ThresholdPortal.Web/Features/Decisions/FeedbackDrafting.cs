using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Decisions;

/// <summary>
/// Drafts the referrer's feedback when a decision is approved, in the approval's own transaction: the
/// outcome in plain words, the reasons, the MASH's level beside the referrer's in the local names of the
/// threshold document the referral used, and early help services for the children's ages where the
/// statutory threshold is not met. The practitioner edits and sends it from the feedback pages.
/// </summary>
public static class FeedbackDrafting
{
    /// <summary>At most this many services are suggested, so the feedback stays readable.</summary>
    public const int MaxServices = 4;

    /// <summary>Builds the draft; the caller adds it to the context (<c>db.ReferrerFeedback.Add</c>) and saves.</summary>
    public static async Task<ReferrerFeedback> DraftAsync(PortalDbContext db, MashCase mashCase, CaseDecision decision,
        ServiceContacts contacts, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mashCase);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(contacts);
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == mashCase.ReferralId)
            .Select(r => new { r.ChosenLevel, r.ThresholdDocumentId })
            .SingleAsync(ct);
        var document = await db.DocumentAsync(referral.ThresholdDocumentId, ct);
        var support = await ServicesForChildrenAsync(db, mashCase.ReferralId, now, ct);
        var children = await ChildNamesAsync(db, mashCase.ReferralId, ct);
        var proposer = await db.Users.Where(u => u.Id == decision.ProposedByUserId)
            .Select(u => new { Name = u.FullName, u.PhoneNumber }).SingleAsync(ct);
        return Build(mashCase, decision, referral.ChosenLevel, document, support, proposer.Name,
            ContactDetails(proposer.PhoneNumber, contacts), now, children);
    }

    /// <summary>A referral's children by name as the referral gives them, in its order.</summary>
    public static async Task<IReadOnlyList<FeedbackDraft.NamedChild>> ChildNamesAsync(PortalDbContext db, Guid referralId,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var children = await db.ReferralChildren.AsNoTracking().Where(c => c.ReferralId == referralId).OrderBy(c => c.Order)
            .ToListAsync(ct);
        return [.. children.Select(c => new FeedbackDraft.NamedChild(c.Id, c.DisplayName))];
    }

    /// <summary>The named worker's direct line where one is recorded, otherwise the MASH's line and mailbox.</summary>
    public static string ContactDetails(string? directLine, ServiceContacts contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        return string.IsNullOrWhiteSpace(directLine)
            ? $"Through the MASH on {contacts.MashPhone} or {contacts.MashEmail}"
            : $"Direct line {directLine.Trim()}";
    }

    /// <summary>The draft row from what <see cref="DraftAsync"/> loads; every text is cut to its column's limit.</summary>
    public static ReferrerFeedback Build(
        MashCase mashCase, CaseDecision decision, ThresholdLevel? referrerLevel, ThresholdDocument document,
            IReadOnlyList<EarlyHelpService> support,
        string contactName, string contactDetails, DateTimeOffset now, IReadOnlyList<FeedbackDraft.NamedChild> children)
    {
        ArgumentNullException.ThrowIfNull(mashCase);
        ArgumentNullException.ThrowIfNull(document);
        var text = FeedbackDraft.From(decision, referrerLevel, level => document.Describe(level).Name, support, children);
        return new ReferrerFeedback
        {
            CaseId = mashCase.Id,
            ReferralId = mashCase.ReferralId,
            DecisionId = decision.Id,
            OutcomeSummary = Fit(text.OutcomeSummary, ReferrerFeedback.OutcomeMaxLength),
            Reasons = Fit(text.Reasons, ReferrerFeedback.ReasonsMaxLength),
            LevelExplanation = Fit(text.LevelExplanation, ReferrerFeedback.LevelExplanationMaxLength),
            OtherSupport = text.OtherSupport is null ? null : Fit(text.OtherSupport, ReferrerFeedback.OtherSupportMaxLength),
            ContactName = Fit(contactName, ReferrerFeedback.ContactNameMaxLength),
            ContactDetails = Fit(contactDetails, ReferrerFeedback.ContactDetailsMaxLength),
            DraftedAt = now,
        };
    }

    /// <summary>Active early help services serving any of the children's ages (any service when no age is known).</summary>
    private static async Task<IReadOnlyList<EarlyHelpService>> ServicesForChildrenAsync(PortalDbContext db, Guid referralId,
        DateTimeOffset now, CancellationToken ct)
    {
        var today = MashDisplay.Today(now);
        var births = await db.ReferralChildren.AsNoTracking().Where(c => c.ReferralId == referralId && c.DateOfBirth != null)
            .Select(c => c.DateOfBirth!.Value).ToListAsync(ct);
        var ages = births.Select(born => born > today ? 0 : QueueChild.YearsBetween(born, today)).Distinct().ToList();
        var services = await db.EarlyHelpServices.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).ToListAsync(ct);
        return [.. services.Where(s => ages.Count == 0 || ages.Any(s.Serves)).Take(MaxServices)];
    }

    private static string Fit(string text, int maxLength) => text.Length <= maxLength ? text : text[..maxLength];
}
