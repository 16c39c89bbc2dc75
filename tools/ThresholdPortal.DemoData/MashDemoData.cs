using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Pages.Mash.Cases;
using Person = ThresholdPortal.Domain.People.Person;

namespace ThresholdPortal.DemoData;

/// <summary>
/// Fills the MASH queue so the dashboard looks like a working day: about a hundred open cases at every
/// status and rating, some overdue, contacts taken by phone, re-referrals, and closed cases behind them;
/// known people in households, some open to early help or social care. One demo referral from the demo
/// school is about "Jayden Clarke", whose earlier referral was recorded as "Jaydon Clark": the misspelled
/// match a practitioner should find and confirm. Cases are opened and screened through the domain's own
/// rules; their decisions (checks done, proposal, sign-off) through the live pages' commands, after the cases
/// are saved. Times are in the past, so the timelines read true. Deterministic: the same seed gives the same data.
/// </summary>
public sealed partial class MashDemoData(
    PortalDbContext db, UserManager<PortalUser> users, IUserStore<PortalUser> userStore, DecisionLoop loop, DecisionClock clock,
        TimeProvider time)
    : IDemoDataContributor
{
    public const string MisspelledGivenName = "Jaydon";
    public const string MisspelledFamilyName = "Clark";
    public static readonly DateOnly JaydenBorn = new(2017, 5, 3);
    public static readonly DateOnly MaisieBorn = new(2019, 9, 14);

    private readonly Faker faker = new("en_GB") { Random = new Randomizer(20261124) };
    private readonly List<AuditEvent> events = [];

    // The decision steps, sent as commands once the cases they act on are saved.
    private readonly List<Func<Task>> decisions = [];
    private ThresholdDocument document = null!;
    private DateTimeOffset now;


    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        now = time.GetUtcNow();
        document = await db.DocumentAsync((await db.CurrentDocumentIdAsync(cancellationToken))!.Value, cancellationToken);
        await OpenCasesForOtherDemoReferralsAsync(cancellationToken);
        var organisations = context.Organisations;
        var practitioners = new List<PortalUser>
        {
            context.Users.Practitioner,
            await UserAsync("sam.patel@example.org", "Sam", "Patel", "MASH social worker", organisations.LocalAuthority,
                PortalRole.MashPractitioner),
            await UserAsync("jo.evans@example.org", "Jo", "Evans", "MASH senior practitioner", organisations.LocalAuthority,
                PortalRole.MashPractitioner),
            context.Users.Manager,
        };
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
        var knownChildren = new List<(Person Person, MashCase Case)>();
        for (var i = 0; i < 45; i++)
        {
            var (user, organisation) = faker.PickRandom(referrers);
            var received = WorkingMoment(i < 12 ? faker.Random.Int(3, 20) : faker.Random.Int(21, 230));
            var (referral, mashCase) = await ReferralAsync(user, organisation, received, faker.PickRandom(Scenarios), ContactChannel.Portal,
                cancellationToken);
            var worker = faker.PickRandom(practitioners.Take(3));
            Screen(mashCase, worker, received, faker.PickRandom(Scenarios).Rating);
            if (faker.Random.Bool(0.35f))
            {
                mashCase.CloseAtContact(faker.PickRandom(ContactClosureReason.AdviceAndSignposting,
                    ContactClosureReason.NoSafeguardingConcern, ContactClosureReason.InformationOnly),
                    null, "Advice given to the referrer about the local family hub and school nursing drop-in.", received.AddHours(5));
                Event(CaseEvents.ClosedAtContact, mashCase, worker, received.AddHours(5), mashCase.ClosureReason!.Value.DisplayName());
            }
            else
            {
                Decide(mashCase, referral, worker, context.Users.Manager, received);
            }

            knownChildren.AddRange(KnowPeople(referral, mashCase, worker, received.AddHours(2)).Where(p => p.Role == PersonRole.Child)
                .Select(p => (p, mashCase)));
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
            var (referral, mashCase) = await ReferralAsync(user, organisation, received, scenario,
                contact ? faker.PickRandom(ContactChannelExtensions.Recorded.ToArray()) : ContactChannel.Portal, cancellationToken,
                reReferralOf: i % 9 == 4 && knownChildren.Count > 0 ? faker.PickRandom(knownChildren) : null);
            Progress(mashCase, referral, faker.PickRandom(practitioners.Take(3)), received, age, scenario, toSignOff);
        }

        db.AuditEvents.AddRange(events);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var decide in decisions)
        {
            await decide();
        }
    }

    /// <summary>
    /// Referrals another feature's demo data sent to the MASH directly (not through the submit page) get
    /// their case too, as every received MASH referral has one.
    /// </summary>
    private async Task OpenCasesForOtherDemoReferralsAsync(CancellationToken cancellationToken)
    {
        var withoutCase = await db.Referrals
            .Where(r =>
                r.Status == ReferralStatus.Submitted && r.Kind == ReferralKind.MashReferral && !db.MashCases.Any(c => c.ReferralId == r.Id))
            .ToListAsync(cancellationToken);
        foreach (var referral in withoutCase)
        {
            var mashCase = MashCase.Open(referral, ContactChannel.Portal, clock);
            db.MashCases.Add(mashCase);
            Event(CaseEvents.Received, mashCase, null, referral.SubmittedAt!.Value,
                $"{ContactChannel.Portal.DisplayName()}; source {mashCase.SourceCode}");
        }
    }

    private async Task<(Referral Referral, MashCase Case)> ReferralAsync(
        PortalUser referrer, Organisation organisation, DateTimeOffset received, Scenario scenario, ContactChannel channel,
            CancellationToken cancellationToken,
        (string Given, string Family, DateOnly Born)[]? children = null, string? adultFamilyName = null,
            (Person Person, MashCase Case)? reReferralOf = null)
    {
        var family = adultFamilyName ?? faker.Name.LastName();
        children ??= [.. Enumerable.Range(0, faker.Random.WeightedRandom([1, 2, 3], [0.5f, 0.35f, 0.15f]))
            .Select(_ =>
                (faker.Name.FirstName(faker.Random.Bool() ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male), family,
                DateOnly.FromDateTime(faker.Date.Between(now.AddYears(-17).UtcDateTime, now.AddMonths(-4).UtcDateTime))))];
        if (reReferralOf is { } earlier)
        {
            // Spelled as a different referrer would spell it: the same child, a small slip in the name.
            var person = earlier.Person;
            children = [(person.GivenName, faker.Random.Bool() ? person.FamilyName : person.FamilyName + "e",
                person.DateOfBirth ?? JaydenBorn)];
        }

        var street = $"{faker.Random.Int(1, 140)} {faker.PickRandom(Streets)}";
        var postcode = "NT" + faker.Random.Int(1, 9) + " " + faker.Random.Int(1, 9) + faker.Random.String2(2, "ABDEFGHJLNPQRSTUWXYZ");
        var referral = new Referral
        {
            IdempotencyKey = Guid.NewGuid(),
            ReferrerUserId = referrer.Id,
            ReferringOrganisationId = organisation.Id,
            ReferralSourceCode = channel == ContactChannel.Portal ? organisation.ReferralSource.Code
                : faker.PickRandom(ReferralSource.NonProfessional.ToArray()).Code,
            ThresholdDocumentId = document.Id,
            CreatedAt = received.AddMinutes(-40),
            UpdatedAt = received,
            ChildInImmediateDanger = false,
            FgmKnownOrSuspected = scenario.Categories.Contains(ConcernCategory.FemaleGenitalMutilation),
            Categories = [.. scenario.Categories.Select(c => c.Key)],
            Concerns =
            {
                WhatHappened = string.Format(System.Globalization.CultureInfo.InvariantCulture, scenario.WhatHappened, children[0].Given),
                Analysis = "The concerns fit the level chosen in the threshold document.",
                RiskFactors = "The pattern is getting worse and the adults at home have not acted on earlier advice.",
                ProtectiveFactors = "A grandparent nearby is involved and the child talks to staff they trust.",
                History = "Known to the school's pastoral team for a year.",
                PreviousHelp = "Some support from the family hub last year, which the family engaged with for a while.",
                OtherProfessionals = "The school nurse shares the concern.",
                ExpectedOutcome = "An assessment of the family's needs and advice for the school.",
            },
            Consent = { Decision = ConsentDecision.NotSought, Reason = "Telling the parents first could put the child at risk.",
                SharingBasis = InformationSharingBasis.SafeguardingWithoutConsent },
            Communication = { InterpreterNeeded = false, HasCommunicationNeeds = false },
            Referrer = channel == ContactChannel.Portal
                ? new ReferrerContact { Name = referrer.FullName, JobTitle = referrer.JobTitle, OrganisationName = organisation.Name,
                    Email = referrer.Email, Phone = "01632 960 123" }
                : new ReferrerContact { Name = faker.Random.Bool(0.3f) ? "Anonymous" : faker.Name.FullName(),
                    JobTitle = faker.PickRandom("Grandmother", "Neighbour", "Aunt", "Family friend"),
                    Phone = "07700 900" + faker.Random.Int(100, 999) },
        };
        for (var i = 0; i < children.Length; i++)
        {
            var (given, childFamily, born) = children[i];
            referral.Children.Add(new ReferralChild
            {
                ReferralId = referral.Id,
                Order = i,
                GivenName = given,
                FamilyName = childFamily,
                DateOfBirth = born,
                Gender = ChildGender.NotKnown,
                AddressLine1 = street,
                Town = "Northtown",
                Postcode = postcode,
                SchoolOrSetting = organisation.Kind == OrganisationKind.School ? organisation.Name : "Riverside Primary School",
                HowConcernsAffectChild = $"{given} is anxious and finding it hard to concentrate.",
                ChildsVoice = $"{given} said they want things at home to be calmer.",
                SiblingsExperiences = children.Length > 1 ? "The children look out for each other." : null,
                IndicatorCodes = [.. document.Indicators.Where(x => x.Level == scenario.Level).Take(1).Select(x => x.Code)],
            });
        }

        referral.Adults.Add(new SignificantAdult
        {
            ReferralId = referral.Id,
            GivenName = faker.Name.FirstName(Bogus.DataSets.Name.Gender.Female),
            FamilyName = family,
            Relationship = "Mother",
            LivesWithChildren = true,
            KnowsAboutReferral = false,
        });

        var reference = await ReferenceNumbers.NextAsync(db, ReferenceNumbers.DefaultPrefix, received, cancellationToken);
        if (channel == ContactChannel.Portal)
        {
            referral.RefreshSuggestion(document);
            referral.ChooseLevel(scenario.Level);
            if (referral.EarlyHelpOffered)
            {
                referral.ChooseEarlyHelpPathway(EarlyHelpChoice.ReferToMashAnyway,
                    "The family have not engaged with early help before and the concern is growing.");
            }

            referral.Submit(reference, received, []);
        }
        else
        {
            referral.ReceiveAsContact(reference, received);
        }

        db.Referrals.Add(referral);
        var mashCase = MashCase.Open(referral, channel, clock);
        db.MashCases.Add(mashCase);
        Event(CaseEvents.ReferralSubmitted, referral.Id, CaseEvents.ReferralSubjectType, referrer.Id, received, reference);
        Event(CaseEvents.Received, mashCase, channel == ContactChannel.Portal ? referrer : null, received,
            $"{channel.DisplayName()}; source {mashCase.SourceCode}");
        if (reReferralOf is { } previous)
        {
            var linkedAt = received.AddMinutes(50);
            var practitioner = await db.Users.FirstAsync(u => u.Email == "jo.evans@example.org", cancellationToken);
            db.PersonLinks.Add(new PersonLink
            {
                CaseId = mashCase.Id, ReferralId = referral.Id, Role = PersonRole.Child, SubjectId = referral.Children[0].Id,
                PersonId = previous.Person.Id, MatchScore = 90, LinkedByUserId = practitioner.Id, LinkedAt = linkedAt,
            });
            mashCase.RecordLinkedPeopleFindings(ReReferral.IsWithinWindow(previous.Case.ReceivedAt, received),
                previous.Person.Involvement == OpenInvolvement.EarlyHelp, previous.Person.Involvement == OpenInvolvement.SocialCare);
            Event(CaseEvents.PersonLinked, mashCase, practitioner, linkedAt, "Child 1 of the referral; match score 90");
        }

        return (referral, mashCase);
    }

    /// <summary>Moves an open case as far as its age suggests; some are left overdue, as on a real day.</summary>
    private void Progress(MashCase mashCase, Referral referral, PortalUser worker, DateTimeOffset received, int age, Scenario scenario,
        bool toSignOff)
    {
        var overdueOnPurpose = !toSignOff && faker.Random.Bool(0.15f);
        if ((age == 0 && faker.Random.Bool(0.6f)) || (overdueOnPurpose && age <= 2))
        {
            return;
        }

        Screen(mashCase, worker, received, toSignOff || faker.Random.Bool(0.9f) ? scenario.Rating : null);
        if (age <= 1 || mashCase.Rating is null || overdueOnPurpose)
        {
            return;
        }

        mashCase.ProgressToMashChecks();
        Event(CaseEvents.ProgressedToChecks, mashCase, worker, received.AddHours(2), null);
        if (age >= 3 && (toSignOff || faker.Random.Bool(0.6f)))
        {
            if (age >= 5 && (toSignOff || faker.Random.Bool(0.5f)))
            {
                var outcome = Outcome(scenario.Level);
                decisions.Add(async () =>
                {
                    await loop.ReadyForDecisionAsync(mashCase.Id, worker, received.AddHours(3));
                    await loop.ProposeAsync(mashCase.Id, worker, Proposal(mashCase, worker, scenario.Level, outcome, received.AddHours(20)),
                        received.AddHours(20));
                });
            }
            else
            {
                mashCase.MarkReadyForDecision();
            }
        }
    }

    private void Screen(MashCase mashCase, PortalUser worker, DateTimeOffset received, BragRating? rating)
    {
        var claimedAt = received.AddMinutes(faker.Random.Int(10, 90));
        mashCase.Claim(worker.Id, claimedAt);
        Event(CaseEvents.Claimed, mashCase, worker, claimedAt, $"By {worker.FullName}");
        Event(CaseEvents.Viewed, mashCase, worker, claimedAt.AddMinutes(1), null);
        if (rating is { } given)
        {
            var ratedAt = claimedAt.AddMinutes(faker.Random.Int(15, 60));
            var reason = Scenarios.First(s => s.Rating == given).RatingReason;
            mashCase.Rate(given, reason, worker.Id, ratedAt, clock);
            Event(CaseEvents.Rated, mashCase, worker, ratedAt, given.ToString());
        }
    }

    private void Decide(MashCase mashCase, Referral referral, PortalUser worker, PortalUser manager, DateTimeOffset received)
    {
        if (mashCase.Rating is null)
        {
            mashCase.Rate(BragRating.Green, "Standard risk after checks.", worker.Id, received.AddHours(1), clock);
        }

        mashCase.ProgressToMashChecks();
        Event(CaseEvents.ProgressedToChecks, mashCase, worker, received.AddHours(2), null);
        var closedAt = received.AddHours(faker.Random.Int(6, 30));
        var level = referral.ChosenLevel ?? ThresholdLevel.Targeted;
        var outcome = Outcome(level);
        decisions.Add(async () =>
        {
            await loop.ReadyForDecisionAsync(mashCase.Id, worker, received.AddHours(3));
            await loop.ProposeAsync(mashCase.Id, worker, Proposal(mashCase, worker, level, outcome, closedAt.AddHours(-2)),
                closedAt.AddHours(-2));
            await loop.SignOffAsync(mashCase.Id, manager, closedAt);
        });
    }

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
    private static DecisionModel.Propose Proposal(MashCase mashCase, PortalUser worker, ThresholdLevel level, DecisionOutcome outcome,
        DateTimeOffset at) =>
        DecisionLoop.Proposal(mashCase.Rating!.Value, level, outcome,
            "The information from the referrer and partner agencies shows the level of need and risk described, and what will help the " +
                "family.",
            worker.FullName, DateOnly.FromDateTime(at.AddDays(2).UtcDateTime), consentGiven: false);
}
