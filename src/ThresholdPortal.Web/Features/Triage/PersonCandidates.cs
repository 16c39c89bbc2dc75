using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Matching;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Triage;

/// <summary>
/// The known people the matching page offers for one child or adult named in a referral, before they are scored in C#
/// (docs/decisions/0032, 0133, 0139). Each way of being found is its own bounded probe, so the cost does not grow with the
/// people stored. Names are blocked on a whole word: people whose first or last name word is one of the probe's, either
/// way round. People born the same day are another block. Within each block a two-column GiST index (the block's key, then
/// the name's trigrams) is walked nearest name first and stopped at 30. Due dates near the child's are read through their
/// date index, nearest names first; identifiers through theirs.
/// </summary>
public static class PersonCandidates
{
    public const int Most = 30;

    /// <summary>
    /// What the probe looks for: the normalised name (<see cref="PersonName.SearchKey"/>), the date of birth, the date
    /// due dates and (for an unborn baby) births are looked for around, and the national identifiers.
    /// </summary>
    public sealed record Probe(string Name, DateOnly? DateOfBirth, DateOnly? Centre, bool IsUnborn, string? NhsNumber, string? Upn);

    public static Task<List<Person>> FindAsync(PortalDbContext db, Probe probe, CancellationToken cancellationToken) =>
        Query(db, probe).ToListAsync(cancellationToken);

    /// <summary>The candidates' query, for <see cref="FindAsync"/> and for the tests that read its plan.</summary>
    public static IQueryable<Person> Query(PortalDbContext db, Probe probe)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(probe);
        var name = probe.Name;
        // The SQL splits names with split_part on single spaces, as PersonName.SearchKey leaves them.
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = words.FirstOrDefault() ?? string.Empty;
        var last = words.LastOrDefault() ?? string.Empty;
        var born = probe.DateOfBirth;
        var from = probe.Centre?.AddDays(-2 * PersonMatch.ExpectedDateWindowDays);
        var to = probe.Centre?.AddDays(2 * PersonMatch.ExpectedDateWindowDays);
        var unborn = probe.IsUnborn;
        // '' never equals a stored identifier, and keeps the parameters typed where the referral has none.
        var nhs = probe.NhsNumber ?? string.Empty;
        var upn = probe.Upn ?? string.Empty;
        // Four name blocks: the same first word (a slip in the family name), the same last word (a slip in the given name),
        // and each of those swapped (given and family names written the other way round). The block's key is the word's
        // hashtext (a tight integer key; btree_gist's text keys are truncated prefixes, so a walk for a word no one has
        // opened hundreds of pages); a rare collision only adds another word's nearest names. The indexes are
        // IX_Persons_SearchName_ByFirstWord, _ByLastWord and _ByDateOfBirth (migration WordBlockedNearestNames). Most blocks
        // a probe asks for are empty (a misspelt word, a given name asked for as a family name), and a GiST walk for an empty
        // block can still open hundreds of pages where its key ranges overlap; so each walk first asks the words' B-trees
        // (IX_Persons_FirstWord, _LastWord) whether the block has anyone, a one-time check that skips the walk when not.
        return db.Persons
            .FromSql($"""
                WITH first_word AS (
                    SELECT "Id" FROM "Persons" WHERE {first} <> '' AND hashtext(split_part("SearchName", ' ', 1)) = hashtext({first})
                        AND EXISTS (SELECT 1 FROM "Persons" k WHERE hashtext(split_part(k."SearchName", ' ', 1)) = hashtext({first}))
                    ORDER BY "SearchName" <-> {name} LIMIT {Most}),
                last_word AS (
                    SELECT "Id" FROM "Persons" WHERE {last} <> '' AND hashtext(split_part("SearchName", ' ', -1)) = hashtext({last})
                        AND EXISTS (SELECT 1 FROM "Persons" k WHERE hashtext(split_part(k."SearchName", ' ', -1)) = hashtext({last}))
                    ORDER BY "SearchName" <-> {name} LIMIT {Most}),
                first_word_swapped AS (
                    SELECT "Id" FROM "Persons" WHERE {last} <> '' AND hashtext(split_part("SearchName", ' ', 1)) = hashtext({last})
                        AND EXISTS (SELECT 1 FROM "Persons" k WHERE hashtext(split_part(k."SearchName", ' ', 1)) = hashtext({last}))
                    ORDER BY "SearchName" <-> {name} LIMIT {Most}),
                last_word_swapped AS (
                    SELECT "Id" FROM "Persons" WHERE {first} <> '' AND hashtext(split_part("SearchName", ' ', -1)) = hashtext({first})
                        AND EXISTS (SELECT 1 FROM "Persons" k WHERE hashtext(split_part(k."SearchName", ' ', -1)) = hashtext({first}))
                    ORDER BY "SearchName" <-> {name} LIMIT {Most}),
                born AS (
                    SELECT "Id" FROM "Persons" WHERE "DateOfBirth" = {born} ORDER BY "SearchName" <-> {name} LIMIT {Most}),
                identified AS (
                    SELECT "Id" FROM "Persons" WHERE "NhsNumber" = {nhs} OR "Upn" = {upn}),
                due AS (
                    SELECT "Id" FROM "Persons"
                    WHERE "ExpectedDate" BETWEEN {from} AND {to} OR ({unborn} AND "DateOfBirth" BETWEEN {from} AND {to})
                    ORDER BY "SearchName" <-> {name} LIMIT {Most})
                SELECT * FROM "Persons"
                WHERE "Id" IN (SELECT "Id" FROM first_word UNION SELECT "Id" FROM last_word
                    UNION SELECT "Id" FROM first_word_swapped UNION SELECT "Id" FROM last_word_swapped
                    UNION SELECT "Id" FROM born UNION SELECT "Id" FROM identified UNION SELECT "Id" FROM due)
                ORDER BY ("NhsNumber" = {nhs} OR "Upn" = {upn}) IS TRUE DESC, similarity("SearchName", {name}) DESC
                LIMIT {Most}
                """)
            .AsNoTracking();
    }
}
