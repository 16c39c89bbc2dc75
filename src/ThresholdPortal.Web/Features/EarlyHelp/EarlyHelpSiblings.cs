using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Matching;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.EarlyHelp;

/// <summary>
/// Siblings in one process (issue 16): the brothers and sisters, in the households of the children the MASH matched
/// for this family (for a referrer's own request, the known children with the same NHS number or name and date of
/// birth), who are open to the MASH or to children's social care. Allocating to early help while any are warns and
/// needs a reason; allocating marks the matched children as open to early help, so the MASH's own
/// family warning shows the other way round, and a MASH decision that does not step every child down to early help
/// while a brother or sister is open to it needs a reason too (<see cref="InEarlyHelpAsync"/>).
/// </summary>
public static class EarlyHelpSiblings
{
    /// <summary>Each sibling open elsewhere, in words ("Ava Clarke is open to the MASH").</summary>
    public static async Task<IReadOnlyList<string>> OpenElsewhereAsync(PortalDbContext db, Guid earlyHelpCaseId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var children = await Matched(db, earlyHelpCaseId).Select(p => new KnownChild(p.Id, p.HouseholdId)).ToListAsync(ct);
        if (children.Count == 0)
        {
            children = await SameChildAsync(db, earlyHelpCaseId, ct);
        }

        var ids = children.Select(c => c.Id).ToList();
        var households = children.Select(c => c.HouseholdId).Distinct().ToList();
        var siblings = await db.Persons.AsNoTracking()
            .Where(p => p.Role == PersonRole.Child && !ids.Contains(p.Id) && households.Contains(p.HouseholdId))
            .Select(p => new
            {
                p.GivenName, p.FamilyName, p.Involvement,
                OpenToMash = db.PersonLinks.Any(l => l.PersonId == p.Id
                    && db.MashCases.Any(m => m.Id == l.CaseId && m.Status != MashCaseStatus.Decided)),
            })
            .Where(p => p.OpenToMash || p.Involvement == OpenInvolvement.SocialCare)
            .ToListAsync(ct);
        return [.. siblings.Select(s => $"{PersonName.AsWritten(s.GivenName, s.FamilyName)} is " +
            (s.Involvement == OpenInvolvement.SocialCare ? "open to children's social care" : "open to the MASH"))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// A referrer's early help request never went through the MASH's matching, so its children are looked for among known
    /// children by the same NHS number, or the same name and date of birth. Only for this warning: nothing is linked and no
    /// record is changed, since only a practitioner confirms a match.
    /// </summary>
    private static async Task<List<KnownChild>> SameChildAsync(PortalDbContext db, Guid earlyHelpCaseId, CancellationToken ct)
    {
        var named = await db.ReferralChildren.AsNoTracking()
            .Where(c => db.EarlyHelpCases.Any(w => w.Id == earlyHelpCaseId && w.StepDownId == null && w.ReferralId == c.ReferralId))
            .Select(c => new { c.GivenName, c.FamilyName, c.DateOfBirth, c.NhsNumber })
            .ToListAsync(ct);
        var numbers = named.Where(c => c.NhsNumber != null).Select(c => c.NhsNumber).ToList();
        var byName = named.Where(c => c.DateOfBirth != null && c.GivenName != null)
            .Select(c => (Name: PersonName.SearchKey(c.GivenName, c.FamilyName), Born: c.DateOfBirth)).ToList();
        var names = byName.Select(n => n.Name).ToList();
        var found = await db.Persons.AsNoTracking()
            .Where(p => p.Role == PersonRole.Child && (numbers.Contains(p.NhsNumber) || names.Contains(p.SearchName)))
            .Select(p => new { p.Id, p.HouseholdId, p.NhsNumber, p.SearchName, p.DateOfBirth })
            .ToListAsync(ct);
        return [.. found.Where(p => (p.NhsNumber is not null && numbers.Contains(p.NhsNumber))
                || byName.Contains((p.SearchName, p.DateOfBirth)))
            .Select(p => new KnownChild(p.Id, p.HouseholdId))];
    }

    private sealed record KnownChild(Guid Id, Guid HouseholdId);

    /// <summary>
    /// The other way round: the brothers and sisters, in the households of the children the MASH linked to its case, who
    /// are open to early help ("Ava Clarke is open to early help").
    /// </summary>
    public static async Task<IReadOnlyList<string>> InEarlyHelpAsync(PortalDbContext db, Guid mashCaseId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var children = db.Persons.Where(p => p.Role == PersonRole.Child
            && db.PersonLinks.Any(l => l.PersonId == p.Id && l.CaseId == mashCaseId));
        var siblings = await db.Persons.AsNoTracking()
            .Where(p => p.Role == PersonRole.Child && p.Involvement == OpenInvolvement.EarlyHelp && !children.Any(c => c.Id == p.Id)
                && children.Any(c => c.HouseholdId == p.HouseholdId))
            .Select(p => new { p.GivenName, p.FamilyName })
            .ToListAsync(ct);
        return [.. siblings.Select(s => $"{PersonName.AsWritten(s.GivenName, s.FamilyName)} is open to early help")
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The family's children the MASH matched to known people, from the case that stepped them down.</summary>
    public static IQueryable<Person> Matched(PortalDbContext db, Guid earlyHelpCaseId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Persons.Where(p => p.Role == PersonRole.Child && db.PersonLinks.Any(l => l.PersonId == p.Id
            && db.EarlyHelpCases.Any(c => c.Id == earlyHelpCaseId && c.SteppedDownFromCaseId == l.CaseId)));
    }
}
