using System.Net;
using System.Text.RegularExpressions;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.TestSupport.Builders;

/// <summary>A MASH with two practitioners and a manager, and a school that refers.</summary>
public sealed record MashTeam(Organisation LocalAuthority, Organisation School, PortalUser Practitioner, PortalUser Colleague,
    PortalUser Manager);

/// <summary>A child as a test case names them.</summary>
public sealed record TestChild(string GivenName, string FamilyName, DateOnly? DateOfBirth, string? NhsNumber = null, string? Upn = null);

/// <summary>What a case made straight in the database should look like; null means "as it arrives".</summary>
public sealed record CaseSeed(DateTimeOffset ReceivedAt)
{
    public Organisation? From { get; init; }
    public ContactChannel Channel { get; init; } = ContactChannel.Portal;
    public string? SourceCode { get; init; }
    public PortalUser? AssignedTo { get; init; }
    public BragRating? Rating { get; init; }
    public bool ProgressToChecks { get; init; }
    public bool CloseAtContact { get; init; }
    public string[] Categories { get; init; } = [];
    public ThresholdLevel? Level { get; init; }
    public TestChild[] Children { get; init; } = [new("Test", "Child", new DateOnly(2016, 1, 1))];
}

public static partial class MashTestData
{
    public static async Task<MashTeam> MashTeamAsync(this PortalApp app)
    {
        var localAuthority = await app.CreateOrganisationAsync("Test County Council", OrganisationKind.LocalAuthorityChildrensSocialCare);
        var school = await app.CreateOrganisationAsync("Hilltop School", OrganisationKind.School);
        return new MashTeam(
            localAuthority,
            school,
            await app.CreateUserAsync("priya@mash.test", localAuthority, PortalRole.MashPractitioner),
            await app.CreateUserAsync("sam@mash.test", localAuthority, PortalRole.MashPractitioner),
            await app.CreateUserAsync("martin@mash.test", localAuthority, PortalRole.MashManager));
    }

    /// <summary>
    /// A case made directly in the database through the domain's own rules: quick enough to make dozens. Not yet
    /// through the commands (issue 12): the queue tests make dozens of cases with chosen arrival times, channels and
    /// source codes, which the referrer's journey (about twenty commands a case) would make much slower;
    /// <see cref="CasesAtChecks"/> shows the command path.
    /// </summary>
    public static async Task<MashCase> AddCaseAsync(this PortalApp app, MashTeam team, CaseSeed seed)
    {
        var clock = app.Scoped<DecisionClock>();
        return await app.ExecuteDbContextAsync(async db =>
        {
            var referral = new Referral
            {
                IdempotencyKey = Guid.NewGuid(),
                ReferrerUserId = team.Practitioner.Id,
                ReferringOrganisationId = (seed.From ?? team.School).Id,
                ReferralSourceCode = seed.SourceCode ?? (seed.From ?? team.School).ReferralSource.Code,
                ThresholdDocumentId = (await db.CurrentDocumentIdAsync(CancellationToken.None))!.Value,
                CreatedAt = seed.ReceivedAt,
                UpdatedAt = seed.ReceivedAt,
                ChildInImmediateDanger = false,
                Categories = [.. seed.Categories],
                ChosenLevel = seed.Level,
            };
            referral.Concerns.WhatHappened = "Test concerns.";
            for (var i = 0; i < seed.Children.Length; i++)
            {
                referral.Children.Add(new ReferralChild
                {
                    ReferralId = referral.Id,
                    Order = i,
                    GivenName = seed.Children[i].GivenName,
                    FamilyName = seed.Children[i].FamilyName,
                    DateOfBirth = seed.Children[i].DateOfBirth,
                    NhsNumber = seed.Children[i].NhsNumber,
                    Upn = seed.Children[i].Upn,
                });
            }

            referral.ReceiveAsContact(await ReferenceNumbers.NextAsync(db, "NS", seed.ReceivedAt, CancellationToken.None), seed.ReceivedAt);
            db.Referrals.Add(referral);
            var mashCase = MashCase.Open(referral, seed.Channel, clock);
            if (seed.AssignedTo is { } holder)
            {
                mashCase.Claim(holder.Id, seed.ReceivedAt.AddMinutes(5));
            }

            if (seed.Rating is { } rating)
            {
                mashCase.Rate(rating, "Seeded for a test", seed.AssignedTo!.Id, seed.ReceivedAt.AddMinutes(10), clock);
            }

            if (seed.ProgressToChecks)
            {
                mashCase.ProgressToMashChecks();
            }

            if (seed.CloseAtContact)
            {
                mashCase.CloseAtContact(ContactClosureReason.InformationOnly, null, "Advice given.", seed.ReceivedAt.AddHours(1));
            }

            db.MashCases.Add(mashCase);
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredAt = seed.ReceivedAt, Action = CaseEvents.Received, SubjectType = CaseEvents.SubjectType,
                    SubjectId = mashCase.Id.ToString(),
                Detail = $"{seed.Channel.DisplayName()}; source {mashCase.SourceCode}",
            });
            await db.SaveChangesAsync();
            return mashCase;
        });
    }

    /// <summary>
    /// A known person in a household of their own, optionally linked to an earlier case as its first child. Written
    /// straight to the database on purpose: a known person with open involvement comes from the council's case
    /// system, and no command in the portal creates one; this is the only path that writes it.
    /// </summary>
    public static async Task<Person> AddKnownPersonAsync(this PortalApp app, TestChild child,
        OpenInvolvement involvement = OpenInvolvement.None, MashCase? earlierCase = null, Guid? household = null)
    {
        return await app.ExecuteDbContextAsync(async db =>
        {
            var householdId = household ?? Guid.NewGuid();
            if (household is null)
            {
                db.Households.Add(new Household { Id = householdId, CreatedAt = TestClock.UtcNow });
            }

            var person = new Person
            {
                Role = PersonRole.Child,
                GivenName = child.GivenName,
                FamilyName = child.FamilyName,
                DateOfBirth = child.DateOfBirth,
                NhsNumber = child.NhsNumber,
                Upn = child.Upn,
                HouseholdId = householdId,
                Involvement = involvement,
                CreatedAt = TestClock.UtcNow,
            };
            db.Persons.Add(person);
            if (earlierCase is not null)
            {
                var subject = db.ReferralChildren.Where(c => c.ReferralId == earlierCase.ReferralId).OrderBy(c => c.Order).Select(c => c.Id)
                    .First();
                db.PersonLinks.Add(new PersonLink
                {
                    CaseId = earlierCase.Id,
                    ReferralId = earlierCase.ReferralId,
                    Role = PersonRole.Child,
                    SubjectId = subject,
                    PersonId = person.Id,
                    LinkedByUserId = earlierCase.AssignedToUserId ?? db.Users.Select(u => u.Id).First(),
                    LinkedAt = TestClock.UtcNow,
                });
            }

            await db.SaveChangesAsync();
            return person;
        });
    }

    /// <summary>The case references in a queue page, in the order shown.</summary>
    public static IReadOnlyList<string> References(string html) =>
        [.. CaseLink().Matches(html).Select(m => m.Groups[2].Value)];

    public static string? NextPage(string html) => PageLink(html, "next");

    public static string? PreviousPage(string html) => PageLink(html, "prev");

    /// <summary>The count shown beside a status in the queue's status list.</summary>
    public static int CountFor(string html, string status)
    {
        var match = Regex.Match(html, Regex.Escape(status) + @" <span class=""govuk-tag govuk-tag--grey"">(\d+)</span>");
        match.Success.ShouldBeTrue($"the queue should show a count for {status}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The page's visible text, tags stripped, for assertions on what a user reads.</summary>
    public static string Text(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), @"\s+", " ")), @" ([,.;:)])", "$1");

    private static string? PageLink(string html, string rel)
    {
        var match = Regex.Match(html, $"href=\"([^\"]+)\" rel=\"{rel}\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("href=\"/mash/cases/([0-9a-f-]{36})\">([A-Z]{2,5}-[0-9]{4}-[0-9]{6,})</a>")]
    private static partial Regex CaseLink();
}
