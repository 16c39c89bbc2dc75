using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Matching;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Triage;

/// <summary>
/// Finds cases by a child's name or date of birth (docs/decisions/0093). A name is matched by pg_trgm word
/// similarity, so a misspelled or partial name still finds the child: against the known person a child was
/// matched to (the person-matching GIN index, which reaches every case that person was linked to) and against
/// the name the referral gave, for children nobody has matched yet. The words searched for never leave the
/// query: they are not logged or audited.
/// </summary>
public static class QueueSearch
{
    /// <summary>Longer than any name the referral or the person record can hold is not a name.</summary>
    public const int NameMaxLength = 100;

    public static bool IsSearch(IQueueFilter request) => NameKey(request) is not null || request?.Born is not null;

    /// <summary>What kind of search was made, for the access log: never the name or the date itself.</summary>
    public static string Describe(IQueueFilter request) => (NameKey(request), request.Born) switch
    {
        (not null, not null) => "Queue searched by a child's name and date of birth",
        (not null, null) => "Queue searched by a child's name",
        _ => "Queue searched by a child's date of birth",
    };

    public static IQueryable<MashCase> Apply(PortalDbContext db, IQueryable<MashCase> cases, IQueueFilter request)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (NameKey(request) is { } name)
        {
            // Whole-name similarity (pg_trgm's %) finds a misspelled full name; word similarity (<%) finds one name
            // typed alone, misspelled or not. Both at PostgreSQL's default thresholds, 0.3 and 0.6 (docs/decisions/0093).
            cases = cases.Where(c =>
                db.ReferralChildren.Any(child => child.ReferralId == c.ReferralId
                    && (EF.Functions.TrigramsAreSimilar((child.GivenName + " " + child.FamilyName).ToLower(), name)
                        || EF.Functions.TrigramsAreWordSimilar(name, (child.GivenName + " " + child.FamilyName).ToLower())))
                || db.PersonLinks.Any(link => link.CaseId == c.Id && link.Role == PersonRole.Child
                    && db.Persons.Any(p => p.Id == link.PersonId
                        && (EF.Functions.TrigramsAreSimilar(p.SearchName, name)
                            || EF.Functions.TrigramsAreWordSimilar(name, p.SearchName)))));
        }

        if (request.Born is { } born)
        {
            cases = cases.Where(c =>
                db.ReferralChildren.Any(child => child.ReferralId == c.ReferralId && child.DateOfBirth == born)
                || db.PersonLinks.Any(link => link.CaseId == c.Id && link.Role == PersonRole.Child
                    && db.Persons.Any(p => p.Id == link.PersonId && p.DateOfBirth == born)));
        }

        return cases;
    }

    /// <summary>The name as the person-matching index holds names: lower case, accents removed, single spaces.</summary>
    private static string? NameKey(IQueueFilter? request) =>
        request?.Child is { Length: > 0 and <= NameMaxLength } child && Trigrams.Normalise(child) is { Length: > 0 } key ? key : null;
}
