using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.UnitTests.Referrals;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.UnitTests.Triage;

public sealed class MashCaseTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.UkOffice(UkTime.Zone, []);
    private static readonly DecisionClock Clock = new(Calendar, DecisionTimescales.Default);
    private static readonly Guid Priya = Guid.NewGuid();
    private static readonly Guid Martin = Guid.NewGuid();

    // Tuesday 24 November 2026, 10:00 GMT.
    private static readonly DateTimeOffset Received = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static Referral Sent(Action<Referral>? change = null)
    {
        var referral = CompleteReferral.Build();
        change?.Invoke(referral);
        referral.Submit("NS-2026-000123", Received, []);
        return referral;
    }

    private static MashCase Claimed()
    {
        var mashCase = MashCase.Open(Sent(), ContactChannel.Portal, Clock);
        mashCase.Claim(Priya, Received.AddMinutes(5));
        return mashCase;
    }

    [Fact]
    public void A_received_referral_opens_a_new_unrated_case_due_within_one_working_day()
    {
        var referral = Sent(r => r.Categories = [ConcernCategory.Neglect.Key]);

        var mashCase = MashCase.Open(referral, ContactChannel.Portal, Clock);

        mashCase.Status.ShouldBe(MashCaseStatus.New);
        mashCase.Rating.ShouldBeNull();
        mashCase.ReferralId.ShouldBe(referral.Id);
        mashCase.Reference.ShouldBe("NS-2026-000123");
        mashCase.ReceivedAt.ShouldBe(Received);
        mashCase.DecisionDueAt.ShouldBe(Received.AddDays(1));
        mashCase.SourceCode.ShouldBe("2A");
        mashCase.ReferringOrganisationId.ShouldBe(referral.ReferringOrganisationId);
        mashCase.ReferrerLevel.ShouldBe(ThresholdLevel.Targeted);
        mashCase.Flags.ShouldBe(CaseFlags.None);
    }

    [Fact]
    public void A_contact_from_the_public_has_no_referring_organisation()
    {
        var mashCase = MashCase.Open(Sent(), ContactChannel.Phone, Clock);

        mashCase.Channel.ShouldBe(ContactChannel.Phone);
        mashCase.ReferringOrganisationId.ShouldBeNull();
    }

    [Fact]
    public void The_referrals_own_answers_raise_the_concern_flags()
    {
        var referral = Sent(r =>
        {
            r.Fgm = FgmConcern.Known;
            r.Categories = [ConcernCategory.ChildCriminalExploitation.Key, ConcernCategory.DomesticAbuse.Key];
        });

        MashCase.Open(referral, ContactChannel.Portal, Clock).Flags
            .ShouldBe(CaseFlags.Fgm | CaseFlags.Exploitation | CaseFlags.DomesticAbuse | CaseFlags.UrgentAtIntake);
    }

    [Fact]
    public void A_draft_or_an_early_help_request_opens_no_case()
    {
        Should.Throw<InvalidOperationException>(() => MashCase.Open(CompleteReferral.Build(), ContactChannel.Portal, Clock));

        var earlyHelp = CompleteReferral.Build();
        earlyHelp.ChooseLevel(ThresholdLevel.EarlyHelp);
        earlyHelp.ChooseEarlyHelpPathway(EarlyHelpChoice.SendEarlyHelpRequest, null);
        earlyHelp.Consent.Decision = ConsentDecision.Obtained;
        earlyHelp.Submit("NS-2026-000124", Received, []);
        Should.Throw<InvalidOperationException>(() => MashCase.Open(earlyHelp, ContactChannel.Portal, Clock));
    }

    [Fact]
    public void Claiming_starts_screening_and_a_second_claim_is_refused()
    {
        var mashCase = Claimed();

        mashCase.Status.ShouldBe(MashCaseStatus.Screening);
        mashCase.AssignedToUserId.ShouldBe(Priya);
        Should.Throw<CaseRuleException>(() => mashCase.Claim(Martin, Received.AddMinutes(6)))
            .Message.ShouldBe("Someone else already holds this case.");
    }

    [Fact]
    public void A_case_can_be_handed_to_someone_else()
    {
        var mashCase = Claimed();

        mashCase.AssignTo(Martin, Received.AddHours(1));

        mashCase.AssignedToUserId.ShouldBe(Martin);
        Should.Throw<CaseRuleException>(() => mashCase.AssignTo(Martin, Received.AddHours(2)));
    }

    [Fact]
    public void Rating_keeps_the_reason_and_moves_the_deadline_from_the_receipt_time()
    {
        var mashCase = Claimed();

        var first = mashCase.Rate(BragRating.Amber, "  Repeated bruising  ", Priya, Received.AddHours(1), Clock);

        mashCase.Rating.ShouldBe(BragRating.Amber);
        mashCase.DecisionDueAt.ShouldBe(Clock.DeadlineFor(Received, BragRating.Amber));
        first.Reason.ShouldBe("Repeated bruising");
        first.PreviousRating.ShouldBeNull();

        var second = mashCase.Rate(BragRating.Red, "Police report of a disclosure", Martin, Received.AddHours(2), Clock);

        mashCase.DecisionDueAt.ShouldBe(Received.AddHours(4));
        second.PreviousRating.ShouldBe(BragRating.Amber);
        mashCase.RatingHistory.Select(r => r.Rating).ShouldBe([BragRating.Amber, BragRating.Red]);
    }

    [Fact]
    public void Blue_takes_the_case_off_the_clock()
    {
        var mashCase = Claimed();

        mashCase.Rate(BragRating.Blue, "Information only", Priya, Received.AddHours(1), Clock);

        mashCase.DecisionDueAt.ShouldBeNull();
    }

    [Fact]
    public void Changed_settings_recount_an_open_case_deadline_and_say_what_it_was()
    {
        var mashCase = Claimed();
        mashCase.Rate(BragRating.Green, "Standard risk", Priya, Received.AddHours(1), Clock);
        var was = mashCase.DecisionDueAt;
        var slower = new DecisionClock(Calendar, DecisionTimescales.Default with { Green = TimeSpan.FromHours(32) });

        var change = mashCase.RecountDeadline(slower).ShouldNotBeNull();

        change.ShouldBe(new DeadlineChange(was, slower.DeadlineFor(Received, BragRating.Green)));
        mashCase.DecisionDueAt.ShouldBe(slower.DeadlineFor(Received, BragRating.Green));
        mashCase.RecountDeadline(slower).ShouldBeNull();
    }

    [Fact]
    public void A_closed_case_keeps_the_deadline_it_was_measured_against()
    {
        var mashCase = Claimed();
        mashCase.CloseAtContact(ContactClosureReason.AdviceAndSignposting, null, "Advice given.", Received.AddHours(3));
        var was = mashCase.DecisionDueAt;

        mashCase.RecountDeadline(new DecisionClock(Calendar, DecisionTimescales.Default with { Unrated = TimeSpan.FromHours(2) }))
            .ShouldBeNull();
        mashCase.DecisionDueAt.ShouldBe(was);
    }

    [Fact]
    public void A_rating_needs_a_reason_a_holder_and_a_change()
    {
        var unclaimed = MashCase.Open(Sent(), ContactChannel.Portal, Clock);
        Should.Throw<CaseRuleException>(() => unclaimed.Rate(BragRating.Red, "Why", Priya, Received, Clock));

        var mashCase = Claimed();
        Should.Throw<CaseRuleException>(() => mashCase.Rate(BragRating.Red, " ", Priya, Received, Clock));
        mashCase.Rate(BragRating.Green, "Low level", Priya, Received, Clock);
        Should.Throw<CaseRuleException>(() => mashCase.Rate(BragRating.Green, "Again", Priya, Received, Clock));
        mashCase.RatingHistory.Count.ShouldBe(1);
    }

    [Fact]
    public void Progressing_to_mash_checks_needs_a_rating()
    {
        var mashCase = Claimed();
        Should.Throw<CaseRuleException>(mashCase.ProgressToMashChecks);

        mashCase.Rate(BragRating.Amber, "Repeated bruising", Priya, Received, Clock);
        mashCase.ProgressToMashChecks();

        mashCase.Status.ShouldBe(MashCaseStatus.AwaitingInformation);
        mashCase.ContactOutcome.ShouldBe(ContactOutcome.ProgressToMashChecks);
        Should.Throw<CaseRuleException>(mashCase.ProgressToMashChecks);
    }

    [Fact]
    public void Closing_at_contact_records_the_reason_and_advice_and_closes_the_case()
    {
        var mashCase = Claimed();
        var at = Received.AddHours(3);

        mashCase.CloseAtContact(ContactClosureReason.AdviceAndSignposting, null, " Told mum about the family hub. ", at);

        mashCase.Status.ShouldBe(MashCaseStatus.Decided);
        mashCase.IsOpen.ShouldBeFalse();
        mashCase.ClosedAt.ShouldBe(at);
        mashCase.AdviceGiven.ShouldBe("Told mum about the family hub.");
        mashCase.ContactOutcome.ShouldBe(ContactOutcome.ClosedAtContact);
        Should.Throw<CaseRuleException>(() => mashCase.Rate(BragRating.Red, "Late", Priya, at, Clock))
            .Message.ShouldBe("The case is closed.");
        Should.Throw<CaseRuleException>(() => mashCase.AssignTo(Martin, at));
    }

    [Fact]
    public void Closing_at_contact_needs_advice_and_for_another_reason_an_explanation()
    {
        var mashCase = Claimed();

        Should.Throw<CaseRuleException>(() => mashCase.CloseAtContact(ContactClosureReason.InformationOnly, null, " ", Received));
        Should.Throw<CaseRuleException>(() => mashCase.CloseAtContact(ContactClosureReason.Other, null, "Advice", Received));
        mashCase.IsOpen.ShouldBeTrue();
    }

    [Fact]
    public void Findings_about_linked_people_replace_the_earlier_ones_and_keep_the_concern_flags()
    {
        var mashCase = MashCase.Open(Sent(r => r.Categories = [ConcernCategory.DomesticAbuse.Key]), ContactChannel.Portal, Clock);

        mashCase.RecordLinkedPeopleFindings(reReferral: true, openToEarlyHelp: false, openToSocialCare: true);
        mashCase.Flags.ShouldBe(CaseFlags.DomesticAbuse | CaseFlags.ReReferral | CaseFlags.OpenToSocialCare);

        mashCase.RecordLinkedPeopleFindings(reReferral: false, openToEarlyHelp: true, openToSocialCare: false);
        mashCase.Flags.ShouldBe(CaseFlags.DomesticAbuse | CaseFlags.OpenToEarlyHelp);
        mashCase.Flags.Split().Select(f => f.DisplayName()).ShouldBe(["Open to early help", "Domestic abuse"]);
    }

    [Fact]
    public void Deadlines_are_stored_in_utc_whatever_the_office_time_zone()
    {
        // A summer receipt: the calendar counts in BST, the database stores UTC.
        var summer = new DateTimeOffset(2026, 6, 9, 9, 30, 0, TimeSpan.Zero);
        var referral = CompleteReferral.Build();
        referral.Categories = [ConcernCategory.Neglect.Key];
        referral.Submit("NS-2026-000125", summer, []);

        var mashCase = MashCase.Open(referral, ContactChannel.Portal, Clock);

        mashCase.DecisionDueAt!.Value.Offset.ShouldBe(TimeSpan.Zero);
        mashCase.DecisionDueAt.ShouldBe(new DateTimeOffset(2026, 6, 10, 9, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_contact_is_received_as_it_stands_and_only_once()
    {
        var contact = new Referral { ReferralSourceCode = "9", Children = [new ReferralChild { GivenName = "The boy at number 12" }] };

        contact.ReceiveAsContact("NS-2026-000126", Received);

        (contact.Status, contact.Reference, contact.SubmittedAt)
            .ShouldBe((ReferralStatus.Submitted, "NS-2026-000126", (DateTimeOffset?)Received));
        MashCase.Open(contact, ContactChannel.Phone, Clock).SourceCode.ShouldBe("9");
        Should.Throw<InvalidOperationException>(() => contact.ReceiveAsContact("NS-2026-000127", Received));
    }
}
