using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Audits;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.CaseAudits;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Pages.Insights.Audits;

namespace ThresholdPortal.IntegrationTests.Pages.Insights;

public sealed class CaseAuditTests(PortalApp app) : IntegrationTest(app)
{
    private static readonly DateOnly Today = TestClock.Today;
    private static readonly DateOnly PeriodFrom = Today.AddDays(-60);
    private static readonly DateOnly PeriodTo = Today.AddDays(-2);
    private static readonly DateTimeOffset InPeriod = new(Today.AddDays(-30).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    private async Task<(MashTeam Team, HttpClient Auditor)> AuditorAsync()
    {
        var team = await App.MashTeamAsync();
        await App.CreateUserAsync("ade@partnership.test", team.LocalAuthority, PortalRole.Auditor);
        return (team, await App.SignInAsync("ade@partnership.test"));
    }

    /// <summary>A case received at the time given and closed with the outcome (or at contact when the outcome is null).</summary>
    private async Task<MashCase> ClosedCaseAsync(MashTeam team, DateTimeOffset receivedAt, DecisionOutcome? outcome)
    {
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(receivedAt)
        {
            AssignedTo = team.Practitioner, Rating = BragRating.Green, ProgressToChecks = outcome is not null,
                CloseAtContact = outcome is null,
        });
        if (outcome is { } decided)
        {
            var name = decided.ToString();
            await App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync(
                $"""UPDATE "MashCases" SET "Outcome" = {name}, "Status" = 'Decided' WHERE "Id" = {mashCase.Id}"""));
        }

        return mashCase;
    }

    private static IEnumerable<KeyValuePair<string, string>> NewAudit(string? seed, int perStratum, params AuditStratum[] strata) =>
    [
        new("Data.Title", "Threshold audit"),
        new("Data.PeriodFrom.Day", PeriodFrom.Day.ToString(CultureInfo.InvariantCulture)),
        new("Data.PeriodFrom.Month", PeriodFrom.Month.ToString(CultureInfo.InvariantCulture)),
        new("Data.PeriodFrom.Year", PeriodFrom.Year.ToString(CultureInfo.InvariantCulture)),
        new("Data.PeriodTo.Day", PeriodTo.Day.ToString(CultureInfo.InvariantCulture)),
        new("Data.PeriodTo.Month", PeriodTo.Month.ToString(CultureInfo.InvariantCulture)),
        new("Data.PeriodTo.Year", PeriodTo.Year.ToString(CultureInfo.InvariantCulture)),
        new("Data.CasesPerStratum", perStratum.ToString(CultureInfo.InvariantCulture)),
        new("Data.Seed", seed ?? string.Empty),
        .. strata.Select(s => new KeyValuePair<string, string>("Data.Strata", s.ToString())),
    ];

    private static async Task<Guid> CreateAuditAsync(HttpClient client, string? seed, int perStratum, params AuditStratum[] strata)
    {
        var response = await Forms.PostAsync(client, AuditRoutes.New, NewAudit(seed, perStratum, strata));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private Task<List<AuditedCase>> SampleAsync(Guid auditId) =>
        App.ExecuteDbContextAsync(db =>
            db.AuditedCases.AsNoTracking().Where(c => c.AuditId == auditId).OrderBy(c => c.Stratum).ThenBy(c => c.Position).ToListAsync());

    private async Task<HttpResponseMessage> JudgeAsync(
        HttpClient client, Guid auditId, Guid caseId, LevelJudgement level = LevelJudgement.Correct,
            ReferralQuality quality = ReferralQuality.Good,
        bool consent = true, AgenciesJudgement agencies = AgenciesJudgement.Yes, DecisionAgreement agreement = DecisionAgreement.Agree,
        FeedbackJudgement feedback = FeedbackJudgement.Given, uint? version = null)
    {
        var current = await App.ExecuteDbContextAsync(db =>
            db.AuditedCases.AsNoTracking().SingleAsync(c => c.AuditId == auditId && c.CaseId == caseId));
        List<KeyValuePair<string, string>> fields =
        [
            new("Data.Version", (version ?? current.Version).ToString(CultureInfo.InvariantCulture)),
            new("Data.Level", level.ToString()),
            new("Data.Features", nameof(QualityFeature.ChildsVoice)),
            new("Data.Quality", quality.ToString()),
            new("Data.Agencies", agencies.ToString()),
            new("Data.Agreement", agreement.ToString()),
            new("Data.Feedback", feedback.ToString()),
            new("Data.Comments", "Clear account of the concerns."),
        ];
        if (consent)
        {
            fields.Add(new("Data.Features", nameof(QualityFeature.ConsentSought)));
        }

        return await Forms.PostAsync(client, AuditRoutes.Case(auditId, caseId), fields, tokenFrom: AuditRoutes.New);
    }

    [Fact]
    public async Task The_same_seed_draws_the_same_cases_again()
    {
        var (team, auditor) = await AuditorAsync();
        var statutory = new List<MashCase>();
        for (var i = 0; i < 12; i++)
        {
            statutory.Add(await ClosedCaseAsync(team, InPeriod.AddHours(i),
                i % 2 == 0 ? DecisionOutcome.ChildAndFamilyAssessment : DecisionOutcome.StrategyDiscussion));
        }

        var nfa = new List<MashCase>();
        for (var i = 0; i < 8; i++)
        {
            nfa.Add(await ClosedCaseAsync(team, InPeriod.AddDays(1).AddHours(i), DecisionOutcome.NoFurtherActionWithAdvice));
        }

        var atContact = new List<MashCase>();
        for (var i = 0; i < 3; i++)
        {
            atContact.Add(await ClosedCaseAsync(team, InPeriod.AddDays(2).AddHours(i), null));
        }

        var before = await ClosedCaseAsync(team, new DateTimeOffset(PeriodFrom.AddDays(-1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
            DecisionOutcome.StrategyDiscussion);
        var stillOpen = await App.AddCaseAsync(team, new CaseSeed(InPeriod));

        var first = await CreateAuditAsync(auditor, "20261122", 5, AuditStratum.Statutory, AuditStratum.NoFurtherAction,
            AuditStratum.ClosedAtContact, AuditStratum.EarlyHelp);
        var second = await CreateAuditAsync(auditor, "20261122", 5, AuditStratum.Statutory, AuditStratum.NoFurtherAction,
            AuditStratum.ClosedAtContact, AuditStratum.EarlyHelp);

        var sample = await SampleAsync(first);
        (await SampleAsync(second)).Select(c => (c.Stratum, c.Position, c.CaseId))
            .ShouldBe(sample.Select(c => (c.Stratum, c.Position, c.CaseId)));
        sample.Count(c => c.Stratum == AuditStratum.Statutory).ShouldBe(5);
        sample.Count(c => c.Stratum == AuditStratum.NoFurtherAction).ShouldBe(5);
        sample.Where(c => c.Stratum == AuditStratum.ClosedAtContact).Select(c => c.CaseId).Order()
            .ShouldBe(atContact.Select(c => c.Id).Order());
        sample.ShouldNotContain(c => c.Stratum == AuditStratum.EarlyHelp);
        sample.Where(c => c.Stratum == AuditStratum.Statutory).ShouldAllBe(c => statutory.Select(s => s.Id).Contains(c.CaseId));
        sample.Where(c => c.Stratum == AuditStratum.NoFurtherAction).ShouldAllBe(c => nfa.Select(s => s.Id).Contains(c.CaseId));
        sample.ShouldNotContain(c => c.CaseId == before.Id || c.CaseId == stillOpen.Id);

        var another = await CreateAuditAsync(auditor, "7", 5, AuditStratum.Statutory);
        (await SampleAsync(another)).Select(c => c.CaseId)
            .ShouldNotBe(sample.Where(c => c.Stratum == AuditStratum.Statutory).Select(c => c.CaseId));

        // Left empty, the portal chooses the seed and records it: that seed reproduces the sample.
        var drawn = await CreateAuditAsync(auditor, null, 5, AuditStratum.Statutory);
        var seed = await App.ExecuteDbContextAsync(db => db.CaseAudits.Where(a => a.Id == drawn).Select(a => a.Seed).SingleAsync());
        seed.ShouldBeGreaterThan(0);
        var again = await CreateAuditAsync(auditor, seed.ToString(CultureInfo.InvariantCulture), 5, AuditStratum.Statutory);
        (await SampleAsync(again)).Select(c => c.CaseId).ShouldBe((await SampleAsync(drawn)).Select(c => c.CaseId));

        var page = await (await auditor.GetAsync(AuditRoutes.Audit(drawn))).Content.ReadAsStringAsync();
        page.ShouldContain(seed.ToString(CultureInfo.InvariantCulture));
        page.ShouldContain("0 of 5 cases judged");
    }

    [Fact]
    public async Task The_report_counts_each_figure_with_the_cases_behind_it()
    {
        var (team, auditor) = await AuditorAsync();
        var s1 = await ClosedCaseAsync(team, InPeriod, DecisionOutcome.ChildAndFamilyAssessment);
        var s2 = await ClosedCaseAsync(team, InPeriod.AddHours(1), DecisionOutcome.StrategyDiscussion);
        var s3 = await ClosedCaseAsync(team, InPeriod.AddHours(2), DecisionOutcome.ImmediateProtectiveAction);
        var c1 = await ClosedCaseAsync(team, InPeriod.AddHours(3), null);
        var c2 = await ClosedCaseAsync(team, InPeriod.AddHours(4), null);
        var auditId = await CreateAuditAsync(auditor, "99", 10, AuditStratum.Statutory, AuditStratum.ClosedAtContact);

        (await JudgeAsync(auditor, auditId, s1.Id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await JudgeAsync(auditor, auditId, s2.Id, level: LevelJudgement.NotIndicated, quality: ReferralQuality.Poor, consent: false,
            agreement: DecisionAgreement.PartlyAgree))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await JudgeAsync(auditor, auditId, s3.Id, agencies: AgenciesJudgement.No, feedback: FeedbackJudgement.NotGiven))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await JudgeAsync(auditor, auditId, c1.Id, agencies: AgenciesJudgement.NotApplicable, feedback: FeedbackJudgement.NotRequired))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // c2 is left unjudged: the report counts judged cases only.

        var report = await App.SendAsync(new ReportModel.Query(auditId));
        report!.Judged.ShouldBe(4);
        report.Sampled.ShouldBe(5);
        var overall = report.Sections[0].Measures.ToDictionary(m => m.Name);
        overall[AuditReport.LevelCorrect].Met.ShouldBe(new[] { s1.Reference, s3.Reference, c1.Reference }.Order(StringComparer.Ordinal));
        overall[AuditReport.LevelCorrect].NotMet.ShouldBe([s2.Reference]);
        overall[AuditReport.GoodQuality].Numerator.ShouldBe(3);
        overall[AuditReport.ConsentRecorded].Numerator.ShouldBe(3);
        overall[AuditReport.RightAgencies].Met.ShouldBe(new[] { s1.Reference, s2.Reference }.Order(StringComparer.Ordinal));
        overall[AuditReport.RightAgencies].Denominator.ShouldBe(3);
        overall[AuditReport.Agreement].Numerator.ShouldBe(3);
        overall[AuditReport.Agreement].Denominator.ShouldBe(4);
        overall[AuditReport.FeedbackGiven].NotMet.ShouldBe([s3.Reference]);
        overall[AuditReport.FeedbackGiven].Denominator.ShouldBe(3);
        overall[AuditReport.FeedbackGiven].Percent.ShouldBe(67);
        var statutory = report.Sections.Single(s => s.Stratum == AuditStratum.Statutory).Measures.ToDictionary(m => m.Name);
        statutory[AuditReport.LevelCorrect].Denominator.ShouldBe(3);
        statutory[AuditReport.RightAgencies].Percent.ShouldBe(67);

        var html = await (await auditor.GetAsync(AuditRoutes.Report(auditId))).Content.ReadAsStringAsync();
        html.ShouldContain("4 of 5 sampled cases judged");
        html.ShouldContain("2 of 3");
        var csv = await auditor.GetAsync(AuditRoutes.Csv(auditId));
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(6);
        lines.ShouldContain(l =>
            l.Contains(s2.Reference, StringComparison.Ordinal) && l.Contains("\"No level indicated\"", StringComparison.Ordinal));
        (await App.AuditAsync()).ShouldContain(e => e.Action == CaseAuditEvents.ReportDownloaded && e.SubjectId == auditId.ToString());
    }

    [Fact]
    public async Task A_malformed_id_in_the_judge_address_is_not_found_and_a_form_shown_again_reloads_the_case_from_the_address()
    {
        var (team, auditor) = await AuditorAsync();
        var mashCase = await ClosedCaseAsync(team, InPeriod, DecisionOutcome.NoFurtherAction);
        var auditId = await CreateAuditAsync(auditor, "1", 5, AuditStratum.NoFurtherAction);

        (await auditor.GetAsync($"/insights/audits/not-an-id/cases/{mashCase.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await auditor.GetAsync($"/insights/audits/{auditId}/cases/12345")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Forms.PostAsync(auditor, $"/insights/audits/{auditId}/cases/not-an-id", [new("Data.Comments", "Clear.")],
            tokenFrom: AuditRoutes.New))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Nothing chosen: the page is shown again with the errors, around the case the address names.
        var invalid = await Forms.PostAsync(auditor, AuditRoutes.Case(auditId, mashCase.Id), [new("Data.Comments", "Clear.")],
            tokenFrom: AuditRoutes.New);
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await invalid.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain(mashCase.Reference);
    }

    [Fact]
    public async Task Opening_a_sampled_case_is_logged_as_a_view_of_the_case_and_judging_it_is_on_its_timeline()
    {
        var (team, auditor) = await AuditorAsync();
        var mashCase = await ClosedCaseAsync(team, InPeriod, DecisionOutcome.NoFurtherAction);
        var other = await ClosedCaseAsync(team, InPeriod, DecisionOutcome.StepDownToEarlyHelp);
        var auditId = await CreateAuditAsync(auditor, "1", 5, AuditStratum.NoFurtherAction);

        var page = await auditor.GetAsync(AuditRoutes.Case(auditId, mashCase.Id));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain(mashCase.Reference);
        (await auditor.GetAsync(AuditRoutes.Case(auditId, other.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await JudgeAsync(auditor, auditId, mashCase.Id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var events = (await App.AuditAsync()).Where(e => e.SubjectType == CaseEvents.SubjectType && e.SubjectId == mashCase.Id.ToString())
            .ToList();
        events.ShouldContain(e => e.Action == CaseEvents.Viewed && e.Detail == CaseAuditEvents.ViewedDetail);
        events.ShouldContain(e => e.Action == CaseAuditEvents.CaseJudged);
        CaseEvents.Describe(CaseAuditEvents.CaseJudged).ShouldBe("Judged in a case audit");
        (await App.AuditAsync()).ShouldNotContain(e => e.SubjectId == other.Id.ToString() && e.Action == CaseEvents.Viewed);
    }

    [Fact]
    public async Task A_new_audit_with_wrong_answers_shows_the_errors_and_stores_nothing()
    {
        var (_, auditor) = await AuditorAsync();
        var response = await Forms.PostAsync(auditor, AuditRoutes.New, new Dictionary<string, string>
        {
            ["Data.Title"] = new string('x', CaseAudit.TitleMaxLength + 1),
            ["Data.PeriodFrom.Day"] = "31", ["Data.PeriodFrom.Month"] = "2", ["Data.PeriodFrom.Year"] = "2026",
            ["Data.CasesPerStratum"] = "101",
            ["Data.Seed"] = "abc",
            ["Data.Strata"] = "Everything",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain($"The title must be {CaseAudit.TitleMaxLength} characters or fewer");
        html.ShouldContain("The start of the period must be a real date");
        html.ShouldContain("Enter the date the period ends");
        html.ShouldContain("Select at least one group of cases to sample");
        html.ShouldContain("a whole number from 1 to 100");
        html.ShouldContain("The seed must be a whole number");

        var reversed = NewAudit("1", 5, AuditStratum.Statutory).Select(f => f.Key switch
        {
            "Data.PeriodTo.Year" => new KeyValuePair<string, string>(f.Key, (PeriodFrom.Year - 1).ToString(CultureInfo.InvariantCulture)),
            _ => f,
        });
        (await (await Forms.PostAsync(auditor, AuditRoutes.New, reversed)).Content.ReadAsStringAsync())
            .ShouldContain("The end of the period must be the same as or after its start");
        var farFuture = NewAudit("1", 5, AuditStratum.Statutory)
            .Select(f => f.Key == "Data.PeriodTo.Year" ? KeyValuePair.Create(f.Key, "2090") : f);
        (await (await Forms.PostAsync(auditor, AuditRoutes.New, farFuture)).Content.ReadAsStringAsync())
            .ShouldContain("The end of the period must be today or in the past");

        (await App.ExecuteDbContextAsync(db => db.CaseAudits.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task An_unanswered_judgement_shows_the_errors_and_stores_nothing()
    {
        var (team, auditor) = await AuditorAsync();
        var mashCase = await ClosedCaseAsync(team, InPeriod, DecisionOutcome.NoFurtherAction);
        var auditId = await CreateAuditAsync(auditor, "1", 5, AuditStratum.NoFurtherAction);
        var version = (await SampleAsync(auditId))[0].Version;

        var response = await Forms.PostAsync(auditor, AuditRoutes.Case(auditId, mashCase.Id), new Dictionary<string, string>
        {
            ["Data.Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Data.Comments"] = new string('x', CaseJudgement.CommentsMaxLength + 1),
        });

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("Select whether the referrer indicated the right level");
        html.ShouldContain("Select whether you agree with the decision");
        html.ShouldContain("The comments must be 4,000 characters or fewer");
        (await SampleAsync(auditId))[0].IsJudged.ShouldBeFalse();
    }

    [Fact]
    public async Task A_judgement_saved_over_another_is_refused()
    {
        var (team, auditor) = await AuditorAsync();
        var mashCase = await ClosedCaseAsync(team, InPeriod, DecisionOutcome.NoFurtherAction);
        var auditId = await CreateAuditAsync(auditor, "1", 5, AuditStratum.NoFurtherAction);
        var opened = (await SampleAsync(auditId))[0].Version;
        (await JudgeAsync(auditor, auditId, mashCase.Id, agreement: DecisionAgreement.Agree)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stale = await JudgeAsync(auditor, auditId, mashCase.Id, agreement: DecisionAgreement.Disagree, version: opened);

        (await stale.Content.ReadAsStringAsync()).ShouldContain("This judgement changed since you opened it");
        (await SampleAsync(auditId))[0].Agreement.ShouldBe(DecisionAgreement.Agree);
    }

    [Fact]
    public async Task A_completed_audit_refuses_changes()
    {
        var (team, auditor) = await AuditorAsync();
        var first = await ClosedCaseAsync(team, InPeriod, DecisionOutcome.NoFurtherAction);
        var second = await ClosedCaseAsync(team, InPeriod.AddHours(1), DecisionOutcome.NoFurtherAction);
        var auditId = await CreateAuditAsync(auditor, "1", 5, AuditStratum.NoFurtherAction);
        (await JudgeAsync(auditor, auditId, first.Id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        async Task<HttpResponseMessage> CompleteAsync()
        {
            var version = await App.ExecuteDbContextAsync(db =>
                db.CaseAudits.Where(a => a.Id == auditId).Select(a => a.Version).SingleAsync());
            return await Forms.PostAsync(auditor, AuditRoutes.Audit(auditId) + "?handler=complete",
                new Dictionary<string, string> { ["Data.Version"] = version.ToString(CultureInfo.InvariantCulture) },
                    tokenFrom: AuditRoutes.Audit(auditId));
        }

        (await (await CompleteAsync()).Content.ReadAsStringAsync()).ShouldContain("1 still to judge");
        (await JudgeAsync(auditor, auditId, second.Id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CompleteAsync()).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var refused = await JudgeAsync(auditor, auditId, first.Id, agreement: DecisionAgreement.Disagree);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("This audit is completed");
        var sample = await SampleAsync(auditId);
        sample.Single(c => c.CaseId == first.Id).Agreement.ShouldBe(DecisionAgreement.Agree);
        (await App.ExecuteDbContextAsync(db => db.CaseAudits.SingleAsync(a => a.Id == auditId))).Status.ShouldBe(CaseAuditStatus.Completed);
        (await App.AuditAsync()).ShouldContain(e => e.Action == CaseAuditEvents.Completed && e.SubjectId == auditId.ToString());
    }

    [Fact]
    public async Task Auditors_and_managers_reach_the_audits_and_practitioners_and_referrers_do_not()
    {
        var (team, auditor) = await AuditorAsync();
        await App.CreateUserAsync("rachel@school.test", team.School, PortalRole.Referrer);
        var manager = await App.SignInAsync(team.Manager.Email!);
        var practitioner = await App.SignInAsync(team.Practitioner.Email!);
        var referrer = await App.SignInAsync("rachel@school.test");
        var auditId = await CreateAuditAsync(manager, "5", 5, AuditStratum.Statutory);

        foreach (var address in new[] { AuditRoutes.List, AuditRoutes.New, AuditRoutes.Audit(auditId), AuditRoutes.Report(auditId) })
        {
            (await auditor.GetAsync(address)).StatusCode.ShouldBe(HttpStatusCode.OK, address);
            (await manager.GetAsync(address)).StatusCode.ShouldBe(HttpStatusCode.OK, address);
            (await practitioner.GetAsync(address)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, address);
            (await referrer.GetAsync(address)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, address);
        }

        (await (await auditor.GetAsync(AuditRoutes.List)).Content.ReadAsStringAsync()).ShouldContain("0 of 0 cases judged");
    }
}
