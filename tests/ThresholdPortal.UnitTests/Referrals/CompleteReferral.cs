using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.UnitTests.Thresholds;

namespace ThresholdPortal.UnitTests.Referrals;

/// <summary>A draft with every required answer given, written the way a good referral reads: no flags.</summary>
public static class CompleteReferral
{
    public const string GoodConcerns =
        "On Monday 2 March at 8.40am Jayden Clarke arrived at school with a bruise on his left cheek. When I asked him about it he said " +
        "his mum's partner pushed him into a door because he spilled his cereal. Maisie Clarke, his sister, was with him and was quiet " +
        "and withdrawn all morning, which is unlike her. This is the third mark we have seen on Jayden this term.";

    public static Referral Build(ThresholdDocument? document = null)
    {
        document ??= TestDocuments.Small();
        var referral = new Referral
        {
            ReferralSourceCode = "2A",
            ThresholdDocumentId = document.Id,
            ReferrerUserId = Guid.NewGuid(),
            ReferringOrganisationId = Guid.NewGuid(),
            IdempotencyKey = Guid.NewGuid(),
            ChildInImmediateDanger = false,
            Fgm = FgmConcern.None,
            Children =
            [
                Child(0, "Jayden", new DateOnly(2017, 5, 3), "care-3a"),
                Child(1, "Maisie", new DateOnly(2019, 9, 14), "care-3a"),
            ],
            Adults =
            [
                new SignificantAdult { GivenName = "Kelly", FamilyName = "Clarke", Relationship = "Mother", LivesWithChildren = true,
                    KnowsAboutReferral = false },
            ],
            Concerns =
            {
                WhatHappened = GoodConcerns,
                Analysis =
                    "Repeated injuries with an account of harm from an adult in the home meet level 3 at least; I am worried it may be " +
                    "higher.",
                RiskFactors = "Repeated marks; the mother's partner is said to be rough with the children.",
                ProtectiveFactors = "Their mother brings them to school every day and is warm with them.",
                History = "Early help support in 2024 for routines; it closed when things improved.",
                PreviousHelp = "The family worked well with the family support worker for six months.",
                OtherProfessionals = "The school nurse knows Jayden; she shares our worry.",
                ExpectedOutcome = "A social work assessment, and advice on keeping the children safe in school.",
            },
            Categories = [ConcernCategory.PhysicalAbuseByAdult.Key],
            Consent = { Decision = ConsentDecision.NotSought,
                Reason = "Asking the mother could place the children at risk from her partner.",
                SharingBasis = InformationSharingBasis.SafeguardingWithoutConsent },
            Communication = { InterpreterNeeded = false, HasCommunicationNeeds = false },
            Referrer = { Name = "Rachel Okafor", JobTitle = "Designated safeguarding lead", OrganisationName = "Riverside Primary School",
                Email = "rachel@example.org", Phone = "01632 960001" },
        };
        referral.RefreshSuggestion(document);
        referral.ChooseLevel(ThresholdLevel.Targeted);
        return referral;
    }

    private static ReferralChild Child(int order, string name, DateOnly born, string indicator) => new()
    {
        Order = order,
        GivenName = name,
        FamilyName = "Clarke",
        DateOfBirth = born,
        Gender = ChildGender.NotKnown,
        AddressLine1 = "1 Mill Lane",
        Town = "Northtown",
        Postcode = "NT1 1AA",
        HowConcernsAffectChild = $"{name} is frightened at home and finds it hard to settle in class.",
        ChildsVoice = $"{name} said: I don't like it when he shouts.",
        IndicatorCodes = [indicator],
    };
}
