using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.TestSupport.Builders;

/// <summary>
/// A referral sent by a school and its MASH case screened as far as MASH checks (claimed, rated, progressed),
/// reached through the real commands (the referrer's pages, then the case pages) as the demo data reaches it:
/// the state every information request test starts from. Shared with the browser tests.
/// </summary>
public static class CasesAtChecks
{
    /// <summary>Written in the referral, and never to be shown to an agency.</summary>
    public const string WhatHappened =
        "On Monday Jayden arrived at school with a bruise on his cheek and said his mum's partner, Lee, pushed him into a door. Maisie " +
            "was withdrawn all morning.";

    public const string RiskFactors = "The partner is said to be rough with both children when he has been drinking.";

    public const string School = "Riverside Primary School";

    /// <summary>
    /// Sends the referral as <paramref name="referrer"/> (who must belong to an organisation that refers) so that it
    /// arrives at <paramref name="receivedAt"/> (half an hour ago by default), then screens it as
    /// <paramref name="practitioner"/>. The app's clock must let <see cref="PortalActor"/> hold it (the test clock does).
    /// </summary>
    public static async Task<(Guid CaseId, string Reference)> CreateAsync(IServiceProvider services, PortalUser referrer,
        PortalUser practitioner, BragRating rating = BragRating.Amber, DateTimeOffset? receivedAt = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var received = receivedAt ?? TestClock.UtcNow.AddMinutes(-30);
        var actor = new PortalActor(services);
        var mailBefore = await QueuedMailAsync(services);
        var reference = await new ReferrerJourney(actor).SendAsync(referrer, Referral(await TargetedIndicatorsAsync(services)), received);
        await using var scope = services.CreateAsyncScope();
        var caseId = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().MashCases
            .Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync();
        var triage = new TriageSteps(actor);
        await triage.ClaimAsync(caseId, practitioner, received.AddMinutes(5));
        await triage.RateAsync(caseId, practitioner, rating, "Injury with an account of harm by an adult at home.",
            received.AddMinutes(10));
        await triage.ProgressToChecksAsync(caseId, practitioner, received.AddMinutes(15));
        await ForgetMailSinceAsync(services, mailBefore);
        return (caseId, reference);
    }

    private static async Task<List<Guid>> QueuedMailAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.Select(m => m.Id).ToListAsync();
    }

    // The e-mails the referral's arrival queued (its acknowledgement) were delivered before the test's story starts:
    // the tests count only the e-mails their own steps queue, as they did when this state was written by hand.
    private static async Task ForgetMailSinceAsync(IServiceProvider services, List<Guid> before)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.Where(m => !before.Contains(m.Id))
            .ExecuteDeleteAsync();
    }

    // An indicator at level 3, so the guidance agrees with the level chosen and early help is not offered.
    private static async Task<string[]> TargetedIndicatorsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var document = await db.DocumentAsync((await db.CurrentDocumentIdAsync(CancellationToken.None))!.Value, CancellationToken.None);
        return [.. document.Indicators.Where(i => i.Level == ThresholdLevel.Targeted).Take(1).Select(i => i.Code)];
    }

    private static DemoReferral Referral(string[] indicators) =>
        new([Child("Jayden", new DateOnly(2017, 5, 3), indicators), Child("Maisie", new DateOnly(2019, 9, 14), indicators)],
            ThresholdLevel.Targeted)
        {
            Adults = [new DemoAdult("Kelly", "Clarke", "Mother of both children", LivesWithChildren: true, KnowsAboutReferral: false)],
            Categories = [ConcernCategory.PhysicalAbuseByAdult],
            WhatHappened = WhatHappened,
            Analysis = "Repeated injuries with an account of harm by an adult at home.",
            RiskFactors = RiskFactors,
            ProtectiveFactors = "Their mother brings them to school every day.",
            History = "Early help in 2024 for routines.",
            PreviousHelp = "The family worked with the family support worker for six months.",
            OtherProfessionals = "The school nurse knows Jayden.",
            ExpectedOutcome = "A social work assessment.",
            Consent = ConsentDecision.NotSought,
            ConsentReason = "Asking could put the children at risk.",
            SharingBasis = InformationSharingBasis.SafeguardingWithoutConsent,
        };

    private static DemoChild Child(string name, DateOnly born, string[] indicators) =>
        new(name, "Clarke", born, indicators)
        {
            AddressLine1 = "1 Mill Lane",
            Town = "Northtown",
            Postcode = "NT1 1AA",
            SchoolOrSetting = School,
            HowConcernsAffectChild = $"{name} is frightened at home.",
            ChildsVoice = $"{name} said: I don't like it when he shouts.",
        };
}
