using System.Diagnostics;
using Bogus;
using Npgsql;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Benchmarks;

/// <summary>
/// Bulk-loads N received referrals with their children and MASH cases into a migrated, demo-seeded
/// database, by PostgreSQL COPY (Npgsql binary import), to measure the portal at national volume. The
/// receipt times run up to now at about 2,500 a working day (England's rate), oldest first and each day in time order, as
/// a real table fills; cases received in the last few working days are open at every stage, older ones are decided, and a
/// small share of older ones are still waiting for information, as a real backlog would be. Deadlines come from the same
/// decision clock the app uses. Around the cases: the children's person records and links (a fifth of referrals are
/// re-referrals of a family already known), information requests with the agencies' answers, the referrer's feedback and
/// the occasional escalation (VolumeGenerator.Related.cs). Decided cases carry their approved decision, so the insights
/// measures and exports have realistic data to read. Not for a database anyone works in: it adds rows, takes references
/// from the live sequence, and loads with triggers off (VolumeGenerator.Bulk.cs).
/// </summary>
public sealed partial class VolumeGenerator(string connectionString, int count, int perWorkingDay, int seed)
{
    private const int Batch = 50_000;
    private static readonly string[] Factors = ["16A", "17A", "3A", "3B", "4B", "1B", "2B", "18C", "19C", "24A", "11A", "10A", "15A", "21"];
    private static readonly string?[] ConsentDecisions = ["Obtained", "Obtained", "Obtained", "Refused", "NotSought", null];
    private static readonly BragRating?[] Ratings = [BragRating.Red, BragRating.Amber, BragRating.Amber, BragRating.Green, BragRating.Green,
        BragRating.Green, BragRating.Blue, null];

    private readonly DecisionClock clock = new(
        WorkingCalendar.UkOffice(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), BankHolidays.EnglandAndWales2026To2027),
        DecisionTimescales.Default);
    private readonly Faker faker = new("en_GB") { Random = new Randomizer(seed) };
    private Guid documentId;

    public async Task<GenerationResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var context = await ContextAsync(dataSource, cancellationToken);
        documentId = context.DocumentId;
        var firstNumber = await ReserveReferencesAsync(dataSource, count, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var receipts = ReceiptTimes(now).GetEnumerator();
        var deferredIndexes = count >= IndexesAfterLoadFrom ? await DropIndexesAsync(dataSource, cancellationToken) : [];
        var open = 0;

        // One batch is made in memory while the one before is copied: the two cores each get one side.
        List<Generated> Make(int offset) => [.. Enumerable.Range(offset, Math.Min(Batch, count - offset)).Select(i =>
        {
            receipts.MoveNext();
            return Row(context, firstNumber + i, receipts.Current.At, receipts.Current.WorkingDaysAgo, now);
        })];
        var making = Task.Run(() => Make(0), cancellationToken);
        for (var offset = 0; offset < count; offset += Batch)
        {
            var rows = await making;
            var nextOffset = offset + Batch;
            making = nextOffset < count ? Task.Run(() => Make(nextOffset), cancellationToken) : Task.FromResult(new List<Generated>());
            open += rows.Count(r => r.Case.Status != MashCaseStatus.Decided);
            await CopyBatchAsync(dataSource, context.DocumentId, rows, cancellationToken);
            Console.WriteLine($"  {offset + rows.Count:N0} of {count:N0} referrals loaded " +
                $"({Stopwatch.GetElapsedTime(started).TotalSeconds:0} s)");
        }

        await FinishAsync(dataSource, deferredIndexes, started, cancellationToken);
        return new GenerationResult(count, open, Stopwatch.GetElapsedTime(started));
    }

    private sealed record Context(Guid DocumentId, Guid[] ReferrerIds, (Guid Id, string SourceCode)[] Organisations, Guid[] Practitioners,
        Agency[] Agencies);

    private sealed record Generated(Guid ReferralId, string Reference, DateTimeOffset ReceivedAt, Guid ReferrerId, Guid OrganisationId,
        string SourceCode,
        int Level, string[] Categories, string WhatHappened, GeneratedChild[] Children,
            MashCase Case, string? Consent)
    {
        /// <summary>The approved decision that closed the case, written to CaseDecisions; null for cases not decided that way.</summary>
        public CaseDecision? Decision { get; set; }

        /// <summary>True when the case was triaged far enough for its children to be matched to person records.</summary>
        public bool Linked { get; set; }

        public List<GeneratedRequest> Requests { get; } = [];

        public GeneratedFeedback? Feedback { get; set; }
    }

    private static async Task<Context> ContextAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        async Task<List<T>> ReadAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
        {
            var list = new List<T>();
            await using var command = dataSource.CreateCommand(sql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                list.Add(read(reader));
            }

            return list;
        }

        var documents = await ReadAsync("SELECT \"Id\" FROM \"ThresholdDocuments\" ORDER BY \"Version\" DESC LIMIT 1", r => r.GetGuid(0));
        var organisations =
            await ReadAsync("SELECT \"Id\", \"Kind\" FROM \"Organisations\" WHERE \"Kind\" <> 'LocalAuthorityChildrensSocialCare'",
            r => (r.GetGuid(0), r.GetString(1)));
        var referrers = await ReadAsync("""
            SELECT u."Id" FROM "AspNetUsers" u JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id"
            JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
            WHERE r."Name" = 'Referrer'
            """, r => r.GetGuid(0));
        var practitioners = await ReadAsync("""
            SELECT u."Id" FROM "AspNetUsers" u JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id"
            JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
            WHERE r."Name" IN ('MashPractitioner', 'MashManager')
            """, r => r.GetGuid(0));
        var agencies = await AgenciesAsync(dataSource, cancellationToken);
        if (documents.Count == 0 || organisations.Count == 0 || referrers.Count == 0 || practitioners.Count == 0)
        {
            throw new InvalidOperationException("Run the portal once against this database with demo data (deploy/local/run.sh) before " +
                "generating: it needs the threshold document, organisations and users.");
        }

        return new Context(
            documents[0],
            [.. referrers],
            [.. organisations.Select(o => (o.Item1, SourceCodeOf(o.Item2)))],
            [.. practitioners],
            agencies);
    }

    /// <summary>Takes a block of reference numbers from the live sequence, so later referrals never collide with these.</summary>
    private static async Task<long> ReserveReferencesAsync(NpgsqlDataSource dataSource, int count, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT setval('\"ReferralReferenceNumbers\"', nextval('\"ReferralReferenceNumbers\"') + $1 - 1) - $1 + 1");
        command.Parameters.AddWithValue((long)count);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Receipt times up to now, oldest first: <c>perWorkingDay</c> each working day (the oldest day takes the remainder), in
    /// office hours mostly, some at night, each day's sorted as they would arrive.
    /// </summary>
    private IEnumerable<(DateTimeOffset At, int WorkingDaysAgo)> ReceiptTimes(DateTimeOffset now)
    {
        var calendar = clock.Calendar;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.TimeZone).DateTime);
        var workingDays = (count + perWorkingDay - 1) / perWorkingDay;
        var day = today;
        for (var seen = calendar.IsWorkingDay(day) ? 1 : 0; seen < workingDays; seen += calendar.IsWorkingDay(day) ? 1 : 0)
        {
            day = day.AddDays(-1);
        }

        var first = count - ((workingDays - 1) * perWorkingDay);
        for (var workingDaysAgo = workingDays - 1; workingDaysAgo >= 0; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            var times = Enumerable.Range(0, workingDaysAgo == workingDays - 1 ? first : perWorkingDay).Select(_ =>
            {
                var local = day.ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(faker.Random.Bool(0.9f)
                    ? faker.Random.Int(8 * 60, (18 * 60) - 1) : faker.Random.Int(0, (24 * 60) - 1))));
                var at = new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local)).ToUniversalTime();
                return at > now ? now.AddSeconds(-faker.Random.Int(1, 3600)) : at;
            }).Order().ToList();
            foreach (var at in times)
            {
                yield return (at, workingDaysAgo);
            }

            workingDaysAgo--;
        }
    }

    private Generated Row(Context context, long number, DateTimeOffset receivedAt, int workingDaysAgo, DateTimeOffset now)
    {
        var (organisationId, sourceCode) = faker.PickRandom(context.Organisations);
        var reference = ReferralReference.Format("NS", TimeZoneInfo.ConvertTime(receivedAt, clock.Calendar.TimeZone).Year, number);
        var children = Family(receivedAt);
        var categories = faker.Random.ArrayElements(["Neglect", "DomesticAbuse", "EmotionalAbuse", "PhysicalAbuseByAdult", "MentalHealth",
            "ChildCriminalExploitation", "SelfHarm"], faker.Random.Int(1, 2));
        var level = faker.Random.WeightedRandom([2, 3, 4], [0.15f, 0.6f, 0.25f]);
        var referralId = Guid.CreateVersion7();

        // The case, moved through the domain's own rules as far as its age suggests.
        var referral = new Referral
        {
            Id = referralId,
            ReferralSourceCode = sourceCode,
            ReferringOrganisationId = organisationId,
            Categories = [.. categories],
            ChildInImmediateDanger = false,
        };
        referral.ReceiveAsContact(reference, receivedAt);
        var mashCase = MashCase.Open(referral, ContactChannel.Portal, clock);
        var generated = new Generated(referralId, reference, receivedAt, faker.PickRandom(context.ReferrerIds), organisationId, sourceCode,
            level,
            categories, WhatHappened(children), children, mashCase, faker.PickRandom(ConsentDecisions));
        generated.Decision = Progress(mashCase, [.. children.Select(c => c.Id)], context, receivedAt, workingDaysAgo, now);
        AddRelated(generated, context, now);
        return generated;
    }

    /// <summary>
    /// Today's cases are new or in screening; the last few days' are at every stage; older ones are closed,
    /// except about 3 in 1,000 still waiting for information.
    /// </summary>
    private CaseDecision? Progress(
        MashCase mashCase, Guid[] children, Context context, DateTimeOffset receivedAt, int workingDaysAgo, DateTimeOffset now)
    {
        var old = workingDaysAgo > 6;
        var stuck = old && faker.Random.Bool(0.003f);
        if (workingDaysAgo == 0 && faker.Random.Bool(0.5f))
        {
            return null;
        }

        var holder = faker.PickRandom(context.Practitioners);
        mashCase.Claim(holder, receivedAt.AddMinutes(faker.Random.Int(5, 120)));
        if (faker.PickRandom(Ratings) is { } rating)
        {
            mashCase.Rate(rating, "Generated", holder, receivedAt.AddMinutes(faker.Random.Int(30, 180)), clock);
        }

        if (mashCase.Rating is null || (workingDaysAgo == 0 && faker.Random.Bool(0.6f)))
        {
            if (old && !stuck)
            {
                mashCase.CloseAtContact(ContactClosureReason.NoSafeguardingConcern, null, "Advice given.", receivedAt.AddHours(3));
            }

            return null;
        }

        if (old && !stuck && faker.Random.Bool(0.3f))
        {
            mashCase.CloseAtContact(ContactClosureReason.AdviceAndSignposting, null, "Advice given.", receivedAt.AddHours(4));
            return null;
        }

        mashCase.ProgressToMashChecks();
        if (stuck)
        {
            return null;
        }

        if (old)
        {
            mashCase.MarkReadyForDecision();
            var decidedAt = Min(receivedAt.AddHours(faker.Random.Int(6, 60)), now);
            var decision = Propose(mashCase, children, holder, decidedAt.AddHours(-1));
            // any MASH colleague but the proposer
            decision.Approve(faker.PickRandom(context.Practitioners.Where(p => p != holder)), null, decidedAt);
            mashCase.CloseWithApprovedDecision(decision, decidedAt);
            return decision;
        }

        if (workingDaysAgo >= 2 && faker.Random.Bool(0.6f))
        {
            mashCase.MarkReadyForDecision();
            if (workingDaysAgo >= 3 && faker.Random.Bool(0.5f))
            {
                Propose(mashCase, children, holder, receivedAt.AddHours(20));
            }
        }

        return null;
    }

    /// <summary>
    /// A proposed decision with a realistic spread of outcomes (most referrals end in no further action or
    /// early help; about a third convert to an assessment or strategy discussion), level, need and factors.
    /// Approved ones are written to CaseDecisions; proposals still awaiting sign-off stay in memory. Siblings share the outcome,
    /// and their ChildOutcomes rows are not written: the returns then read the case's outcome for each child.
    /// </summary>
    private CaseDecision Propose(MashCase mashCase, Guid[] children, Guid holder, DateTimeOffset at)
    {
        var outcome = faker.Random.WeightedRandom(
            [DecisionOutcome.NoFurtherAction, DecisionOutcome.NoFurtherActionWithAdvice, DecisionOutcome.StepDownToEarlyHelp,
                DecisionOutcome.ChildAndFamilyAssessment, DecisionOutcome.StrategyDiscussion, DecisionOutcome.ImmediateProtectiveAction],
            [0.15f, 0.2f, 0.25f, 0.28f, 0.1f, 0.02f]);
        var level = outcome switch
        {
            DecisionOutcome.NoFurtherAction or DecisionOutcome.NoFurtherActionWithAdvice => ThresholdLevel.Universal,
            DecisionOutcome.StepDownToEarlyHelp => ThresholdLevel.EarlyHelp,
            DecisionOutcome.ChildAndFamilyAssessment => ThresholdLevel.Targeted,
            _ => ThresholdLevel.Specialist,
        };
        var need = outcome.IsNoFurtherAction() ? PrimaryNeed.N9NotChildInNeed
            : faker.PickRandom(PrimaryNeedExtensions.All.Where(n => n is not PrimaryNeed.N9NotChildInNeed and not PrimaryNeed.N0NotStated)
            .ToArray());
        var decision = CaseDecision.Propose(mashCase, new DecisionProposal(
            mashCase.Rating!.Value, null, level, documentId, [.. children.Select(c => new ChildOutcome(c, outcome))], need,
                faker.Random.ArrayElements(Factors, faker.Random.Int(1, 3)), "Generated",
            ConsentGiven: true, null, null, [], outcome.IsStatutory() ? "Assessment team" : null)
            { ReasonsForReferrer = "Generated for the referrer" }, 1, holder, at);
        mashCase.SubmitDecision(decision, clock);
        return decision;
    }

    private string WhatHappened(GeneratedChild[] children) =>
        $"{children[0].Given} came to school {faker.PickRandom("hungry", "with a bruise", "upset", "late and unwashed")} and said " +
            $"{faker.Lorem.Sentence(12)}";

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string SourceCodeOf(string kind) => kind switch
    {
        "School" => "2A",
        "GpPractice" => "3A",
        "HealthVisiting" => "3B",
        "Police" => "6",
        "Probation" => "7",
        "Housing" => "4",
        _ => "8",
    };
}

public sealed record GenerationResult(int Referrals, int Open, TimeSpan Elapsed);
