using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Audits;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Web;
using JudgePage = ThresholdPortal.Web.Pages.Insights.Audits.JudgeModel;
using NewAuditPage = ThresholdPortal.Web.Pages.Insights.Audits.NewModel;

namespace ThresholdPortal.DemoData;

/// <summary>
/// The demo auditor, auditor@example.org (Ade Okafor, enrolled with the demo authenticator key), and one
/// audit of the MASH's closed demo cases with about half its sample judged, created and judged through the audit
/// pages' commands. Runs after the MASH's cases and decisions and the information requests.
/// </summary>
public sealed class CaseAuditDemoData(PortalDbContext db, UserManager<PortalUser> users, IUserStore<PortalUser> userStore,
    PortalActor actor, TimeProvider time) : IDemoDataContributor
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
            .Select(c => c.ReceivedAt)
            .ToListAsync(cancellationToken);
        if (closed.Count == 0)
        {
            return;
        }

        // Made three days ago, over the cases received up to that day: a period cannot end after the audit is made.
        var madeAt = time.GetUtcNow().AddDays(-3);
        var auditId = CommandOutcomes.EnsureSaved(await actor.SendAsync(auditor, new NewAuditPage.Create
        {
            Title = "Threshold audit: the last year",
            PeriodFrom = DateParts.From(DateOnly.FromDateTime(closed.Min().UtcDateTime)),
            PeriodTo = DateParts.From(DateOnly.FromDateTime(madeAt.UtcDateTime)),
            Strata = [.. AuditStratumExtensions.All.Select(s => s.ToString())],
            CasesPerStratum = "5",
            Seed = DemoSeed.ToString(CultureInfo.InvariantCulture),
        }, madeAt), "The case audit");
        var sampled = await db.CaseAudits.AsNoTracking().Where(a => a.Id == auditId).SelectMany(a => a.Cases)
            .OrderBy(c => c.Position).Select(c => new { c.CaseId, c.Stratum }).ToListAsync(cancellationToken);

        // Every other case judged, with a spread of answers so the report has something to show.
        var judged = sampled.Where((_, i) => i % 2 == 0).ToList();
        for (var i = 0; i < judged.Count; i++)
        {
            var at = madeAt.AddDays(1).AddMinutes(i * 7);
            var view = CommandOutcomes.Found(await actor.SendAsync(auditor, new JudgePage.Query(auditId, judged[i].CaseId),
                at.AddMinutes(-5)), "Opening a sampled case");
            var contact = judged[i].Stratum == AuditStratum.ClosedAtContact;
            CommandOutcomes.EnsureSaved(await actor.SendAsync(auditor, new JudgePage.Judgement
            {
                AuditId = auditId, CaseId = judged[i].CaseId, Version = view.Version,
                Level = i % 3 == 2 ? LevelJudgement.NotIndicated : LevelJudgement.Correct,
                Features = i % 2 == 0
                    ? [nameof(QualityFeature.ConcernsAndRationale), nameof(QualityFeature.ConsentSought),
                        nameof(QualityFeature.ChildsVoice)]
                    : [nameof(QualityFeature.ConcernsAndRationale)],
                Quality = i % 4 == 3 ? ReferralQuality.Poor : i % 2 == 0 ? ReferralQuality.Good : ReferralQuality.Adequate,
                Agencies = contact ? AgenciesJudgement.NotApplicable : i % 4 == 1 ? AgenciesJudgement.No : AgenciesJudgement.Yes,
                Agreement = i % 5 == 4 ? DecisionAgreement.PartlyAgree : DecisionAgreement.Agree,
                Feedback = i % 3 == 1 ? FeedbackJudgement.NotGiven : FeedbackJudgement.Given,
                Comments = i % 2 == 0 ? "Clear referral with the child's own words." : "Little analysis of the risk.",
            }, at), "A judgement");
        }
    }
}
