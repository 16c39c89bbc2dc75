using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Referrals.Quality;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Seeding;
using ThresholdPortal.Web.Pages.Mash;
using ThresholdPortal.Web.Pages.Referrals;

namespace ThresholdPortal.Web.Pages.Decisions;

/// <summary>
/// The feedback loop, seen from both sides. The demo referrer (referrer@example.org) gets referrals at
/// every stage after the one the referral journey's demo data sent ("Received"): being considered,
/// decided with feedback waiting for them, acknowledged, disagreed with an escalation open, and one whose
/// escalation was answered. The most recently decided MASH cases get draft feedback for a practitioner to
/// send. All through the domain's own rules, with the timeline's events.
/// </summary>
public sealed class FeedbackDemoData(PortalDbContext db, DecisionClock clock, WorkingCalendar calendar, IOptions<DecisionOptions> options, TimeProvider time)
    : IDemoDataContributor
{
    public const int DraftsToSend = 3;

    public int Order => 60;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = time.GetUtcNow();
        var referrer = context.Users.Referrer;
        var worker = context.Users.Practitioner;
        var manager = context.Users.Manager;
        var contact = (worker.FullName, "01234 500512, priya.shah@northshire.example.org");

        // Being considered: at MASH checks.
        await ReferralAsync(referrer, worker, "Amelia", "Hart", now.AddDays(-2), cancellationToken);

        // Decided, the feedback sent and waiting for the referrer to read it.
        var waiting = await DecidedAsync(referrer, worker, manager, "Oliver", "Grant", now.AddDays(-6), DecisionOutcome.StepDownToEarlyHelp, contact, cancellationToken);
        Send(waiting, worker, now.AddDays(-4).AddHours(-3));

        // Acknowledged.
        var acknowledged = await DecidedAsync(referrer, worker, manager, "Isla", "Morgan", now.AddDays(-14), DecisionOutcome.ChildAndFamilyAssessment, contact, cancellationToken);
        Send(acknowledged, worker, now.AddDays(-12));
        Read(acknowledged, referrer, now.AddDays(-11));
        acknowledged.Feedback.Acknowledge(now.AddDays(-11).AddMinutes(4));
        ApprovedDecisions.Event(db, CaseEvents.FeedbackAcknowledged, acknowledged.Feedback.CaseId, referrer.Id, now.AddDays(-11).AddMinutes(4), null);

        // Disagreed: an escalation open on the managers' list.
        var disagreed = await DecidedAsync(referrer, worker, manager, "Noah", "Fisher", now.AddDays(-5), DecisionOutcome.NoFurtherActionWithAdvice, contact, cancellationToken);
        Send(disagreed, worker, now.AddDays(-3));
        Read(disagreed, referrer, now.AddDays(-2));
        Raise(disagreed, referrer, now.AddDays(-2).AddMinutes(10),
            "Noah told his teacher again this week that he is scared to go home, and he has had no lunch money for a fortnight. I do not think advice alone will keep him safe.");

        // Disagreed, and answered: the decision stands, with the manager's reasons.
        var answered = await DecidedAsync(referrer, worker, manager, "Ruby", "Walsh", now.AddDays(-25), DecisionOutcome.StepDownToEarlyHelp, contact, cancellationToken);
        Send(answered, worker, now.AddDays(-23));
        Read(answered, referrer, now.AddDays(-22));
        var escalation = Raise(answered, referrer, now.AddDays(-22).AddMinutes(15),
            "Ruby's attendance has fallen below 80% and her mother has missed two meetings. I expected a social work assessment.");
        escalation.Answer(EscalationResult.Upheld,
            "I have looked at the decision again with the school's attendance figures and what health told us. The family hub has met Ruby's mother twice and she has agreed to a family support plan, so early help remains the right response. If attendance falls further or you learn of any harm, refer again or phone the MASH.",
            manager.Id, now.AddDays(-19));
        ApprovedDecisions.Event(db, CaseEvents.EscalationAnswered, escalation.CaseId, manager.Id, now.AddDays(-19), FeedbackDisplay.Result(EscalationResult.Upheld));

        await db.SaveChangesAsync(cancellationToken);
        await DraftForRecentDecisionsAsync(contact, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Draft feedback on the MASH's most recently decided cases, for a practitioner to check and send.</summary>
    private async Task DraftForRecentDecisionsAsync((string Name, string Details) contact, CancellationToken cancellationToken)
    {
        var recent = await db.MashCases.AsNoTracking()
            .Where(c => c.DecisionId != null && !db.ReferrerFeedback.Any(f => f.CaseId == c.Id))
            .OrderByDescending(c => c.DecidedAt).ThenBy(c => c.Id)
            .Take(DraftsToSend)
            .ToListAsync(cancellationToken);
        var support = await db.EarlyHelpServices.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).Take(3).ToListAsync(cancellationToken);
        foreach (var mashCase in recent)
        {
            var decision = await db.CaseDecisions.AsNoTracking().SingleAsync(d => d.Id == mashCase.DecisionId, cancellationToken);
            var document = await db.DocumentAsync(decision.ThresholdDocumentId, cancellationToken);
            var text = FeedbackDraft.From(decision, mashCase.ReferrerLevel, l => document.Describe(l).Name,
                decision.Level.IsBelowStatutoryThreshold() || decision.Outcome.IsNoFurtherAction() ? support : new List<EarlyHelpService>());
            db.ReferrerFeedback.Add(new ReferrerFeedback
            {
                CaseId = mashCase.Id, ReferralId = mashCase.ReferralId, DecisionId = decision.Id,
                OutcomeSummary = text.OutcomeSummary, Reasons = text.Reasons, LevelExplanation = text.LevelExplanation, OtherSupport = text.OtherSupport,
                ContactName = contact.Name, ContactDetails = contact.Details, DraftedAt = mashCase.DecidedAt ?? time.GetUtcNow(),
            });
        }
    }

    private async Task<ApprovedDecisions.Decided> DecidedAsync(
        PortalUser referrer, PortalUser worker, PortalUser manager, string given, string family, DateTimeOffset received, DecisionOutcome outcome,
        (string Name, string Details) contact, CancellationToken cancellationToken)
    {
        var mashCase = await ReferralAsync(referrer, worker, given, family, received, cancellationToken);
        mashCase.MarkReadyForDecision();
        return await ApprovedDecisions.DecideAndDraftAsync(db, clock, mashCase, worker.Id, manager.Id, outcome,
            outcome.IsStatutory() ? ThresholdLevel.Targeted : ThresholdLevel.EarlyHelp, received.AddHours(22), contact.Name, contact.Details, cancellationToken);
    }

    private void Send(ApprovedDecisions.Decided decided, PortalUser worker, DateTimeOffset at)
    {
        decided.Feedback.Send(FeedbackMethod.Portal, worker.Id, at);
        ApprovedDecisions.Event(db, CaseEvents.FeedbackSent, decided.Feedback.CaseId, worker.Id, at, FeedbackDisplay.Method(FeedbackMethod.Portal));
    }

    private void Read(ApprovedDecisions.Decided decided, PortalUser referrer, DateTimeOffset at) =>
        ApprovedDecisions.Event(db, CaseEvents.FeedbackRead, decided.Feedback.CaseId, referrer.Id, at, null);

    private Escalation Raise(ApprovedDecisions.Decided decided, PortalUser referrer, DateTimeOffset at, string reasons)
    {
        var due = calendar.AddWorkingTime(at, calendar.WorkingDayLength * options.Value.EscalationResponseWorkingDays);
        var escalation = Escalation.Raise(decided.Feedback, reasons, referrer.Id, at, due);
        db.Escalations.Add(escalation);
        ApprovedDecisions.Event(db, CaseEvents.EscalationRaised, escalation.CaseId, referrer.Id, at, null);
        return escalation;
    }

    /// <summary>A complete referral from the demo school, received, claimed, rated Amber and at MASH checks.</summary>
    private async Task<MashCase> ReferralAsync(PortalUser referrer, PortalUser worker, string given, string family, DateTimeOffset received, CancellationToken cancellationToken)
    {
        var document = await db.DocumentAsync((await db.CurrentDocumentIdAsync(cancellationToken))!.Value, cancellationToken);
        var school = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == referrer.OrganisationId, cancellationToken);
        var referral = new Referral
        {
            IdempotencyKey = Guid.NewGuid(),
            ReferrerUserId = referrer.Id,
            ReferringOrganisationId = school.Id,
            ReferralSourceCode = school.ReferralSource.Code,
            ThresholdDocumentId = document.Id,
            CreatedAt = received.AddMinutes(-40),
            UpdatedAt = received,
            ChildInImmediateDanger = false,
            FgmKnownOrSuspected = false,
            Categories = [ConcernCategory.Neglect.Key],
            Concerns =
            {
                WhatHappened = $"{given} has come to school hungry most days this term and in the same clothes all week. {given} said there is often no food at home.",
                Analysis = "A pattern of neglect of basic care, getting worse since the autumn.",
                RiskFactors = "Their mother has told staff she is struggling with her mental health.",
                ProtectiveFactors = "Their mother brings them to school and talks to staff.",
                History = "Known to the pastoral team for a year.",
                PreviousHelp = "A referral to the food bank last year, which helped for a while.",
                OtherProfessionals = "The school nurse shares the concern.",
                ExpectedOutcome = "Support for the family, and an assessment if the MASH thinks it is needed.",
            },
            Consent = { Decision = ConsentDecision.Obtained, SharingBasis = InformationSharingBasis.Consent },
            Communication = { InterpreterNeeded = false, HasCommunicationNeeds = false },
            Referrer = { Name = referrer.FullName, JobTitle = referrer.JobTitle, OrganisationName = school.Name, Email = referrer.Email, Phone = "01632 960001" },
        };
        referral.Children.Add(new ReferralChild
        {
            ReferralId = referral.Id, Order = 0, GivenName = given, FamilyName = family, DateOfBirth = DateOnly.FromDateTime(received.AddYears(-8).UtcDateTime),
            Gender = ChildGender.NotKnown, AddressLine1 = "12 Mill Lane", Town = "Northtown", Postcode = "NT2 4AB", SchoolOrSetting = school.Name,
            HowConcernsAffectChild = $"{given} is tired and finds it hard to concentrate.", ChildsVoice = $"{given} said: I wish there was breakfast.",
            IndicatorCodes = [.. document.Indicators.Where(i => i.Level == ThresholdLevel.Targeted).Take(1).Select(i => i.Code)],
        });
        referral.Adults.Add(new SignificantAdult
        {
            ReferralId = referral.Id, GivenName = "Sarah", FamilyName = family, Relationship = "Mother", LivesWithChildren = true, KnowsAboutReferral = true,
        });
        referral.RefreshSuggestion(document);
        referral.ChooseLevel(ThresholdLevel.Targeted);
        var reference = await ReferenceNumbers.NextAsync(db, ReferenceNumbers.DefaultPrefix, received, cancellationToken);
        referral.Submit(reference, received, ReferralQualityChecks.Check(referral, Glossary.Default));
        db.Referrals.Add(referral);

        var mashCase = MashCase.Open(referral, ContactChannel.Portal, clock);
        mashCase.Claim(worker.Id, received.AddMinutes(20));
        mashCase.Rate(BragRating.Amber, "Neglect of basic care over months; no immediate danger.", worker.Id, received.AddMinutes(40), clock);
        mashCase.ProgressToMashChecks();
        db.MashCases.Add(mashCase);
        db.AuditEvents.Add(new Infrastructure.Auditing.AuditEvent
        {
            OccurredAt = received, UserId = referrer.Id, Action = CaseEvents.ReferralSubmitted, SubjectType = CaseEvents.ReferralSubjectType, SubjectId = referral.Id.ToString(), Detail = reference,
        });
        ApprovedDecisions.Event(db, CaseEvents.Received, mashCase.Id, referrer.Id, received, $"{ContactChannel.Portal.DisplayName()}; source {mashCase.SourceCode}");
        ApprovedDecisions.Event(db, CaseEvents.Claimed, mashCase.Id, worker.Id, received.AddMinutes(20), $"By {worker.FullName}");
        ApprovedDecisions.Event(db, CaseEvents.Rated, mashCase.Id, worker.Id, received.AddMinutes(40), nameof(BragRating.Amber));
        ApprovedDecisions.Event(db, CaseEvents.ProgressedToChecks, mashCase.Id, worker.Id, received.AddHours(1), null);
        return mashCase;
    }
}
