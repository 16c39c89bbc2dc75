using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Matching;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Triage;

/// <summary>
/// The children and adults a case's referral names, each with the known person a practitioner linked
/// them to (if any): that person's earlier referrals and outcomes, household and open involvement.
/// </summary>
public static class CasePeople
{
    public sealed record Subject(
        Guid SubjectId, PersonRole Role, string? GivenName, string? FamilyName, string Name, DateOnly? DateOfBirth, bool IsUnborn,
            string? Address, Linked? Link, string? NhsNumber = null, string? Upn = null, DateOnly? ExpectedDate = null,
        string? AddressLine1 = null, string? Postcode = null)
    {
        public PersonDetails ForMatching =>
            new(GivenName ?? string.Empty, FamilyName ?? string.Empty, DateOfBirth, NhsNumber, Upn, IsUnborn ? ExpectedDate : null);
    }

    public sealed record Linked(
        Guid PersonId,
        string Name,
        DateOnly? DateOfBirth,
        string? Address,
        OpenInvolvement Involvement,
        DateOnly? InvolvementSince,
        string? InvolvementTeam,
        int? MatchScore,
        string LinkedBy,
        DateTimeOffset LinkedAt,
        IReadOnlyList<EarlierCase> EarlierCases,
        IReadOnlyList<HouseholdMember> Household);

    public sealed record EarlierCase(Guid CaseId, string Reference, DateTimeOffset ReceivedAt, MashCaseStatus Status, BragRating? Rating,
        string Outcome, bool IsWithinReReferralWindow);

    public sealed record HouseholdMember(Guid PersonId, string Name, PersonRole Role, DateOnly? DateOfBirth, OpenInvolvement Involvement);

    public sealed record People(IReadOnlyList<Subject> Subjects, string? FamilyWarning)
    {
        public IEnumerable<Subject> Children => Subjects.Where(s => s.Role == PersonRole.Child);
        public IEnumerable<Subject> Adults => Subjects.Where(s => s.Role == PersonRole.Adult);
    }

    /// <summary>The subjects named in the referral, children first, in the order the referrer gave them.</summary>
    public static async Task<List<Subject>> SubjectsAsync(PortalDbContext db, Guid referralId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var children = await db.ReferralChildren.AsNoTracking().Where(c => c.ReferralId == referralId).ToListAsync(cancellationToken);
        var adults = await db.ReferralAdults.AsNoTracking().Where(a => a.ReferralId == referralId).ToListAsync(cancellationToken);
        return SubjectsOf(children, adults);
    }

    /// <summary>The subjects of children and adults already read (the case record has the whole referral in hand).</summary>
    public static List<Subject> SubjectsOf(IEnumerable<ReferralChild> children, IEnumerable<SignificantAdult> adults) =>
    [
        .. children.OrderBy(c => c.Order).Select(c =>
            new Subject(c.Id, PersonRole.Child, c.GivenName, c.FamilyName,
            Name(c.GivenName, c.FamilyName, c.IsUnborn ? "Unborn baby" : "Child"),
            c.DateOfBirth, c.IsUnborn, Address(c.AddressLine1, c.Town, c.Postcode), null, c.NhsNumber, c.Upn,
            c.IsUnborn ? c.ExpectedDate : null, c.AddressLine1, c.Postcode)),
        .. adults.OrderBy(a => a.Order).Select(a =>
            new Subject(a.Id, PersonRole.Adult, a.GivenName, a.FamilyName, Name(a.GivenName, a.FamilyName, a.Relationship ?? "Adult"),
            a.DateOfBirth, false, null, null)),
    ];

    public static async Task<People> LoadAsync(PortalDbContext db, MashCase mashCase, int reReferralWindowMonths,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mashCase);
        return await LoadAsync(db, mashCase, await SubjectsAsync(db, mashCase.ReferralId, cancellationToken), reReferralWindowMonths,
            cancellationToken);
    }

    /// <summary>The subjects given, each with the known person it is linked to, their earlier cases and household.</summary>
    public static async Task<People> LoadAsync(PortalDbContext db, MashCase mashCase, IReadOnlyList<Subject> subjects,
        int reReferralWindowMonths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mashCase);
        // Each link with its person, the person's household and their earlier cases, in one read (a case names a handful).
        var received = mashCase.ReceivedAt;
        var links = await db.PersonLinks.AsNoTracking()
            .Where(l => l.CaseId == mashCase.Id)
            .Join(db.Persons, l => l.PersonId, p => p.Id, (l, p) => new
            {
                l.SubjectId,
                l.MatchScore,
                l.LinkedAt,
                LinkedBy = db.Users.Where(u => u.Id == l.LinkedByUserId).Select(u => u.FullName).FirstOrDefault(),
                Person = p,
                Household = db.Persons.Where(h => h.HouseholdId == p.HouseholdId).ToList(),
                Earlier = db.PersonLinks.Where(e => e.PersonId == p.Id && e.CaseId != mashCase.Id)
                    .Join(db.MashCases, e => e.CaseId, c => c.Id, (e, c) => new
                    {
                        c.Id, c.Reference, c.ReceivedAt, c.Status, c.Rating, c.ContactOutcome, c.ClosureReason,
                    })
                    .Where(c => c.ReceivedAt < received)
                    .ToList(),
            })
            .AsSingleQuery()
            .ToListAsync(cancellationToken);
        if (links.Count == 0)
        {
            return new People(subjects, null);
        }

        var earlier = links.SelectMany(l => l.Earlier.Select(c => (l.Person.Id, Case: c))).DistinctBy(e => (e.Id, e.Case.Id))
            .ToLookup(e => e.Id, e => new EarlierCase(e.Case.Id, e.Case.Reference, e.Case.ReceivedAt, e.Case.Status, e.Case.Rating,
                Outcome(e.Case.Status, e.Case.ContactOutcome, e.Case.ClosureReason),
                ReReferral.IsWithinWindow(e.Case.ReceivedAt, mashCase.ReceivedAt, reReferralWindowMonths)));
        // As PostgreSQL ordered them when this was a query of its own: the role as stored (text, so adults first), then the
        // date of birth with the unknown last.
        var households = links.SelectMany(l => l.Household).DistinctBy(p => p.Id)
            .OrderBy(p => p.Role.ToString(), StringComparer.Ordinal).ThenBy(p => p.DateOfBirth is null).ThenBy(p => p.DateOfBirth)
            .ToLookup(p => p.HouseholdId);

        var bySubject = links.ToDictionary(l => l.SubjectId);
        var withLinks = subjects.Select(s => bySubject.TryGetValue(s.SubjectId, out var link)
            ? s with
            {
                Link = new Linked(
                    link.Person.Id, link.Person.DisplayName, link.Person.DateOfBirth,
                    Address(link.Person.AddressLine1, link.Person.Town, link.Person.Postcode),
                    link.Person.Involvement, link.Person.InvolvementSince, link.Person.InvolvementTeam,
                    link.MatchScore, link.LinkedBy ?? "Unknown", link.LinkedAt,
                    [.. earlier[link.Person.Id].OrderByDescending(c => c.ReceivedAt)],
                    [.. households[link.Person.HouseholdId].Where(p => p.Id != link.Person.Id)
                        .Select(p => new HouseholdMember(p.Id, p.DisplayName, p.Role, p.DateOfBirth, p.Involvement))]),
            }
            : s).ToList();

        // The family: every child of the linked people's households, whether named in this referral or not.
        var familyChildren = households.SelectMany(h => h).Where(p => p.Role == PersonRole.Child).DistinctBy(p => p.Id)
            .Select(p => new FamilyInvolvement.Child(p.DisplayName, p.Involvement));
        return new People(withLinks, FamilyInvolvement.Warning(familyChildren));
    }

    /// <summary>
    /// Recomputes the case's flags from the people it is linked to (as they will be once this change is
    /// saved): a re-referral if any of them was referred in the window before this case was received; open
    /// involvement if any of them is open to a service. The case row is always written, so the save checks
    /// the version the practitioner's form was opened on.
    /// </summary>
    public static async Task RecordFindingsAsync(
        PortalDbContext db, MashCase mashCase, IReadOnlyCollection<Guid> linkedPersonIds, int reReferralWindowMonths,
            CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mashCase);
        var windowStart = mashCase.ReceivedAt.AddMonths(-reReferralWindowMonths);
        var ids = linkedPersonIds.ToList();
        var reReferral = await db.PersonLinks
            .Where(l => ids.Contains(l.PersonId) && l.CaseId != mashCase.Id)
            .Join(db.MashCases, l => l.CaseId, c => c.Id, (l, c) => c.ReceivedAt)
            .AnyAsync(received => received < mashCase.ReceivedAt && received >= windowStart, cancellationToken);
        var involvements = await db.Persons.Where(p => ids.Contains(p.Id)).Select(p => p.Involvement).Distinct()
            .ToListAsync(cancellationToken);
        mashCase.RecordLinkedPeopleFindings(
            reReferral, involvements.Contains(OpenInvolvement.EarlyHelp), involvements.Contains(OpenInvolvement.SocialCare));
        db.Entry(mashCase).Property(c => c.Flags).IsModified = true;
    }

    public static string Outcome(MashCaseStatus status, ContactOutcome? outcome, ContactClosureReason? reason) =>
        status != MashCaseStatus.Decided ? $"Open: {status.DisplayName().ToLowerInvariant()}"
        : outcome == ContactOutcome.ClosedAtContact ? $"Closed at contact stage: {reason?.DisplayName().ToLowerInvariant()}"
        : "Decided";

    private static string Name(string? given, string? family, string fallback)
    {
        var name = $"{given} {family}".Trim();
        return name.Length == 0 ? fallback : name;
    }

    private static string? Address(string? line1, string? town, string? postcode)
    {
        var text = string.Join(", ", new[] { line1, town, postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return text.Length == 0 ? null : text;
    }
}
