using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>
/// The insights summary (issue 18; docs/decisions/0134): the MASH measures' counts per day and referring organisation, so a
/// period's figures cost as many rows as it has days, whatever is stored. Triggers record, in the same transaction as any
/// change a measure reads, which day's cases it touched (<see cref="InsightsStaleDay"/>); <see cref="RefreshAsync"/>
/// recounts exactly those days with the measures' own SQL, so the summary and the live lists share one definition. The
/// counts are kept with the signature of the definitions they were made with; when a release changes a measure or the time
/// zone, the summary is rebuilt and the page counts live until it is.
/// </summary>
public static class InsightsSummary
{
    /// <summary>The advisory lock refreshes share ("insights" in ASCII): one recounts at a time, the others then find nothing.</summary>
    public const long LockKey = 0x696E736967687473;

    /// <summary>How many consecutive days one recount covers at most, so its re-referral join stays bounded.</summary>
    private const int DaysPerRecount = 31;

    /// <summary>The measures the summary keeps, in the order of its arrays: the MASH's (the hub's depend on the moment asked).</summary>
    public static IReadOnlyList<Measure> Measures { get; } = [.. InsightsMeasures.Each.Where(m => m.Subject == MeasureSubject.MashCase)];

    /// <summary>Where each day's cases come from: the receipt day in the portal's zone.</summary>
    private const string CaseDay = "(c.\"ReceivedAt\" AT TIME ZONE @zone)::date";

    private const string AgencyCounts = """
        SELECT (c."ReceivedAt" AT TIME ZONE @zone)::date, c."ReferringOrganisationId", q."AgencyName",
               count(*), count(*) FILTER (WHERE q."RespondedAt" <= q."DueAt")
        FROM "InformationRequests" q
        JOIN "MashCases" c ON c."Id" = q."CaseId"
        WHERE q."RespondedAt" IS NOT NULL
        """;

    private const string FlagCounts = """
        SELECT (c."ReceivedAt" AT TIME ZONE @zone)::date, c."ReferringOrganisationId", f."Kind", count(DISTINCT f."ReferralId")
        FROM "ReferralQualityFlags" f
        JOIN "MashCases" c ON c."ReferralId" = f."ReferralId"
        WHERE c."Channel" = 'Portal'
        """;

    /// <summary>A hash of everything the stored counts depend on: each measure's SQL, the grouped counts' SQL and the zone.</summary>
    public static string Signature { get; } = Hash(string.Join('\n',
        Measures.Select(m => $"{m.Key}|{m.Denominator}|{m.Numerator}").Concat([AgencyCounts, FlagCounts, InsightsSql.CasesInPeriod])));

    /// <summary>The signature with the zone the portal runs in, as stored beside the counts.</summary>
    public static string CurrentSignature => Hash($"{Signature}|{UkTime.ZoneId}");

    /// <summary>
    /// Brings the summary up to date for a reader: recounts the days changed since the last refresh and answers true, or
    /// answers false (count live instead) when the stored counts were made with other definitions and await a rebuild.
    /// </summary>
    public static async Task<bool> RefreshAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (!await IsCurrentAsync(db, cancellationToken))
        {
            return false;
        }

        return await UnderLockAsync(db, clock: null, cancellationToken);
    }

    /// <summary>As <see cref="RefreshAsync"/>, but rebuilds every day's counts when the definitions changed (the refresher's
    /// job).</summary>
    public static Task<bool> RefreshOrRebuildAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        UnderLockAsync(db, clock, cancellationToken);

    /// <summary>Whether the stored counts were made with the running code's definitions (else they await a rebuild).</summary>
    public static async Task<bool> IsCurrentAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await StoredSignatureAsync(db, cancellationToken) == CurrentSignature;

    private static async Task<string?> StoredSignatureAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.Set<InsightsSummaryState>().AsNoTracking().Select(s => s.Signature).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Under the lock: recounts the stale days, or with a clock rebuilds counts made with other definitions.</summary>
    private static async Task<bool> UnderLockAsync(PortalDbContext db, TimeProvider? clock, CancellationToken cancellationToken)
    {
        var own = db.Database.CurrentTransaction is null;
        var transaction = own ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
            var stored = await StoredSignatureAsync(db, cancellationToken);
            if (stored == CurrentSignature)
            {
                await RecountStaleAsync(db, cancellationToken);
            }
            else if (clock is not null)
            {
                await RebuildAsync(db, stored is null, clock.GetUtcNow(), cancellationToken);
            }
            else
            {
                return false;
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return true;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    private static async Task RecountStaleAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var stale = await db.Database.SqlQueryRaw<DayKey>("""
            WITH gone AS (DELETE FROM "InsightsStaleDays" RETURNING "ReceivedAt", "OrganisationId")
            SELECT DISTINCT (g."ReceivedAt" AT TIME ZONE @zone)::date AS "Day", g."OrganisationId" FROM gone g
            """, InsightsSql.Zone()).ToListAsync(cancellationToken);
        foreach (var run in Runs(stale.Select(k => k.Day)))
        {
            var keys = stale.Where(k => k.Day >= run.First && k.Day <= run.Last).ToList();
            await RecountAsync(db, run.First, run.Last, keys, cancellationToken);
        }
    }

    private static async Task RebuildAsync(PortalDbContext db, bool first, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { "InsightsDays", "InsightsDayAgencies", "InsightsDayQualityFlags", "InsightsStaleDays" })
        {
            await ExecuteAsync(db, $"DELETE FROM \"{table}\"", [], cancellationToken);
        }

        var range = await db.MashCases.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new { First = g.Min(c => c.ReceivedAt), Last = g.Max(c => c.ReceivedAt) }).SingleOrDefaultAsync(cancellationToken);
        if (range is not null)
        {
            var last = UkTime.DateOf(range.Last);
            for (var day = UkTime.DateOf(range.First); day <= last; day = day.AddDays(DaysPerRecount))
            {
                var end = day.AddDays(DaysPerRecount - 1);
                await RecountAsync(db, day, end < last ? end : last, keys: null, cancellationToken);
            }
        }

        var state = new InsightsSummaryState { Signature = CurrentSignature, BuiltAt = now };
        if (first)
        {
            db.Add(state);
        }
        else
        {
            db.Update(state);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.Entry(state).State = EntityState.Detached;
    }

    /// <summary>Recounts the given days (and organisations: all of them when keys is null) from the cases themselves.</summary>
    private static async Task RecountAsync(PortalDbContext db, DateOnly first, DateOnly last, IReadOnlyList<DayKey>? keys,
        CancellationToken cancellationToken)
    {
        var (numerators, denominators) = InsightsQueries.Counts(Measures);
        var chosen = keys is null ? "TRUE" : $"""
            EXISTS (SELECT 1 FROM unnest(@days, @orgs) AS k("Day", "OrganisationId")
                    WHERE k."Day" = {CaseDay} AND k."OrganisationId" IS NOT DISTINCT FROM c."ReferringOrganisationId")
            """;
        var where = $"AND c.\"ReceivedAt\" >= @start AND c.\"ReceivedAt\" < @end AND {chosen}";
        foreach (var table in new[] { "InsightsDays", "InsightsDayAgencies", "InsightsDayQualityFlags" })
        {
            await ExecuteAsync(db, keys is null
                ? $"DELETE FROM \"{table}\" d WHERE d.\"Day\" BETWEEN @first AND @last"
                : $"""
                  DELETE FROM "{table}" d USING unnest(@days, @orgs) AS k("Day", "OrganisationId")
                  WHERE d."Day" = k."Day" AND d."OrganisationId" IS NOT DISTINCT FROM k."OrganisationId"
                  """, Parameters(first, last, keys), cancellationToken);
        }

        await ExecuteAsync(db, $"""
            INSERT INTO "InsightsDays" ("Day", "OrganisationId", "Numerators", "Denominators")
            SELECT {CaseDay}, c."ReferringOrganisationId", ARRAY[{numerators}], ARRAY[{denominators}]
            {InsightsSql.CasesInPeriod}
            WHERE TRUE {where}
            GROUP BY 1, 2
            """, Parameters(first, last, keys), cancellationToken);
        await ExecuteAsync(db, $"""
            INSERT INTO "InsightsDayAgencies" ("Day", "OrganisationId", "AgencyName", "Answered", "AnsweredOnTime")
            {AgencyCounts} {where}
            GROUP BY 1, 2, 3
            """, Parameters(first, last, keys), cancellationToken);
        await ExecuteAsync(db, $"""
            INSERT INTO "InsightsDayQualityFlags" ("Day", "OrganisationId", "Kind", "Referrals")
            {FlagCounts} {where}
            GROUP BY 1, 2, 3
            """, Parameters(first, last, keys), cancellationToken);
    }

    /// <summary>Runs summary SQL: every piece of its text is a constant of this feature; values are parameters.</summary>
    private static Task<int> ExecuteAsync(PortalDbContext db, string sql, NpgsqlParameter[] parameters,
        CancellationToken cancellationToken) => db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);

    private static NpgsqlParameter[] Parameters(DateOnly first, DateOnly last, IReadOnlyList<DayKey>? keys) =>
    [
        new("start", UkTime.StartOf(first).UtcDateTime),
        new("end", UkTime.StartOf(last.AddDays(1)).UtcDateTime),
        new("first", first),
        new("last", last),
        InsightsSql.Zone(),
        new("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = keys?.Select(k => k.Day).ToArray() ?? [] },
        new("orgs", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = keys?.Select(k => k.OrganisationId).ToArray() ?? [] },
    ];

    /// <summary>The days in runs of consecutive days, each at most <see cref="DaysPerRecount"/> long.</summary>
    internal static IEnumerable<(DateOnly First, DateOnly Last)> Runs(IEnumerable<DateOnly> days)
    {
        (DateOnly First, DateOnly Last)? run = null;
        foreach (var day in days.Distinct().Order())
        {
            if (run is { } open && day.DayNumber == open.Last.DayNumber + 1 && day.DayNumber - open.First.DayNumber < DaysPerRecount)
            {
                run = (open.First, day);
                continue;
            }

            if (run is { } done)
            {
                yield return done;
            }

            run = (day, day);
        }

        if (run is { } last)
        {
            yield return last;
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A day and organisation whose counts are stale.</summary>
    public sealed class DayKey
    {
        public DateOnly Day { get; init; }
        public Guid? OrganisationId { get; init; }
    }
}
