using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Identifiers;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.DemoData;

/// <summary>The MASH demo's catalogue of situations, known people, past moments and extra users.</summary>
public sealed partial class MashDemoData
{
    private sealed record Scenario(string WhatHappened, ConcernCategory[] Categories, ThresholdLevel Level, BragRating Rating,
        string RatingReason);

    private static readonly string[] Streets =
    [
        "Mill Lane", "Station Road", "Church Street", "Park Avenue", "Victoria Road", "Chestnut Close", "Meadow Way", "Queens Road",
        "Orchard Close", "Riverside Walk", "High Street", "Elm Grove", "Canal Street", "Hawthorn Drive", "Kings Crescent",
    ];

    private static readonly Scenario[] Scenarios =
    [
        new("{0} arrived at school with a bruise on the upper arm and said an adult at home grabbed them.",
            [ConcernCategory.PhysicalAbuseByAdult], ThresholdLevel.Targeted, BragRating.Amber,
            "Injury with an account of harm by an adult; no medical need."),
        new("{0} has come to school hungry and in the same clothes most days this month; attendance is 71%.", [ConcernCategory.Neglect],
            ThresholdLevel.Targeted, BragRating.Green, "Neglect building over time; no immediate risk."),
        new("Police attended a domestic incident at {0}'s home overnight; the children were present and a window was broken.",
            [ConcernCategory.DomesticAbuse], ThresholdLevel.Targeted, BragRating.Amber,
            "Domestic abuse with children present; DASH rated medium."),
        new("{0} was found by police at 2am in another town carrying £600 in cash and two phones.",
            [ConcernCategory.ChildCriminalExploitation, ConcernCategory.Missing], ThresholdLevel.Specialist, BragRating.Red,
            "Strong indicators of county lines exploitation; missing twice this month."),
        new("{0} has a much older 'boyfriend' who collects them from school and buys them gifts.",
            [ConcernCategory.ChildSexualExploitation], ThresholdLevel.Specialist, BragRating.Red,
            "CSE risk tool scored high; strategy discussion needed."),
        new("{0}'s mother was admitted to a mental health ward; {0} is caring for a younger brother.",
            [ConcernCategory.MentalHealth, ConcernCategory.YoungCarer], ThresholdLevel.EarlyHelp, BragRating.Green,
            "Young carer with family support available; needs early help."),
        new("{0}'s family plan an extended trip abroad in the summer; an older sister is known to have had FGM.",
            [ConcernCategory.FemaleGenitalMutilation], ThresholdLevel.Specialist, BragRating.Red, "Imminent risk of FGM; police informed."),
        new("{0} says their parents shout at them every night and lock them out of the house when angry.", [ConcernCategory.EmotionalAbuse],
            ThresholdLevel.Targeted, BragRating.Green, "Emotional harm; parents engaging with school."),
        new("{0}'s father was visibly drunk at school pick-up and drove away with {0} in the car.", [ConcernCategory.AlcoholMisuse],
            ThresholdLevel.Targeted, BragRating.Amber, "Parental alcohol misuse with immediate safety risk on the day."),
        new("{0} disclosed cutting their arms and has stopped eating lunch.", [ConcernCategory.SelfHarm, ConcernCategory.MentalHealth],
            ThresholdLevel.Targeted, BragRating.Amber, "Self-harm; CAMHS referral made; parents supportive."),
        new("A neighbour reports {0} is left alone for long periods and seen outside late at night.", [ConcernCategory.Neglect],
            ThresholdLevel.EarlyHelp, BragRating.Blue, "No corroboration from school or health; information only."),
    ];

    /// <summary>A moment within office hours, the given number of working days ago (0 = earlier today, or the last working day).</summary>
    private DateTimeOffset WorkingMoment(int workingDaysAgo)
    {
        var calendar = clock.Calendar;
        var date = MashDisplay.Today(now);
        var counted = 0;
        while (!calendar.IsWorkingDay(date) || counted < workingDaysAgo)
        {
            if (calendar.IsWorkingDay(date))
            {
                counted++;
            }

            date = date.AddDays(-1);
        }

        var local = date.ToDateTime(calendar.DayStarts.AddMinutes(faker.Random.Int(0, (int)calendar.WorkingDayLength.TotalMinutes - 1)));
        var moment = new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local));
        // Drawn whether or not it is used, so the rest of the demo does not depend on the time of day it is seeded.
        var minutesAgo = faker.Random.Int(5, 90);
        return (moment > now ? now.AddMinutes(-minutesAgo) : moment).ToUniversalTime();
    }

    private async Task<PortalUser> UserAsync(string email, string givenName, string familyName, string jobTitle, Organisation organisation,
        string role)
    {
        var user = new PortalUser
        {
            UserName = email, Email = email, EmailConfirmed = true, GivenName = givenName, FamilyName = familyName, JobTitle = jobTitle,
            OrganisationId = organisation.Id,
        };
        var created = await users.CreateAsync(user, DemoDataSeeder.DemoPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create a demo user: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        }

        await users.AddToRoleAsync(user, role);
        if (accounts.RequiresTwoFactor([role]))
        {
            // Like the other demo MASH accounts: the published demo key (docs/decisions/0021).
            await TwoFactorEnrolment.EnrolWithKeyAsync(users, userStore, user, DemoDataSeeder.DemoAuthenticatorKey);
        }

        return user;
    }

    /// <summary>
    /// Links a case's children and adults to new person records, in one household, through the person page; then
    /// marks some children open to early help or social care, as the council's case-management system knows them
    /// (the portal does not record that itself). Returns the children.
    /// </summary>
    private async Task<List<KnownChild>> KnowPeopleAsync(DemoCase mashCase, PortalUser worker, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await triage.LinkPeopleAsync(mashCase.Id, worker, at);
        var children = await db.PersonLinks.Where(l => l.CaseId == mashCase.Id && l.Role == PersonRole.Child)
            .Join(db.Persons, l => l.PersonId, p => p.Id, (l, p) => p).OrderBy(p => p.CreatedAt).ThenBy(p => p.GivenName)
            .ToListAsync(cancellationToken);
        foreach (var child in children)
        {
            var involvement = faker.Random.WeightedRandom([OpenInvolvement.None, OpenInvolvement.EarlyHelp, OpenInvolvement.SocialCare],
                [0.7f, 0.18f, 0.12f]);
            await InvolveAsync(child.Id, involvement, DateOnly.FromDateTime(at.AddDays(14).UtcDateTime), cancellationToken);
        }

        return [.. children.Select(c => new KnownChild(c.Id, c.GivenName, c.FamilyName, c.DateOfBirth,
            c.NhsNumber is { } nhs ? NhsNumber.Display(nhs) : null))];
    }

    /// <summary>What the case-management system says of a known person's open involvement (reference data, not a portal step).</summary>
    private Task InvolveAsync(Guid personId, OpenInvolvement involvement, DateOnly since, CancellationToken cancellationToken) =>
        involvement == OpenInvolvement.None ? Task.CompletedTask
        : db.Persons.Where(p => p.Id == personId).ExecuteUpdateAsync(p => p
            .SetProperty(x => x.Involvement, involvement)
            .SetProperty(x => x.InvolvementSince, since)
            .SetProperty(x => x.InvolvementTeam,
                involvement == OpenInvolvement.EarlyHelp ? "Northtown family hub" : "Northtown children in need team"), cancellationToken);

    /// <summary>The family behind the misspelled match: known as "Clark", referred before; now referred again as "Clarke".</summary>
    private async Task SeedClarkeFamilyAsync(DemoSeedContext context, PortalUser schoolReferrer, List<PortalUser> practitioners,
        CancellationToken cancellationToken)
    {
        var school = context.Organisations.School;
        var earlierAt = WorkingMoment(95);
        var earlier =
            new Scenario("Jaydon came to school with a cut lip and said he fell. His sister Maisie said there was shouting at home all " +
            "weekend.",
            [ConcernCategory.PhysicalAbuseByAdult, ConcernCategory.DomesticAbuse], ThresholdLevel.Targeted, BragRating.Amber,
            "Injury with an inconsistent account and domestic abuse at home.");
        var earlierCase = await ReferralAsync(schoolReferrer, school, earlierAt, earlier, ContactChannel.Portal, cancellationToken,
            children: [(MisspelledGivenName, MisspelledFamilyName, JaydenBorn), ("Maisie", MisspelledFamilyName, MaisieBorn)],
                adultFamilyName: MisspelledFamilyName);
        await ScreenAsync(earlierCase, practitioners[0], BragRating.Amber);
        await triage.LinkPeopleAsync(earlierCase.Id, practitioners[0], earlierAt.AddHours(3));
        var people = await db.PersonLinks.Where(l => l.CaseId == earlierCase.Id && l.Role == PersonRole.Child)
            .Join(db.Persons, l => l.PersonId, p => p.Id, (l, p) => new { p.Id, p.GivenName }).ToListAsync(cancellationToken);
        await InvolveAsync(people.Single(p => p.GivenName == MisspelledGivenName).Id, OpenInvolvement.SocialCare,
            DateOnly.FromDateTime(earlierAt.AddDays(20).UtcDateTime), cancellationToken);
        await InvolveAsync(people.Single(p => p.GivenName == "Maisie").Id, OpenInvolvement.EarlyHelp,
            DateOnly.FromDateTime(earlierAt.AddDays(30).UtcDateTime), cancellationToken);
        await DecideAsync(earlierCase, practitioners[0], context.Users.Manager);

        // The demo referral waiting in the queue, spelled as the school spells it: not linked, for a practitioner to match.
        var again =
            new Scenario("Jayden arrived with a bruise on his cheek and said his mum's partner pushed him. Maisie was withdrawn all " +
            "morning.",
            [ConcernCategory.PhysicalAbuseByAdult], ThresholdLevel.Targeted, BragRating.Amber,
                "Second injury this year with an account of harm by an adult.");
        await ReferralAsync(schoolReferrer, school, WorkingMoment(0), again, ContactChannel.Portal, cancellationToken,
            children: [("Jayden", "Clarke", JaydenBorn), ("Maisie", "Clarke", MaisieBorn)], adultFamilyName: "Clarke");
    }
}
