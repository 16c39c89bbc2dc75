using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.EarlyHelp;
using ThresholdPortal.Web.Features.Triage;

namespace ThresholdPortal.IntegrationTests.Pages.EarlyHelp;

public sealed class EarlyHelpHubTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_step_down_joins_the_hub_queue_as_new_due_for_first_contact_in_five_working_days()
    {
        var world = await EarlyHelpWorld.CreateAsync(App);
        var (id, _, reference) = await world.SteppedDownAsync(App);

        var work = await App.ExecuteDbContextAsync(db => db.EarlyHelpCases.AsNoTracking().SingleAsync(c => c.Id == id));
        work.Status.ShouldBe(EarlyHelpCaseStatus.New);
        var calendar = await App.ExecuteDbContextAsync(db => Task.FromResult(
            App.Services.GetRequiredService<MashSettingsCache>().Current(db)));
        work.FirstContactDueAt.ShouldBe(calendar.Calendar.AddWorkingTime(work.ReceivedAt, calendar.Calendar.WorkingDayLength * 5));
        (await App.AuditAsync()).ShouldContain(e => e.Action == EarlyHelpEvents.Opened && e.SubjectId == id.ToString());

        var coordinator = await App.SignInAsync(world.Coordinator.Email!);
        var queue = await coordinator.GetStringAsync(EarlyHelpRoutes.Queue);
        queue.ShouldContain(reference);
        queue.ShouldContain("Stepped down by the MASH");
        (await coordinator.GetStringAsync(EarlyHelpRoutes.Queue + "?status=Closed")).ShouldNotContain(reference);

        var practitioner = await App.SignInAsync(world.Mash.Practitioner.Email!);
        (await practitioner.GetAsync(EarlyHelpRoutes.Queue)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Allocated_accepted_then_declined_and_stepped_up_the_family_reaches_the_MASH_queue_with_its_history()
    {
        var world = await EarlyHelpWorld.CreateAsync(App);
        var (id, _, reference) = await world.SteppedDownAsync(App);
        var coordinator = await App.SignInAsync(world.Coordinator.Email!);

        await PostAsync(coordinator, EarlyHelpRoutes.Allocate(id), ("Data.LeadProfessionalId", world.FamilyHub.ToString()));
        (await StatusAsync(id)).ShouldBe(EarlyHelpCaseStatus.Allocated);
        await PostAsync(coordinator, EarlyHelpRoutes.Consent(id), ("Data.Agreed", "true"));
        var accepted = await App.ExecuteDbContextAsync(db => db.EarlyHelpCases.AsNoTracking().SingleAsync(c => c.Id == id));
        accepted.Status.ShouldBe(EarlyHelpCaseStatus.AcceptedByFamily);
        accepted.FirstContactAt.ShouldNotBeNull();
        accepted.LeadProfessionalId.ShouldBe(world.FamilyHub);

        var today = TestClock.Today;
        await PostAsync(coordinator, EarlyHelpRoutes.Assessment(id), ("Data.Started.Day", today.Day.ToString()),
            ("Data.Started.Month", today.Month.ToString()), ("Data.Started.Year", today.Year.ToString()));
        await PostAsync(coordinator, EarlyHelpRoutes.Consent(id), ("Data.Agreed", "false"), ("Data.Reason", "They feel they are coping."));
        var declined = await App.ExecuteDbContextAsync(db => db.EarlyHelpCases.AsNoTracking().SingleAsync(c => c.Id == id));
        declined.Status.ShouldBe(EarlyHelpCaseStatus.DeclinedByFamily);
        declined.DeclineReason.ShouldBe("They feel they are coping.");
        declined.AssessmentStartedOn.ShouldBe(today);

        var token = await Forms.TokenAsync(coordinator, EarlyHelpRoutes.Close(id));
        await PostAsync(coordinator, EarlyHelpRoutes.StepUp(id), ("Data.Reason", "School now sees bruising on the older child."),
            ("Data.ChildInImmediateDanger", "false"));
        var steppedUp = await App.ExecuteDbContextAsync(db => db.EarlyHelpCases.AsNoTracking().SingleAsync(c => c.Id == id));
        steppedUp.Status.ShouldBe(EarlyHelpCaseStatus.SteppedUp);
        var mashCase = await App.ExecuteDbContextAsync(db =>
            db.MashCases.AsNoTracking().SingleAsync(c => c.Id == steppedUp.SteppedUpToCaseId));
        mashCase.Status.ShouldBe(MashCaseStatus.New);
        var contact = await App.ExecuteDbContextAsync(db => db.Referrals.AsNoTracking().Include(r => r.Children)
            .SingleAsync(r => r.Id == mashCase.ReferralId));
        contact.Concerns.WhatHappened.ShouldBe("School now sees bruising on the older child.");
        contact.Concerns.History!.ShouldContain(reference);
        contact.Concerns.History!.ShouldContain("The family agreed to early help");
        contact.Concerns.History!.ShouldContain("They feel they are coping.");
        contact.Children.Count.ShouldBeGreaterThan(0);
        var audit = await App.AuditAsync();
        audit.ShouldContain(e => e.Action == CaseEvents.ReceivedFromEarlyHelp && e.SubjectId == mashCase.Id.ToString());
        foreach (var action in new[] { EarlyHelpEvents.Allocated, EarlyHelpEvents.ConsentRecorded, EarlyHelpEvents.AssessmentRecorded,
            EarlyHelpEvents.Declined, EarlyHelpEvents.SteppedUp })
        {
            audit.ShouldContain(e => e.Action == action && e.SubjectId == id.ToString(), action);
        }

        var practitioner = await App.SignInAsync(world.Mash.Practitioner.Email!);
        (await practitioner.GetStringAsync(MashRoutes.Queue)).ShouldContain(mashCase.Reference);
        var record = await practitioner.GetStringAsync(MashRoutes.Case(mashCase.Id));
        record.ShouldContain("Stepped up from the early help hub");
        record.ShouldContain(reference);

        // The hub's work has ended: nothing more is recorded on it.
        var again = await coordinator.PostAsync(EarlyHelpRoutes.Close(id), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Data.Version"] = steppedUp.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Data.OpenedAt"] = "0",
            ["Data.Outcome"] = nameof(EarlyHelpOutcome.NeedsMet),
            ["__RequestVerificationToken"] = token,
        }));
        Forms.ErrorSummary(await again.Content.ReadAsStringAsync()).ShouldContain("already ended");
        (await StatusAsync(id)).ShouldBe(EarlyHelpCaseStatus.SteppedUp);
    }

    [Fact]
    public async Task Each_step_is_refused_from_a_state_it_does_not_start_from_and_nothing_is_stored()
    {
        var world = await EarlyHelpWorld.CreateAsync(App);
        var (id, _, _) = await world.SteppedDownAsync(App);
        var coordinator = await App.SignInAsync(world.Coordinator.Email!);
        var form = await coordinator.GetStringAsync(EarlyHelpRoutes.StepUp(id));

        var consent = await Forms.PostAsync(coordinator, EarlyHelpRoutes.Consent(id), EarlyHelpWorld.Stamped(form, ("Data.Agreed", "true")),
            tokenFrom: EarlyHelpRoutes.StepUp(id));
        Forms.ErrorSummary(await consent.Content.ReadAsStringAsync()).ShouldContain("Allocate a lead professional before");
        var close = await Forms.PostAsync(coordinator, EarlyHelpRoutes.Close(id),
            EarlyHelpWorld.Stamped(form, ("Data.Outcome", nameof(EarlyHelpOutcome.NeedsMet))), tokenFrom: EarlyHelpRoutes.StepUp(id));
        Forms.ErrorSummary(await close.Content.ReadAsStringAsync()).ShouldContain("before closing");
        var assessment = await Forms.PostAsync(coordinator, EarlyHelpRoutes.Assessment(id), EarlyHelpWorld.Stamped(form,
            ("Data.Started.Day", "1"), ("Data.Started.Month", "1"), ("Data.Started.Year", "2026")), tokenFrom: EarlyHelpRoutes.StepUp(id));
        Forms.ErrorSummary(await assessment.Content.ReadAsStringAsync()).ShouldContain("once the family has agreed");

        await PostAsync(coordinator, EarlyHelpRoutes.Allocate(id), ("Data.LeadProfessionalId", world.School.ToString()));
        var refusedWithoutReason = await Forms.PostAsync(coordinator, EarlyHelpRoutes.Consent(id),
            EarlyHelpWorld.Stamped(await coordinator.GetStringAsync(EarlyHelpRoutes.Consent(id)), ("Data.Agreed", "false")));
        Forms.ErrorSummary(await refusedWithoutReason.Content.ReadAsStringAsync()).ShouldContain("Enter the reason the family gave");
        var stepUpWithoutReason = await Forms.PostAsync(coordinator, EarlyHelpRoutes.StepUp(id),
            EarlyHelpWorld.Stamped(await coordinator.GetStringAsync(EarlyHelpRoutes.StepUp(id)), ("Data.ChildInImmediateDanger", "false")));
        Forms.ErrorSummary(await stepUpWithoutReason.Content.ReadAsStringAsync()).ShouldContain("Enter why the family needs the MASH now");

        var work = await App.ExecuteDbContextAsync(db => db.EarlyHelpCases.AsNoTracking().SingleAsync(c => c.Id == id));
        work.Status.ShouldBe(EarlyHelpCaseStatus.Allocated);
        work.ConsentRecordedAt.ShouldBeNull();
        work.DeclineReason.ShouldBeNull();
        work.SteppedUpToCaseId.ShouldBeNull();
        (await App.AuditAsync()).Count(e => e.SubjectId == id.ToString() && e.Action != EarlyHelpEvents.Viewed).ShouldBe(2);
    }

    [Fact]
    public async Task A_form_opened_before_someone_elses_change_is_refused_with_what_changed()
    {
        var world = await EarlyHelpWorld.CreateAsync(App);
        var (id, _, _) = await world.SteppedDownAsync(App);
        var coordinator = await App.SignInAsync(world.Coordinator.Email!);
        var stale = await coordinator.GetStringAsync(EarlyHelpRoutes.Allocate(id));

        await PostAsync(coordinator, EarlyHelpRoutes.Allocate(id), ("Data.LeadProfessionalId", world.FamilyHub.ToString()));
        var response = await Forms.PostAsync(coordinator, EarlyHelpRoutes.Allocate(id),
            EarlyHelpWorld.Stamped(stale, ("Data.LeadProfessionalId", world.School.ToString())));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Forms.ErrorSummary(html).ShouldContain("changed since you opened it");
        MashTestData.Text(html).ShouldContain("Allocated to a lead professional");
        var work = await App.ExecuteDbContextAsync(db => db.EarlyHelpCases.AsNoTracking().SingleAsync(c => c.Id == id));
        work.LeadProfessionalId.ShouldBe(world.FamilyHub);
        (await App.AuditAsync()).Count(e => e.Action == EarlyHelpEvents.Allocated).ShouldBe(1);
    }

    [Fact]
    public async Task Closing_records_the_outcome_and_leaves_the_open_queue()
    {
        var world = await EarlyHelpWorld.CreateAsync(App);
        var (id, _, reference) = await world.SteppedDownAsync(App);
        var coordinator = await App.SignInAsync(world.Coordinator.Email!);
        await PostAsync(coordinator, EarlyHelpRoutes.Allocate(id), ("Data.LeadProfessionalId", world.FamilyHub.ToString()));
        await PostAsync(coordinator, EarlyHelpRoutes.Close(id), ("Data.Outcome", nameof(EarlyHelpOutcome.OtherService)),
            ("Data.Note", "The school nurse is already working with the family."));

        var work = await App.ExecuteDbContextAsync(db => db.EarlyHelpCases.AsNoTracking().SingleAsync(c => c.Id == id));
        work.Status.ShouldBe(EarlyHelpCaseStatus.Closed);
        work.Outcome.ShouldBe(EarlyHelpOutcome.OtherService);
        work.ClosedAt.ShouldNotBeNull();
        (await coordinator.GetStringAsync(EarlyHelpRoutes.Queue)).ShouldNotContain(reference);
        (await coordinator.GetStringAsync(EarlyHelpRoutes.Queue + "?status=Closed")).ShouldContain(reference);
        (await coordinator.GetStringAsync(EarlyHelpRoutes.Case(id))).ShouldContain("Another service is helping the family");
    }

    private async Task PostAsync(HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var response = await Forms.PostAsync(client, url, EarlyHelpWorld.Stamped(await client.GetStringAsync(url), fields));
        (await Forms.ErrorsAsync(response)).ShouldBeEmpty();
        response.Headers.Location!.ToString().ShouldBe(EarlyHelpRoutes.Case(await IdFromAsync(url)));
    }

    private static Task<Guid> IdFromAsync(string url) => Task.FromResult(Guid.Parse(url.Split('/')[3]));

    private Task<EarlyHelpCaseStatus> StatusAsync(Guid id) =>
        App.ExecuteDbContextAsync(db => db.EarlyHelpCases.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());
}
