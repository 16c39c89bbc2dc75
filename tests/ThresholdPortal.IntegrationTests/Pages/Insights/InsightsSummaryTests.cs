using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.Insights;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.IntegrationTests.Pages.Insights;

/// <summary>
/// The insights summary (docs/decisions/0134) against the live counts over <see cref="InsightsWorld"/>: the same figures for
/// every filter; a change recorded as stale in its own transaction (and not when rolled back) and counted at the next read,
/// a sent referral's own change and its flags' included and a draft's saves left out; counts made with other definitions left
/// unread until rebuilt.
/// </summary>
public sealed class InsightsSummaryTests(PortalApp app) : IntegrationTest(app)
{
    private static readonly DateTimeOffset AskedAt = new(2026, 4, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_summary_gives_the_live_figures_for_every_period_and_filter()
    {
        var world = await InsightsWorld.SeedAsync(App);
        await AddRequestsAndFlagsAsync(world);

        foreach (var filter in Filters(world))
        {
            await SameFiguresAsync(filter);
        }

        var march = await ReadAsync(Filters(world)[0]);
        march.Summarised.ShouldBeTrue("the template's summary is current, and triggers kept it so while the world was seeded");
        march.Measures.Single(m => m.Measure.Key == "referrals").Ratio.ShouldBe(new Ratio(6, 7));
        (await App.ExecuteDbContextAsync(db => db.Set<InsightsDay>().CountAsync())).ShouldBeGreaterThan(5);
    }

    [Fact]
    public async Task A_change_marks_its_day_stale_in_its_own_transaction_and_the_next_read_counts_it()
    {
        var world = await InsightsWorld.SeedAsync(App);
        await AddRequestsAndFlagsAsync(world);
        var march = Filters(world)[0];
        await ReadAsync(march);
        (await StaleAsync()).ShouldBe(0, "a read recounts what was stale");

        await App.ExecuteDbContextAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlAsync($"""UPDATE "MashCases" SET "Channel" = 'Phone' WHERE "Id" = {world.Cases["A"].Id}""");
            await transaction.RollbackAsync();
        });
        (await StaleAsync()).ShouldBe(0, "a change rolled back leaves nothing stale");

        await App.ExecuteDbContextAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "MashCases" SET "Channel" = 'Phone' WHERE "Id" = {world.Cases["A"].Id}""");
            await db.Database.ExecuteSqlAsync($"""UPDATE "ReferrerFeedback" SET "SentAt" = NULL WHERE "CaseId" = {world.Cases["B"].Id}""");
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "InformationRequests" WHERE "CaseId" = {world.Cases["B"].Id}""");
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "PersonLinks" WHERE "PersonId" = {world.Child.Id}""");
        });
        (await StaleAsync()).ShouldBeGreaterThan(0);

        var after = await ReadAsync(march);
        after.Summarised.ShouldBeTrue();
        Ratio Of(string key) => after.Measures.Single(m => m.Measure.Key == key).Ratio;
        Of("referrals").ShouldBe(new Ratio(5, 7));
        Of("feedback").ShouldBe(new Ratio(2, 4));
        Of("agencies-considered").ShouldBe(new Ratio(2, 5), "B's only request is gone; A and C keep theirs");
        Of("re-referral-3-months").ShouldBe(new Ratio(0, 7), "F is no longer A's child's earlier case");
        (await StaleAsync()).ShouldBe(0);
        await SameFiguresAsync(march);
    }

    [Fact]
    public async Task A_sent_referrals_own_change_and_its_flags_mark_its_day_stale_and_a_drafts_saves_do_not()
    {
        var world = await InsightsWorld.SeedAsync(App);
        await AddRequestsAndFlagsAsync(world);
        var march = Filters(world)[0];
        var before = await ReadAsync(march);
        (await StaleAsync()).ShouldBe(0);

        await App.ExecuteDbContextAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync(
                $"""UPDATE "Referrals" SET "Consent_Decision" = NULL WHERE "Id" = {world.Cases["A"].ReferralId}""");
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "ReferralQualityFlags" WHERE "ReferralId" = {world.Cases["B"].ReferralId}""");
        });
        (await StaleAsync()).ShouldBeGreaterThan(0);

        var after = await ReadAsync(march);
        (await StaleAsync()).ShouldBe(0);
        Ratio Consent(InsightsOverview o) => o.Measures.Single(m => m.Measure.Key == "consent").Ratio;
        Consent(after).ShouldBe(new Ratio(Consent(before).Numerator - 1, Consent(before).Denominator));
        after.Flags.Sum(f => f.Numerator).ShouldBe(before.Flags.Sum(f => f.Numerator) - 1, "B's one flag is gone");
        await SameFiguresAsync(march);

        // No real draft has a case. A's referral is made a draft here so that a trigger which still looked would find A's day.
        await App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "Referrals" SET "Status" = 'Draft' WHERE "Id" = {world.Cases["A"].ReferralId}"""));
        await ReadAsync(march);
        await App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "Referrals" SET "UpdatedAt" = "UpdatedAt" + interval '1 minute' WHERE "Id" = {world.Cases["A"].ReferralId}"""));
        (await StaleAsync()).ShouldBe(0, "a draft's saves mark no day: its case, when the send opens it, marks its own");
    }

    [Fact]
    public async Task Counts_made_with_other_definitions_are_not_read_until_the_refresher_rebuilds_them()
    {
        var world = await InsightsWorld.SeedAsync(App);
        await App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "InsightsSummaryStates" SET "Signature" = 'an earlier release' """));

        var before = await ReadAsync(Filters(world)[0]);
        before.Summarised.ShouldBeFalse("the page counts live while the summary awaits a rebuild");
        before.Measures.Single(m => m.Measure.Key == "conversion").Ratio.ShouldBe(new Ratio(2, 5));

        (await App.ExecuteDbContextAsync(db => InsightsSummary.RefreshOrRebuildAsync(db, TestClock.Instance, CancellationToken.None)))
            .ShouldBeTrue();
        (await App.ExecuteDbContextAsync(db => db.Set<InsightsSummaryState>().SingleAsync())).Signature
            .ShouldBe(InsightsSummary.CurrentSignature);
        var after = await ReadAsync(Filters(world)[0]);
        after.Summarised.ShouldBeTrue();
        after.Measures.Select(m => m.Ratio).ShouldBe(before.Measures.Select(m => m.Ratio));
    }

    /// <summary>
    /// Requests answered on time, late, not yet (overdue when asked, and not due yet), and quality flags, in and out of March,
    /// so the agencies' and flags' tables have figures to compare. SQL, as the world's cases are already decided.
    /// </summary>
    private async Task AddRequestsAndFlagsAsync(InsightsWorld world)
    {
        (string Case, string Agency, TimeSpan Due, TimeSpan? Answered)[] requests =
        [
            ("A", "Police", TimeSpan.FromDays(1), TimeSpan.FromHours(3)),
            ("C", "Police", TimeSpan.FromHours(4), TimeSpan.FromDays(2)),
            ("C", "Health", TimeSpan.FromDays(1), TimeSpan.FromHours(20)),
            ("B", "Health", TimeSpan.FromDays(2), null),
            ("F", "Health", TimeSpan.FromDays(1), TimeSpan.FromHours(2)),
            ("H", "Police", TimeSpan.FromDays(400), null),
        ];
        await App.ExecuteDbContextAsync(async db =>
        {
            foreach (var (key, agency, due, answered) in requests)
            {
                var c = world.Cases[key];
                DateTimeOffset? respondedAt = answered is { } after ? c.ReceivedAt + after : null;
                var state = answered is null ? "Sent" : "Answered";
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "InformationRequests" ("Id", "AgencyKey", "AgencyName", "CaseId", "CaseReference", "ConsentObtained",
                        "DueAt", "LawfulBasis", "OrganisationId", "Questions", "ReferralId", "RespondedAt", "SentAt", "SentByUserId",
                        "State")
                    VALUES ({Guid.NewGuid()}, {agency.ToLowerInvariant()}, {agency}, {c.Id}, {c.Reference}, TRUE, {c.ReceivedAt + due},
                        'SafeguardingChildrenWithoutConsent', {world.Police.Id}, ARRAY['Known?'], {c.ReferralId}, {respondedAt},
                        {c.ReceivedAt}, {world.Team.Practitioner.Id}, {state})
                    """);
            }

            (string Case, string Kind)[] flags =
                [("A", "UnknownTerm"), ("A", "NoChildsVoice"), ("B", "UnknownTerm"), ("F", "NoChildsVoice")];
            foreach (var (key, kind) in flags)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "ReferralQualityFlags" ("ReferralId", "Kind", "Field")
                    VALUES ({world.Cases[key].ReferralId}, {kind}, 'ChildsVoice')
                    """);
            }
        });
    }

    private static List<ResolvedFilter> Filters(InsightsWorld world)
    {
        static InsightsFilter Custom(DateOnly from, DateOnly to) => new()
        {
            Period = InsightsPeriod.Custom,
            From = new DateParts { Day = $"{from.Day}", Month = $"{from.Month}", Year = $"{from.Year}" },
            To = new DateParts { Day = $"{to.Day}", Month = $"{to.Month}", Year = $"{to.Year}" },
        };

        var march = Custom(new(2026, 3, 1), new(2026, 3, 31));
        var spring = Custom(new(2026, 2, 1), new(2026, 4, 30));
        var police = Custom(new(2026, 3, 1), new(2026, 3, 31));
        police.Kind = OrganisationKind.Police;
        var school = Custom(new(2026, 2, 1), new(2026, 4, 30));
        school.Organisation = world.Team.School.Id;
        var year = new InsightsFilter { Period = InsightsPeriod.Last12Months };
        var oneDay = Custom(new(2026, 3, 4), new(2026, 3, 4));
        return [.. new[] { march, spring, police, school, year, oneDay }.Select(f => f.Resolve(AskedAt))];
    }

    private async Task SameFiguresAsync(ResolvedFilter filter)
    {
        var (live, summarised) = await App.ExecuteDbContextAsync(async db =>
        {
            (await InsightsSummary.RefreshAsync(db, CancellationToken.None)).ShouldBeTrue();
            return (await InsightsOverview.LiveAsync(db, filter, CancellationToken.None),
                await InsightsOverview.SummarisedAsync(db, filter, CancellationToken.None));
        });
        var period = filter.Description;
        summarised.Measures.Select(m => (m.Measure.Key, m.Ratio)).ShouldBe(live.Measures.Select(m => (m.Measure.Key, m.Ratio)), period);
        Rows(summarised.Weeks).ShouldBe(Rows(live.Weeks), period);
        Rows(summarised.ByKind).ShouldBe(Rows(live.ByKind), period);
        Rows(summarised.ByOrganisation).ShouldBe(Rows(live.ByOrganisation), period);
        Rows(summarised.Agencies).ShouldBe(Rows(live.Agencies), period);
        Rows(summarised.Flags).ShouldBe(Rows(live.Flags), period);
    }

    private static List<string> Rows(IEnumerable<KeyedCount> rows) =>
        [.. rows.Select(r => $"{r.Key}: {r.Numerator}/{r.Denominator}").Order(StringComparer.Ordinal)];

    private Task<InsightsOverview> ReadAsync(ResolvedFilter filter) =>
        App.ExecuteDbContextAsync(db => InsightsOverview.ReadAsync(db, filter, CancellationToken.None));

    private Task<int> StaleAsync() => App.ExecuteDbContextAsync(db => db.Set<InsightsStaleDay>().CountAsync());
}
