using Bogus;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Intake.ReferenceData;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.DemoData;

/// <summary>
/// Demo data for the referral journey: the default threshold document (as any database gets it), and for
/// the demo referrer a draft to resume, a referral sent to the MASH and an early help request, each written
/// through the draft pages' commands and sent through "Check your answers".
/// </summary>
public sealed class ReferralDemoData(PortalDbContext db, TimeProvider clock, ReferrerJourney journey) : IDemoDataContributor
{
    // Bogus's en_GB first names are not split by gender, so the demo picks from these to match each child's gender.
    private static readonly string[] BoysNames = ["Jayden", "Oliver", "Harry", "Mohammed", "Kai", "Leo", "Tyler", "Alfie", "Reuben",
        "Jakub"];
    private static readonly string[] GirlsNames = ["Maisie", "Amelia", "Lily-Rose", "Aisha", "Ruby", "Skye", "Zofia", "Evie", "Freya",
        "Hafsa"];

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await new DefaultReferenceData().EnsureAsync(db, clock, cancellationToken);
        var referrer = context.Users.Referrer;
        var faker = new Faker("en_GB") { Random = new Randomizer(2026) };
        var now = clock.GetUtcNow();

        var surname = faker.Name.LastName();
        var older = Child(faker.PickRandom(BoysNames), surname, now.AddYears(-9), ChildGender.Male, faker, "basic-care-3a", "education-2a");
        var younger = Child(faker.PickRandom(GirlsNames), surname, now.AddYears(-6), ChildGender.Female, faker, "basic-care-3a",
            "selfcare-2a") with { AddressLine1 = older.AddressLine1, Postcode = older.Postcode };
        var mother = faker.PickRandom("Kelly", "Gemma", "Sarah", "Agnieszka", "Nadia");
        await journey.SendAsync(referrer, new DemoReferral([older, younger], ThresholdLevel.Targeted)
        {
            Adults = [new DemoAdult(mother, surname, "Mother of both children", KnowsAboutReferral: true)],
            WhatHappened =
                $"For the past six weeks {older.GivenName} and {younger.GivenName} have come to school hungry most mornings and in the " +
                    "same clothes for days at a time. " +
                $"On Tuesday {older.GivenName} took food from other children's lunch boxes and said there was nothing at home. " +
                    $"{younger.GivenName} has had head lice for a month " +
                "and her shoes are too small. Their mother has missed two meetings with us and seemed very low when I saw her at the " +
                    "gate on Friday.",
            RiskFactors = "Persistent neglect of basic care; mother's low mood; no other adult at home.",
            ProtectiveFactors = "The children are warm with each other and with their mother, and attend every day.",
            Analysis = "Neglect across several areas, getting worse despite school support, meets level 3: the family needs an assessment.",
            ExpectedOutcome = "A child and family assessment, and support for mother's mental health.",
            History = "Early help in 2024 (school-led) for attendance; closed when attendance improved.",
            PreviousHelp = "Attendance improved for a term, then dropped again.",
            OtherProfessionals = "The school nurse shares our concern about weight and hygiene. Mother's GP not yet contacted.",
            Categories = [ConcernCategory.Neglect, ConcernCategory.MentalHealth],
            Phone = referrer.PhoneNumber!,
        }, now.AddDays(-8));

        var child = Child(faker.PickRandom(BoysNames), faker.Name.LastName(), now.AddYears(-7), ChildGender.Male, faker, "guidance-2a",
            "emotional-2a");
        var father = faker.PickRandom("Daniel", "Lee", "Marcus", "Tomasz");
        await journey.SendAsync(referrer, new DemoReferral([child], ThresholdLevel.EarlyHelp)
        {
            Adults = [new DemoAdult(father, child.FamilyName, "Father", KnowsAboutReferral: true)],
            EarlyHelpChoice = EarlyHelpChoice.SendEarlyHelpRequest,
            WhatHappened =
                $"Since his parents separated in January {child.GivenName} has become anxious and tearful in class, and angry at home. " +
                    "His father asked us for help with " +
                "his behaviour at bedtime and in the mornings. He is still learning well and has good friends, but the change is " +
                    "affecting the whole family.",
            RiskFactors = "Anxiety and angry outbursts since the separation.",
            ProtectiveFactors = "Both parents are engaged and asking for help; good friendships.",
            ExpectedOutcome = "A parenting programme and emotional wellbeing support in school.",
            History = "None known.",
            PreviousHelp = "None known.",
            OtherProfessionals = "None.",
            Phone = referrer.PhoneNumber!,
        }, now.AddDays(-2));

        // A draft to resume: the screening questions and one child's indicators answered, the level not chosen yet.
        var draftChild = new DemoChild(faker.PickRandom(GirlsNames), faker.Name.LastName(), default, ["identity-3a", "emotional-3b"]);
        await journey.StartAsync(referrer, new DemoReferral([draftChild], null), now.AddHours(-5));
    }

    private static DemoChild Child(string givenName, string familyName, DateTimeOffset born, ChildGender gender, Faker faker,
        params string[] indicators) =>
        new(givenName, familyName, DateOnly.FromDateTime(born.Date).AddDays(-faker.Random.Int(0, 300)), indicators)
        {
            Gender = gender,
            AddressLine1 = faker.Address.StreetAddress(),
            Postcode = "NT" + faker.Random.Int(1, 9) + " " + faker.Random.Int(1, 9) + faker.Random.String2(2, "ABDEFGHJLNPQRSTUWXYZ"),
            SchoolOrSetting = "Riverside Primary School",
            HowConcernsAffectChild =
                $"{givenName} is often tired and finds it hard to concentrate; other children have started to leave {givenName} out.",
            ChildsVoice = $"{givenName} said: \"I wasn't hungry this morning, I'm fine.\"",
        };
}
