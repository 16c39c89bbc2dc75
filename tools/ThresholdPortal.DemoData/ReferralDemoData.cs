using Bogus;
using ThresholdPortal.Domain.Referrals.Quality;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Intake.ReferenceData;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.DemoData;

/// <summary>
/// Demo data for the referral journey: the default threshold document (as any database gets it), and for
/// the demo referrer a draft to resume, a referral sent to the MASH and an early help request.
/// </summary>
public sealed class ReferralDemoData(PortalDbContext db, TimeProvider clock, IConfiguration configuration) : IDemoDataContributor
{
    // Bogus's en_GB first names are not split by gender, so the demo picks from these to match each child's gender.
    private static readonly string[] BoysNames = ["Jayden", "Oliver", "Harry", "Mohammed", "Kai", "Leo", "Tyler", "Alfie", "Reuben",
        "Jakub"];
    private static readonly string[] GirlsNames = ["Maisie", "Amelia", "Lily-Rose", "Aisha", "Ruby", "Skye", "Zofia", "Evie", "Freya",
        "Hafsa"];


    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        await new DefaultReferenceData().EnsureAsync(db, clock, cancellationToken);
        var document = await db.DocumentAsync((await db.CurrentDocumentIdAsync(cancellationToken))!.Value, cancellationToken);
        var referrer = context.Users.Referrer;
        var faker = new Faker("en_GB") { Random = new Randomizer(2026) };
        var now = clock.GetUtcNow();

        var mash = NewReferral(referrer, document, now.AddDays(-9));
        var surname = faker.Name.LastName();
        var older = Child(mash, 0, faker.PickRandom(BoysNames), surname, now.AddYears(-9), ChildGender.Male, faker, "basic-care-3a",
            "education-2a");
        var younger = Child(mash, 1, faker.PickRandom(GirlsNames), surname, now.AddYears(-6), ChildGender.Female, faker, "basic-care-3a",
            "selfcare-2a");
        younger.AddressLine1 = older.AddressLine1;
        younger.Postcode = older.Postcode;
        var mother = faker.PickRandom("Kelly", "Gemma", "Sarah", "Agnieszka", "Nadia");
        mash.Adults.Add(new SignificantAdult { ReferralId = mash.Id, GivenName = mother, FamilyName = surname,
            Relationship = "Mother of both children", LivesWithChildren = true, KnowsAboutReferral = true });
        mash.Concerns.WhatHappened =
            $"For the past six weeks {older.GivenName} and {younger.GivenName} have come to school hungry most mornings and in the same " +
                $"clothes for days at a time. " +
            $"On Tuesday {older.GivenName} took food from other children's lunch boxes and said there was nothing at home. " +
                $"{younger.GivenName} has had head lice for a month " +
            "and her shoes are too small. Their mother has missed two meetings with us and seemed very low when I saw her at the gate on " +
                "Friday.";
        mash.Concerns.RiskFactors = "Persistent neglect of basic care; mother's low mood; no other adult at home.";
        mash.Concerns.ProtectiveFactors = "The children are warm with each other and with their mother, and attend every day.";
        mash.Concerns.Analysis =
            "Neglect across several areas, getting worse despite school support, meets level 3: the family needs an assessment.";
        mash.Concerns.ExpectedOutcome = "A child and family assessment, and support for mother's mental health.";
        mash.Concerns.History = "Early help in 2024 (school-led) for attendance; closed when attendance improved.";
        mash.Concerns.PreviousHelp = "Attendance improved for a term, then dropped again.";
        mash.Concerns.OtherProfessionals = "The school nurse shares our concern about weight and hygiene. Mother's GP not yet contacted.";
        mash.Categories = [ConcernCategory.Neglect.Key, ConcernCategory.MentalHealth.Key];
        mash.Consent.Decision = ConsentDecision.Obtained;
        mash.Consent.SharingBasis = InformationSharingBasis.Consent;
        Finish(mash, referrer, document, ThresholdLevel.Targeted, null);
        await SubmitAsync(mash, now.AddDays(-8), cancellationToken);

        var earlyHelp = NewReferral(referrer, document, now.AddDays(-3));
        var child = Child(earlyHelp, 0, faker.PickRandom(BoysNames), faker.Name.LastName(), now.AddYears(-7), ChildGender.Male, faker,
            "guidance-2a", "emotional-2a");
        earlyHelp.Adults.Add(new SignificantAdult { ReferralId = earlyHelp.Id,
            GivenName = faker.PickRandom("Daniel", "Lee", "Marcus", "Tomasz"), FamilyName = child.FamilyName, Relationship = "Father",
            LivesWithChildren = true, KnowsAboutReferral = true });
        earlyHelp.Concerns.WhatHappened =
            $"Since his parents separated in January {child.GivenName} has become anxious and tearful in class, and angry at home. His " +
                $"father asked us for help with " +
            "his behaviour at bedtime and in the mornings. He is still learning well and has good friends, but the change is affecting " +
                "the whole family.";
        earlyHelp.Concerns.RiskFactors = "Anxiety and angry outbursts since the separation.";
        earlyHelp.Concerns.ProtectiveFactors = "Both parents are engaged and asking for help; good friendships.";
        earlyHelp.Concerns.ExpectedOutcome = "A parenting programme and emotional wellbeing support in school.";
        earlyHelp.Concerns.History = "None known.";
        earlyHelp.Concerns.OtherProfessionals = "None.";
        earlyHelp.Categories = [];
        earlyHelp.Consent.Decision = ConsentDecision.Obtained;
        earlyHelp.Consent.SharingBasis = InformationSharingBasis.Consent;
        Finish(earlyHelp, referrer, document, ThresholdLevel.EarlyHelp, EarlyHelpChoice.SendEarlyHelpRequest);
        await SubmitAsync(earlyHelp, now.AddDays(-2), cancellationToken);

        var draft = NewReferral(referrer, document, now.AddHours(-5));
        draft.ChildInImmediateDanger = false;
        draft.FgmKnownOrSuspected = false;
        var draftChild = new ReferralChild { ReferralId = draft.Id, GivenName = faker.PickRandom(GirlsNames),
            FamilyName = faker.Name.LastName(), IndicatorCodes = ["identity-3a", "emotional-3b"] };
        draft.Children.Add(draftChild);
        draft.RefreshSuggestion(document);
        db.Referrals.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
    }

    private Referral NewReferral(PortalUser referrer, ThresholdDocument document, DateTimeOffset createdAt) => new()
    {
        IdempotencyKey = Guid.NewGuid(),
        ReferrerUserId = referrer.Id,
        ReferringOrganisationId = referrer.OrganisationId,
        ReferralSourceCode = Domain.Organisations.ReferralSource.Schools.Code,
        ThresholdDocumentId = document.Id,
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
        ChildInImmediateDanger = false,
        FgmKnownOrSuspected = false,
    };

    private static ReferralChild Child(Referral referral, int order, string givenName, string familyName, DateTimeOffset born,
        ChildGender gender, Faker faker, params string[] indicators)
    {
        var child = new ReferralChild
        {
            ReferralId = referral.Id,
            Order = order,
            GivenName = givenName,
            FamilyName = familyName,
            DateOfBirth = DateOnly.FromDateTime(born.Date).AddDays(-faker.Random.Int(0, 300)),
            Gender = gender,
            AddressLine1 = faker.Address.StreetAddress(),
            Town = "Northtown",
            Postcode = "NT" + faker.Random.Int(1, 9) + " " + faker.Random.Int(1, 9) + faker.Random.String2(2, "ABDEFGHJLNPQRSTUWXYZ"),
            SchoolOrSetting = "Riverside Primary School",
            HowConcernsAffectChild =
                $"{givenName} is often tired and finds it hard to concentrate; other children have started to leave {givenName} out.",
            ChildsVoice = $"{givenName} said: \"I wasn't hungry this morning, I'm fine.\"",
            IndicatorCodes = [.. indicators],
        };
        referral.Children.Add(child);
        return child;
    }

    private static void Finish(Referral referral, PortalUser referrer, ThresholdDocument document, ThresholdLevel level,
        EarlyHelpChoice? earlyHelp)
    {
        referral.Communication.InterpreterNeeded = false;
        referral.Communication.HasCommunicationNeeds = false;
        referral.Referrer.Name = referrer.FullName;
        referral.Referrer.JobTitle = referrer.JobTitle;
        referral.Referrer.OrganisationName = "Riverside Primary School";
        referral.Referrer.Email = referrer.Email;
        referral.Referrer.Phone = referrer.PhoneNumber;
        referral.RefreshSuggestion(document);
        referral.ChooseLevel(level);
        if (earlyHelp is { } choice)
        {
            referral.ChooseEarlyHelpPathway(choice, null);
        }
    }

    private async Task SubmitAsync(Referral referral, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var reference = await ReferenceNumbers.NextAsync(db, ReferenceNumbers.Prefix(configuration), receivedAt, cancellationToken);
        referral.Submit(reference, receivedAt, ReferralQualityChecks.Check(referral, await db.GlossaryAsync(cancellationToken)));
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(cancellationToken);
    }
}
