using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Matching;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.EarlyHelp;

/// <summary>
/// Siblings in one process (issue 16): the brothers and sisters, in the households of the children the MASH matched
/// for this family, who are open to the MASH or to children's social care. Allocating to early help while any are
/// warns and needs a reason; allocating marks the matched children as open to early help, so the MASH's own
/// family warning shows the other way round, and a MASH decision that does not step every child down to early help
/// while a brother or sister is open to it needs a reason too (<see cref="InEarlyHelpAsync"/>).
/// </summary>
public static class EarlyHelpSiblings
{
    /// <summary>Each sibling open elsewhere, in words ("Ava Clarke is open to the MASH").</summary>
    public static async Task<IReadOnlyList<string>> OpenElsewhereAsync(PortalDbContext db, Guid earlyHelpCaseId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var children = Matched(db, earlyHelpCaseId);
        var siblings = await db.Persons.AsNoTracking()
            .Where(p => p.Role == PersonRole.Child && !children.Any(c => c.Id == p.Id)
                && children.Any(c => c.HouseholdId == p.HouseholdId))
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
