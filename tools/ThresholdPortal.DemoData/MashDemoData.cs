using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Web;
using ThresholdPortal.Web.Pages.Mash.Cases;
using ContactPage = ThresholdPortal.Web.Pages.Mash.Contacts.NewModel;
using ThresholdPortal.Web.Features.Accounts;

namespace ThresholdPortal.DemoData;

/// <summary>
/// Fills the MASH queue so the dashboard looks like a working day: about a hundred open cases at every
/// status and rating, some overdue, contacts taken by phone, re-referrals, and closed cases behind them;
/// known people in households, some open to early help or social care. One demo referral from the demo
/// school is about "Jayden Clarke", whose earlier referral was recorded as "Jaydon Clark": the misspelled
/// match a practitioner should find and confirm. Every step is the live pages' own command, sent as the
/// person who takes it at the moment they take it: the referrer's draft pages and send, the record-a-contact
/// page, claim, rating, linking people, progressing or closing at contact, and the decision loop. Times are
/// in the past, so the timelines read true. Deterministic: the same seed gives the same data.
/// </summary>
public sealed partial class MashDemoData(
    PortalDbContext db, UserManager<PortalUser> users, IUserStore<PortalUser> userStore, DecisionLoop loop, ReferrerJourney journey,
        TriageSteps triage, DecisionClock clock, TimeProvider time, AccountsOptions accounts)
    : IDemoDataContributor
{
    public const string MisspelledGivenName = "Jaydon";
    public const string MisspelledFamilyName = "Clark";
    public static readonly DateOnly JaydenBorn = new(2017, 5, 3);
    public static readonly DateOnly MaisieBorn = new(2019, 9, 14);

    private readonly Faker faker = new("en_GB") { Random = new Randomizer(20261124) };

    // Its own seed, so adding identifiers left every other demo value as it was.
    private readonly DemoIdentifiers identifiers = new(new Randomizer(20261205));

    /// <summary>Decided referrals naming siblings so far: every other one gives the youngest a different outcome.</summary>
    private int decidedSiblings;
    private ThresholdDocument document = null!;
    private PortalUser callTaker = null!;
    private PortalUser linker = null!;
    private DateTimeOffset now;

    /// <summary>A case the demo made, as the later steps need it.</summary>
    private sealed record DemoCase(Guid Id, Guid ReferralId, ThresholdLevel? Level, DateTimeOffset ReceivedAt);

    /// <summary>A child the portal knows from a closed case, as a later referrer spells them.</summary>
    private sealed record KnownChild(Guid PersonId, string GivenName, string FamilyName, DateOnly? DateOfBirth, string? NhsNumber);

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        now = time.GetUtcNow();
        document = await db.DocumentAsync((await db.CurrentDocumentIdAsync(cancellationToken))!.Value, cancellationToken);
        var organisations = context.Organisations;
        callTaker = context.Users.Practitioner;
        var practitioners = new List<PortalUser>
        {
            context.Users.Practitioner,
            await UserAsync("sam.patel@example.org", "Sam", "Patel", "MASH social worker", organisations.LocalAuthority,
                PortalRole.MashPractitioner),
            await UserAsync("jo.evans@example.org", "Jo", "Evans", "MASH senior practitioner", organisations.LocalAuthority,
                PortalRole.MashPractitioner),
            context.Users.Manager,
        };
        linker = practitioners[2];
        var referrers = new List<(PortalUser User, Organisation Organisation)>
        {
            // A colleague of the demo referrer, so the demo referrer's own list stays as the referral journey's demo data made it.
            (await UserAsync("ben.adeyemi@riverside.example.org", "Ben", "Adeyemi", "Deputy safeguarding lead", organisations.School,
                PortalRole.Referrer), organisations.School),
            (await UserAsync("laura.bennett@police.example.org", "Laura", "Bennett", "Police public protection officer",
                organisations.Police, PortalRole.Referrer), organisations.Police),
            (await UserAsync("imran.ali@hillview.example.org", "Imran", "Ali", "GP safeguarding lead", organisations.GpPractice,
                PortalRole.Referrer), organisations.GpPractice),
            (await UserAsync("hannah.cole@health.example.org", "Hannah", "Cole", "Health visitor", organisations.HealthVisiting,
                PortalRole.Referrer), organisations.HealthVisiting),
            (await UserAsync("tom.reid@probation.example.org", "Tom", "Reid", "Probation officer", organisations.Probation,
                PortalRole.Referrer), organisations.Probation),
            (await UserAsync("grace.mensah@familytrust.example.org", "Grace", "Mensah", "Family support worker",
                organisations.VoluntaryGroup, PortalRole.Referrer), organisations.VoluntaryGroup),
        };

        await SeedClarkeFamilyAsync(context, referrers[0].User, practitioners, cancellationToken);

        // Closed cases over the last eleven months, their children known to the portal afterwards.
        var knownChildren = new List<(KnownChild Child, DemoCase Case)>();
        for (var i = 0; i < 45; i++)
        {
            var (user, organisation) = faker.PickRandom(referrers);
            var received = WorkingMoment(i < 12 ? faker.Random.Int(3, 20) : faker.Random.Int(21, 230));
            var mashCase = await ReferralAsync(user, organisation, received, faker.PickRandom(Scenarios), ContactChannel.Portal,
                cancellationToken);
            var worker = faker.PickRandom(practitioners.Take(3));
            await ScreenAsync(mashCase, worker, faker.PickRandom(Scenarios).Rating);
            var known = await KnowPeopleAsync(mashCase, worker, received.AddHours(2), cancellationToken);
            knownChildren.AddRange(known.Select(child => (child, mashCase)));
            if (faker.Random.Bool(0.35f))
            {
                await triage.CloseAtContactAsync(mashCase.Id, worker, faker.PickRandom(ContactClosureReason.AdviceAndSignposting,
                    ContactClosureReason.NoSafeguardingConcern, ContactClosureReason.InformationOnly),
                    "Advice given to the referrer about the local family hub and school nursing drop-in.", received.AddHours(5));
            }
            else
            {
                await DecideAsync(mashCase, worker, context.Users.Manager);
            }
        }

        // Open work: the last eight working days, at every stage.
        for (var i = 0; i < 95; i++)
        {
            // Every thirtieth case is a week old and waits for sign-off, so the manager always has some to approve.
            var toSignOff = i % 30 == 7;
            var age = toSignOff ? 6 : faker.Random.WeightedRandom([0, 1, 2, 3, 4, 6], [0.36f, 0.26f, 0.16f, 0.1f, 0.07f, 0.05f]);
            var received = WorkingMoment(age);
            var contact = faker.Random.Bool(0.12f);
            var (user, organisation) = faker.PickRandom(referrers);

            // Red cases are decided the same day; the ones still open are today's.
            var scenario = faker.PickRandom(Scenarios.Where(s => age == 0 || s.Rating != BragRating.Red).ToArray());
            var mashCase = await ReferralAsync(user, organisation, received, scenario,
                contact ? faker.PickRandom(ContactChannelExtensions.Recorded.ToArray()) : ContactChannel.Portal, cancellationToken,
                reReferralOf: i % 9 == 4 && knownChildren.Count > 0 ? faker.PickRandom(knownChildren) : null);
            await ProgressAsync(mashCase, faker.PickRandom(practitioners.Take(3)), age, scenario, toSignOff);
        }
    }

    /// <summary>
    /// A referral as its referrer sends it (or, for a phone or e-mail contact, as the practitioner who takes
    /// the call records it), received at <paramref name="received"/>; a re-referral is linked to the known child.
    /// </summary>
    private async Task<DemoCase> ReferralAsync(
        PortalUser referrer, Organisation organisation, DateTimeOffset received, Scenario scenario, ContactChannel channel,
            CancellationToken cancellationToken,
        (string Given, string Family, DateOnly Born)[]? children = null, string? adultFamilyName = null,
            (KnownChild Child, DemoCase Case)? reReferralOf = null)
    {
        var family = adultFamilyName ?? faker.Name.LastName();
        children ??= [.. Enumerable.Range(0, faker.Random.WeightedRandom([1, 2, 3], [0.5f, 0.35f, 0.15f]))
            .Select(_ =>
                (faker.Name.FirstName(faker.Random.Bool() ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male), family,
                DateOnly.FromDateTime(faker.Date.Between(received.AddYears(-17).UtcDateTime, received.AddMonths(-4).UtcDateTime))))];
        if (reReferralOf is { } earlier)
        {
            // Spelled as a different referrer would spell it: the same child, a small slip in the name.
            var person = earlier.Child;
            children = [(person.GivenName, faker.Random.Bool() ? person.FamilyName : person.FamilyName + "e",
                person.DateOfBirth ?? JaydenBorn)];
        }

        // A re-referred child keeps the NHS number their record has, so the MASH sees the exact match.
        var identities = children.Select(c => identifiers.For(c.Born, atSchool: received.Year - c.Born.Year >= 4,
            reReferralOf?.Child.NhsNumber)).ToArray();
        var street = $"{faker.Random.Int(1, 140)} {faker.PickRandom(Streets)}";
        var postcode = "NT" + faker.Random.Int(1, 9) + " " + faker.Random.Int(1, 9) + faker.Random.String2(2, "ABDEFGHJLNPQRSTUWXYZ");
        var mother = faker.Name.FirstName(Bogus.DataSets.Name.Gender.Female);
        var whatHappened = string.Format(System.Globalization.CultureInfo.InvariantCulture, scenario.WhatHappened, children[0].Given);
        var caseId = channel == ContactChannel.Portal
            ? await CaseOfAsync(await journey.SendAsync(referrer,
                Referral(scenario, whatHappened, organisation, children, identities, family, mother, street, postcode), received),
                cancellationToken)
            : await triage.RecordContactAsync(callTaker, Contact(scenario, whatHappened, channel, children, identities, family, mother,
                street, postcode), received);
        var mashCase = new DemoCase(caseId,
            await db.MashCases.Where(c => c.Id == caseId).Select(c => c.ReferralId).SingleAsync(cancellationToken),
            channel == ContactChannel.Portal ? scenario.Level : null, received);
        if (reReferralOf is { } previous)
        {
            var firstChild = await db.ReferralChildren.Where(c => c.ReferralId == mashCase.ReferralId).OrderBy(c => c.Order)
                .Select(c => c.Id).FirstAsync(cancellationToken);
            await triage.LinkAsync(caseId, linker, firstChild, previous.Child.PersonId, Past(received.AddMinutes(50)));
        }

        return mashCase;
    }

    private DemoReferral Referral(Scenario scenario, string whatHappened, Organisation organisation,
        (string Given, string Family, DateOnly Born)[] children, ChildIdentity[] identities, string family, string mother, string street,
        string postcode) =>
        new([.. children.Select((c, i) => new DemoChild(c.Given, c.Family, c.Born,
            [.. document.Indicators.Where(x => x.Level == scenario.Level).Take(1).Select(x => x.Code)])
        {
            AddressLine1 = street, Postcode = postcode, Identity = identities[i],
            SchoolOrSetting = organisation.Kind == OrganisationKind.School ? organisation.Name : "Riverside Primary School",
            ChildsVoice = $"{c.Given} said they want things at home to be calmer.",
            SiblingsExperiences = children.Length > 1 ? "The children look out for each other." : null,
        })], scenario.Level)
        {
            Adults = [new DemoAdult(mother, family, "Mother")],
            Categories = scenario.Categories,
            EarlyHelpChoice = EarlyHelpChoice.ReferToMashAnyway,
            ReasonForMashReferral = "The family have not engaged with early help before and the concern is growing.",
            WhatHappened = whatHappened,
            Analysis = "The concerns fit the level chosen in the threshold document.",
            RiskFactors = "The pattern is getting worse and the adults at home have not acted on earlier advice.",
            ProtectiveFactors = "A grandparent nearby is involved and the child talks to staff they trust.",
            History = "Known to the school's pastoral team for a year.",
            PreviousHelp = "Some support from the family hub last year, which the family engaged with for a while.",
            OtherProfessionals = "The school nurse shares the concern.",
            ExpectedOutcome = "An assessment of the family's needs and advice for the school.",
            Consent = ConsentDecision.NotSought, ConsentReason = "Telling the parents first could put the child at risk.",
            SharingBasis = InformationSharingBasis.SafeguardingWithoutConsent,
            Phone = "01632 960 123",
        };

    private ContactPage.Record Contact(Scenario scenario, string whatHappened, ContactChannel channel,
        (string Given, string Family, DateOnly Born)[] children, ChildIdentity[] identities, string family, string mother, string street,
        string postcode)
    {
        var source = faker.PickRandom(ReferralSource.NonProfessional.ToArray()).Code;
        var name = faker.Name.FullName();
        return new ContactPage.Record
        {
            IdempotencyKey = Guid.CreateVersion7(), Channel = channel, SourceCode = source,
            CallerName = source == ReferralSource.Anonymous.Code ? null : name,
            CallerRelationship = faker.PickRandom("Grandmother", "Neighbour", "Aunt", "Family friend"),
            CallerPhone = "07700 900" + faker.Random.Int(100, 999),
            Children = [.. children.Select((c, i) => new ContactPage.ChildEntry
            {
                GivenName = c.Given, FamilyName = c.Family, DateOfBirth = DateParts.From(c.Born), AddressLine1 = street, Town = "Northtown",
                Postcode = postcode, Identity = identities[i],
            })],
            Adults = [new ContactPage.AdultEntry { GivenName = mother, FamilyName = family, Relationship = "Mother" }],
            ChildInImmediateDanger = false, WhatHappened = whatHappened,
            RiskFactors = "The pattern is getting worse and the adults at home have not acted on earlier advice.",
            ProtectiveFactors = "A grandparent nearby is involved.", Categories = [.. scenario.Categories.Select(c => c.Key)],
        };
    }

    private Task<Guid> CaseOfAsync(string reference, CancellationToken cancellationToken) =>
        db.MashCases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync(cancellationToken);

    /// <summary>Moves an open case as far as its age suggests; some are left overdue, as on a real day.</summary>
    private async Task ProgressAsync(DemoCase mashCase, PortalUser worker, int age, Scenario scenario, bool toSignOff)
    {
        var overdueOnPurpose = !toSignOff && faker.Random.Bool(0.15f);
        if ((age == 0 && faker.Random.Bool(0.6f)) || (overdueOnPurpose && age <= 2))
        {
            return;
        }

        var rating = toSignOff || faker.Random.Bool(0.9f) ? scenario.Rating : (BragRating?)null;
        await ScreenAsync(mashCase, worker, rating);
        if (age <= 1 || rating is null || overdueOnPurpose)
        {
            return;
        }

        var received = mashCase.ReceivedAt;
        await triage.ProgressToChecksAsync(mashCase.Id, worker, received.AddHours(2));
        if (age >= 3 && (toSignOff || faker.Random.Bool(0.6f)))
        {
            await loop.ReadyForDecisionAsync(mashCase.Id, worker, received.AddHours(3));
            if (age >= 5 && (toSignOff || faker.Random.Bool(0.5f)))
            {
                var outcome = Outcome(scenario.Level);
                await loop.ProposeAsync(mashCase.Id, worker, Proposal(rating.Value, worker, scenario.Level, outcome, received.AddHours(20)),
                    received.AddHours(20));
            }
        }
    }

    /// <summary>The practitioner claims the case, opens it and (if they can yet) rates it.</summary>
    private async Task ScreenAsync(DemoCase mashCase, PortalUser worker, BragRating? rating)
    {
        var claimedAt = Past(mashCase.ReceivedAt.AddMinutes(faker.Random.Int(10, 90)));
        await triage.ClaimAsync(mashCase.Id, worker, claimedAt);
        await triage.OpenAsync(mashCase.Id, worker, Past(claimedAt.AddMinutes(1)));
        if (rating is { } given)
        {
            var ratedAt = Past(claimedAt.AddMinutes(faker.Random.Int(15, 60)));
            await triage.RateAsync(mashCase.Id, worker, given, Scenarios.First(s => s.Rating == given).RatingReason, ratedAt);
        }
    }

    /// <summary>A rated case through checks, proposal and sign-off, within a working day or so of its receipt.</summary>
    private async Task DecideAsync(DemoCase mashCase, PortalUser worker, PortalUser manager)
    {
        var received = mashCase.ReceivedAt;
        await triage.ProgressToChecksAsync(mashCase.Id, worker, received.AddHours(2));
        var closedAt = received.AddHours(faker.Random.Int(6, 30));
        var level = mashCase.Level ?? ThresholdLevel.Targeted;
        var outcome = Outcome(level);
        var rating = await db.MashCases.Where(c => c.Id == mashCase.Id).Select(c => c.Rating!.Value).SingleAsync();
        await loop.ReadyForDecisionAsync(mashCase.Id, worker, received.AddHours(3));
        var proposal = Proposal(rating, worker, level, outcome, closedAt.AddHours(-2));
        var children = await db.ReferralChildren.Where(c => c.ReferralId == mashCase.ReferralId).OrderBy(c => c.Order)
            .Select(c => c.Id).ToListAsync();
        if (children.Count > 1 && decidedSiblings++ % 2 == 0)
        {
            // Siblings going different ways (docs/decisions/0092): the last-named child's need is judged lower than the case's.
            proposal.Children = [new DecisionModel.ChildChoice { ReferralChildId = children[^1], Outcome = SiblingOutcome(outcome) }];
        }

        await loop.ProposeAsync(mashCase.Id, worker, proposal, closedAt.AddHours(-2));
        await loop.SignOffAsync(mashCase.Id, manager, closedAt);
    }

    /// <summary>A plausible lower outcome for a sibling of a child with <paramref name="outcome"/>.</summary>
    private static DecisionOutcome SiblingOutcome(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.StrategyDiscussion => DecisionOutcome.ChildAndFamilyAssessment,
        DecisionOutcome.ChildAndFamilyAssessment => DecisionOutcome.StepDownToEarlyHelp,
        DecisionOutcome.StepDownToEarlyHelp => DecisionOutcome.NoFurtherActionWithAdvice,
        _ => DecisionOutcome.NoFurtherAction,
    };

    /// <summary>A plausible outcome for the level.</summary>
    private DecisionOutcome Outcome(ThresholdLevel level) => level switch
    {
        ThresholdLevel.Specialist => DecisionOutcome.StrategyDiscussion,
        ThresholdLevel.Targeted =>
            faker.PickRandom(DecisionOutcome.ChildAndFamilyAssessment, DecisionOutcome.ChildAndFamilyAssessment,
            DecisionOutcome.StepDownToEarlyHelp),
        ThresholdLevel.EarlyHelp => DecisionOutcome.StepDownToEarlyHelp,
        _ => DecisionOutcome.NoFurtherActionWithAdvice,
    };

    /// <summary>The decision form as the case's holder fills it in (the demo referrals did not seek consent).</summary>
    private static DecisionModel.Propose Proposal(BragRating rating, PortalUser worker, ThresholdLevel level, DecisionOutcome outcome,
        DateTimeOffset at) =>
        DecisionLoop.Proposal(rating, level, outcome,
            "The information from the referrer and partner agencies shows the level of need and risk described, and what will help the " +
                "family.",
            worker.FullName, DateOnly.FromDateTime(at.AddDays(2).UtcDateTime), consentGiven: false);

    /// <summary>Today's cases are worked as they come in: no step is dated after the moment the demo is seeded.</summary>
    private DateTimeOffset Past(DateTimeOffset at) => at < now ? at : now.AddMinutes(-1);
}
