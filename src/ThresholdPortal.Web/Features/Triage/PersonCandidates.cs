using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Matching;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Triage;

/// <summary>
/// The known people the matching page offers for one child or adult named in a referral, before they are scored in C#
/// (docs/decisions/0032, 0133). Each way of being found is its own bounded probe, so the cost does not grow with the
/// people stored: the nearest names walk the GiST trigram index in distance order and stop at 30; the same date of birth,
/// or a due date near the child's, is read through its date index, nearest names first; identifiers through theirs.
/// </summary>
public static class PersonCandidates
{
    public const int Most = 30;

    /// <summary>
    /// What the probe looks for: the normalised name (<see cref="PersonName.SearchKey"/>), the date of birth, the date
    /// due dates and (for an unborn baby) births are looked for around, and the national identifiers.
    /// </summary>
    public sealed record Probe(string Name, DateOnly? DateOfBirth, DateOnly? Centre, bool IsUnborn, string? NhsNumber, string? Upn);

    public static Task<List<Person>> FindAsync(PortalDbContext db, Probe probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(probe);
        var name = probe.Name;
        var born = probe.DateOfBirth;
        var from = probe.Centre?.AddDays(-2 * PersonMatch.ExpectedDateWindowDays);
        var to = probe.Centre?.AddDays(2 * PersonMatch.ExpectedDateWindowDays);
        var unborn = probe.IsUnborn;
        // '' never equals a stored identifier, and keeps the parameters typed where the referral has none.
        var nhs = probe.NhsNumber ?? string.Empty;
        var upn = probe.Upn ?? string.Empty;
        return db.Persons
            .FromSql($"""
                WITH named AS (
                    SELECT "Id" FROM "Persons" WHERE {name} <> '' AND "SearchName" % {name}
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
                WHERE "Id" IN (SELECT "Id" FROM named UNION SELECT "Id" FROM born UNION SELECT "Id" FROM identified
                    UNION SELECT "Id" FROM due)
                ORDER BY ("NhsNumber" = {nhs} OR "Upn" = {upn}) IS TRUE DESC, similarity("SearchName", {name}) DESC
                LIMIT {Most}
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }
}
