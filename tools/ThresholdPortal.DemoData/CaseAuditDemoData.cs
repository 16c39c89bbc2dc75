using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Audits;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.CaseAudits;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.DemoData;

/// <summary>
/// The demo auditor, auditor@example.org (Ade Okafor, enrolled with the demo authenticator key), and one
/// audit of the MASH's closed demo cases with about half its sample judged. Runs after the MASH's cases
/// and decisions (order 40) and the information requests (50).
/// </summary>
public sealed class CaseAuditDemoData(PortalDbContext db, UserManager<PortalUser> users, IUserStore<PortalUser> userStore,
    TimeProvider time) : IDemoDataContributor
{
    public const string AuditorEmail = "auditor@example.org";
    public const long DemoSeed = 20261124;


    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var auditor = new PortalUser
        {
            UserName = AuditorEmail, Email = AuditorEmail, EmailConfirmed = true, GivenName = "Ade", FamilyName = "Okafor",
            JobTitle = "Safeguarding partnership quality assurance lead", OrganisationId = context.Organisations.LocalAuthority.Id,
        };
        var created = await users.CreateAsync(auditor, DemoDataSeeder.DemoPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create the demo auditor: "
                + string.Join("; ", created.Errors.Select(e => e.Code)));
        }

        await users.AddToRoleAsync(auditor, PortalRole.Auditor);
        await TwoFactorEnrolment.EnrolWithKeyAsync(users, userStore, auditor, DemoDataSeeder.DemoAuthenticatorKey);

        var closed = await db.MashCases.AsNoTracking()
            .Where(c => c.Outcome != null || c.ContactOutcome == ContactOutcome.ClosedAtContact)
            .Select(c => new { c.Id, c.Outcome, c.ContactOutcome, c.ReceivedAt })
            .ToListAsync(cancellationToken);
        if (closed.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var from = DateOnly.FromDateTime(closed.Min(c => c.ReceivedAt).UtcDateTime);
        var to = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        var populations = closed
            .Select(c => (c.Id, Stratum: AuditStratumExtensions.StratumOf(c.Outcome, c.ContactOutcome)))
            .Where(c => c.Stratum is not null)
            .GroupBy(c => c.Stratum!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)[.. g.Select(c => c.Id)]);
        var audit = CaseAudit.Create("Threshold audit: the last year", from, to, AuditStratumExtensions.All, 5, DemoSeed, populations,
            auditor.Id, now.AddDays(-3));

        // Every other case judged, with a spread of answers so the report has something to show.
        var judged = audit.Cases.Where((_, i) => i % 2 == 0).ToList();
        for (var i = 0; i < judged.Count; i++)
        {
            var contact = judged[i].Stratum == AuditStratum.ClosedAtContact;
            audit.Judge(judged[i], new CaseJudgement(
                i % 3 == 2 ? LevelJudgement.NotIndicated : LevelJudgement.Correct,
                i % 2 == 0 ? [QualityFeature.ConcernsAndRationale, QualityFeature.ConsentSought, QualityFeature.ChildsVoice]
                    : [QualityFeature.ConcernsAndRationale],
                i % 4 == 3 ? ReferralQuality.Poor : i % 2 == 0 ? ReferralQuality.Good : ReferralQuality.Adequate,
                contact ? AgenciesJudgement.NotApplicable : i % 4 == 1 ? AgenciesJudgement.No : AgenciesJudgement.Yes,
                i % 5 == 4 ? DecisionAgreement.PartlyAgree : DecisionAgreement.Agree,
                i % 3 == 1 ? FeedbackJudgement.NotGiven : FeedbackJudgement.Given,
                i % 2 == 0 ? "Clear referral with the child's own words." : "Little analysis of the risk."), auditor.Id,
                    now.AddDays(-2).AddMinutes(i * 7));
        }

        db.CaseAudits.Add(audit);
        db.AuditEvents.Add(Event(CaseAuditEvents.Created, CaseAuditEvents.SubjectType, audit.Id, auditor.Id, audit.CreatedAt,
            $"Seed {DemoSeed}; {audit.Cases.Count} cases sampled"));
        foreach (var sampled in judged)
        {
            db.AuditEvents.Add(Event(CaseEvents.Viewed, CaseEvents.SubjectType, sampled.CaseId, auditor.Id,
                sampled.JudgedAt!.Value.AddMinutes(-5), CaseAuditEvents.ViewedDetail));
            db.AuditEvents.Add(Event(CaseAuditEvents.CaseJudged, CaseEvents.SubjectType, sampled.CaseId, auditor.Id,
                sampled.JudgedAt!.Value, null));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static AuditEvent Event(string action, string subjectType, Guid subjectId, Guid by, DateTimeOffset at, string? detail) => new()
    {
        OccurredAt = at, UserId = by, Action = action, SubjectType = subjectType, SubjectId = subjectId.ToString(), Detail = detail,
    };
}
