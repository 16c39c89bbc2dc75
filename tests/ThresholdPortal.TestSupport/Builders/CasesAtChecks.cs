using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Referrals.Quality;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.TestSupport.Builders;

/// <summary>
/// A referral sent by a school and its MASH case screened as far as MASH checks (claimed, rated, progressed),
/// made through the domain's own rules straight into the database: the state every information request
/// test starts from. Shared with the browser tests.
/// </summary>
public static class CasesAtChecks
{
    /// <summary>Written in the referral, and never to be shown to an agency.</summary>
    public const string WhatHappened =
        "On Monday Jayden arrived at school with a bruise on his cheek and said his mum's partner, Lee, pushed him into a door. Maisie " +
            "was withdrawn all morning.";

    public const string RiskFactors = "The partner is said to be rough with both children when he has been drinking.";

    public const string School = "Riverside Primary School";

    public static async Task<(Guid CaseId, string Reference)> CreateAsync(
        PortalDbContext db, DecisionClock clock, PortalUser referrer, PortalUser practitioner, BragRating rating = BragRating.Amber,
            DateTimeOffset? receivedAt = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(referrer);
        ArgumentNullException.ThrowIfNull(practitioner);
        var received = receivedAt ?? TestClock.UtcNow.AddMinutes(-30);
        var documentId = (await db.CurrentDocumentIdAsync(CancellationToken.None))!.Value;
        var document = await db.DocumentAsync(documentId, CancellationToken.None);
        var referral = new Referral
        {
            IdempotencyKey = Guid.NewGuid(),
            ReferrerUserId = referrer.Id,
            ReferringOrganisationId = referrer.OrganisationId,
            ReferralSourceCode = "2A",
            ThresholdDocumentId = document.Id,
            CreatedAt = received.AddMinutes(-40),
            UpdatedAt = received,
            ChildInImmediateDanger = false,
            FgmKnownOrSuspected = false,
            Categories = [ConcernCategory.PhysicalAbuseByAdult.Key],
            Concerns =
            {
                WhatHappened = WhatHappened,
                Analysis = "Repeated injuries with an account of harm by an adult at home.",
                RiskFactors = RiskFactors,
                ProtectiveFactors = "Their mother brings them to school every day.",
                History = "Early help in 2024 for routines.",
                PreviousHelp = "The family worked with the family support worker for six months.",
                OtherProfessionals = "The school nurse knows Jayden.",
                ExpectedOutcome = "A social work assessment.",
            },
            Consent = { Decision = ConsentDecision.NotSought, Reason = "Asking could put the children at risk.",
                SharingBasis = InformationSharingBasis.SafeguardingWithoutConsent },
            Communication = { InterpreterNeeded = false, HasCommunicationNeeds = false },
            Referrer = { Name = "Rachel Okafor", JobTitle = "Designated safeguarding lead", OrganisationName = School,
                Email = referrer.Email, Phone = "01632 960001" },
        };
        // An indicator at level 3, so the guidance agrees with the level chosen and early help is not offered.
        var indicators = document.Indicators.Where(i => i.Level == ThresholdLevel.Targeted).Take(1).Select(i => i.Code).ToList();
        referral.Children.Add(Child(referral, 0, "Jayden", new DateOnly(2017, 5, 3), indicators));
        referral.Children.Add(Child(referral, 1, "Maisie", new DateOnly(2019, 9, 14), indicators));
        referral.Adults.Add(new SignificantAdult
        {
            ReferralId = referral.Id, GivenName = "Kelly", FamilyName = "Clarke", Relationship = "Mother of both children",
                LivesWithChildren = true, KnowsAboutReferral = false,
        });
        referral.RefreshSuggestion(document);
        referral.ChooseLevel(ThresholdLevel.Targeted);
        var reference = await ReferenceNumbers.NextAsync(db, ReferenceNumbers.DefaultPrefix, received, CancellationToken.None);
        referral.Submit(reference, received, ReferralQualityChecks.Check(referral, Glossary.Default));
        db.Referrals.Add(referral);

        var mashCase = MashCase.Open(referral, ContactChannel.Portal, clock);
        mashCase.Claim(practitioner.Id, received.AddMinutes(5));
        mashCase.Rate(rating, "Injury with an account of harm by an adult at home.", practitioner.Id, received.AddMinutes(10), clock);
        mashCase.ProgressToMashChecks();
        db.MashCases.Add(mashCase);
        await db.SaveChangesAsync();
        return (mashCase.Id, reference);
    }

    private static ReferralChild Child(Referral referral, int order, string name, DateOnly born, List<string> indicators) => new()
    {
        ReferralId = referral.Id,
        Order = order,
        GivenName = name,
        FamilyName = "Clarke",
        DateOfBirth = born,
        Gender = ChildGender.NotKnown,
        AddressLine1 = "1 Mill Lane",
        Town = "Northtown",
        Postcode = "NT1 1AA",
        SchoolOrSetting = School,
        HowConcernsAffectChild = $"{name} is frightened at home.",
        ChildsVoice = $"{name} said: I don't like it when he shouts.",
        IndicatorCodes = [.. indicators],
    };
}
