using System.IO.Compression;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.UnitTests.Referrals;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.UnitTests.InformationRequests;

public sealed class InformationRequestTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.UkOffice(UkTime.Zone, []);
    private static readonly DecisionClock Clock = new(Calendar, DecisionTimescales.Default);
    private static readonly RequestDueTimes DueTimes = new(Calendar, RequestTimescales.Default);
    private static readonly Guid Priya = Guid.NewGuid();
    private static readonly Guid Dan = Guid.NewGuid();

    // Tuesday 24 November 2026, 10:00 GMT.
    private static readonly DateTimeOffset Received = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SentAt = Received.AddHours(1);

    private static readonly PartnerAgency Police = new()
    {
        Key = "police",
        Name = "Police",
        RecipientKinds = [OrganisationKind.Police],
        StandardQuestions = ["Is anyone named known to the police?", "Are there any current investigations?"],
    };

    private static readonly Organisation NorthshirePolice = new() { Name = "Northshire Police", Kind = OrganisationKind.Police };

    private static readonly byte[] Pdf = "%PDF-1.7 a record"u8.ToArray();

    private static (MashCase Case, Referral Referral) CaseAtChecks(BragRating rating = BragRating.Amber)
    {
        var referral = CompleteReferral.Build();
        referral.Submit("NS-2026-000123", Received, []);
        var mashCase = MashCase.Open(referral, ContactChannel.Portal, Clock);
        mashCase.Claim(Priya, Received.AddMinutes(5));
        mashCase.Rate(rating, "Repeated injuries with an account of harm.", Priya, Received.AddMinutes(10), Clock);
        mashCase.ProgressToMashChecks();
        return (mashCase, referral);
    }

    private static NewRequest Asking(Referral referral, Organisation? organisation = null, bool withAdult = true,
        IReadOnlyList<string>? questions = null) => new(
        Police,
        organisation ?? NorthshirePolice,
        [.. referral.Children.Select(c => c.Id)],
        withAdult ? [.. referral.Adults.Select(a => a.Id)] : [],
        questions ?? Police.StandardQuestions,
        "Is there a firearms licence at the address?",
        RequestLawfulBasis.SafeguardingPublicTask,
        ConsentObtained: false);

    private static InformationRequest Sent(BragRating rating = BragRating.Amber)
    {
        var (mashCase, referral) = CaseAtChecks(rating);
        return InformationRequest.Send(mashCase, referral, Asking(referral), Priya, SentAt, DueTimes);
    }

    private static AgencyAnswer Answer(bool known = true, params UploadedFile[] files) =>
        new(known, known ? "Two domestic incidents at the address in 2025." : null, "The partner has bail conditions.",
            AgencyConcernLevel.High, files);

    [Fact]
    public void A_request_names_only_what_the_agency_needs_and_is_due_by_the_ratings_timescale()
    {
        var (mashCase, referral) = CaseAtChecks(BragRating.Red);

        var request = InformationRequest.Send(mashCase, referral, Asking(referral), Priya, SentAt, DueTimes);

        request.CaseId.ShouldBe(mashCase.Id);
        request.CaseReference.ShouldBe("NS-2026-000123");
        request.OrganisationId.ShouldBe(NorthshirePolice.Id);
        request.State.ShouldBe(RequestState.Sent);
        request.Rating.ShouldBe(BragRating.Red);
        request.DueAt.ShouldBe(SentAt.AddHours(2));
        request.Subjects.Select(s => (s.Kind, s.Name))
            .ShouldBe([(SubjectKind.Child, "Jayden Clarke"), (SubjectKind.Child, "Maisie Clarke"), (SubjectKind.Adult, "Kelly Clarke")]);
        var jayden = request.Subjects[0];
        jayden.DateOfBirth.ShouldBe(new DateOnly(2017, 5, 3));
        jayden.Address.ShouldBe("1 Mill Lane, Northtown, NT1 1AA");
        jayden.RequestId.ShouldBe(request.Id);
        // The mother lives with the children: the agency searches her at their address.
        request.Subjects[2].Address.ShouldBe("1 Mill Lane, Northtown, NT1 1AA");
        request.Subjects[2].Relationship.ShouldBe("Mother");
        request.Questions.ShouldBe(Police.StandardQuestions);
        request.AdditionalQuestions.ShouldBe("Is there a firearms licence at the address?");
    }

    [Fact]
    public void A_request_cannot_be_sent_before_the_case_is_progressed_to_checks()
    {
        var referral = CompleteReferral.Build();
        referral.Submit("NS-2026-000123", Received, []);
        var mashCase = MashCase.Open(referral, ContactChannel.Portal, Clock);

        Should.Throw<CaseRuleException>(() => InformationRequest.Send(mashCase, referral, Asking(referral), Priya, SentAt, DueTimes))
            .Message.ShouldContain("Progress the case to MASH checks");
    }

    [Fact]
    public void A_request_must_name_a_child()
    {
        var (mashCase, referral) = CaseAtChecks();
        var adultsOnly = Asking(referral) with { ChildIds = [] };

        Should.Throw<InformationRequestRuleException>(() =>
            InformationRequest.Send(mashCase, referral, adultsOnly, Priya, SentAt, DueTimes));
    }

    [Fact]
    public void A_request_cannot_name_someone_from_another_referral()
    {
        var (mashCase, referral) = CaseAtChecks();
        var stranger = Asking(referral) with { ChildIds = [Guid.NewGuid()] };

        Should.Throw<InvalidOperationException>(() => InformationRequest.Send(mashCase, referral, stranger, Priya, SentAt, DueTimes));
    }

    [Fact]
    public void A_request_goes_only_to_an_organisation_of_a_kind_the_agency_accepts()
    {
        var (mashCase, referral) = CaseAtChecks();
        var school = new Organisation { Name = "Riverside Primary School", Kind = OrganisationKind.School };

        Should.Throw<InformationRequestRuleException>(() =>
            InformationRequest.Send(mashCase, referral, Asking(referral, school), Priya, SentAt, DueTimes))
            .Message.ShouldContain("Riverside Primary School cannot be sent a request for Police");
    }

    [Fact]
    public void Questions_are_the_agencys_standard_ones_or_free_text()
    {
        var (mashCase, referral) = CaseAtChecks();
        var invented = Asking(referral, questions: ["Tell us everything about the family."]);

        Should.Throw<InformationRequestRuleException>(() => InformationRequest.Send(mashCase, referral, invented, Priya, SentAt, DueTimes));
    }

    [Fact]
    public void Consent_is_not_a_lawful_basis_when_it_was_not_obtained()
    {
        var (mashCase, referral) = CaseAtChecks();
        var details = Asking(referral) with { LawfulBasis = RequestLawfulBasis.Consent, ConsentObtained = false };

        Should.Throw<InformationRequestRuleException>(() => InformationRequest.Send(mashCase, referral, details, Priya, SentAt, DueTimes));
    }

    [Fact]
    public void Opening_a_request_marks_it_viewed_the_first_time_only()
    {
        var request = Sent();

        request.RecordViewed(SentAt.AddMinutes(20)).ShouldBeTrue();
        request.RecordViewed(SentAt.AddMinutes(40)).ShouldBeFalse();

        request.State.ShouldBe(RequestState.Viewed);
        request.FirstViewedAt.ShouldBe(SentAt.AddMinutes(20));
    }

    [Fact]
    public void An_answer_is_recorded_with_its_attachments_checked_by_content()
    {
        var request = Sent();

        var response = request.Answer(Answer(true, new UploadedFile("../../record.pdf", Pdf)), Dan, "Dan Price", SentAt.AddHours(2));

        request.State.ShouldBe(RequestState.Answered);
        request.RespondedAt.ShouldBe(SentAt.AddHours(2));
        request.FirstViewedAt.ShouldBe(SentAt.AddHours(2));
        response.Kind.ShouldBe(ResponseKind.Answer);
        response.CorrectsResponseId.ShouldBeNull();
        response.ConcernLevel.ShouldBe(AgencyConcernLevel.High);
        var attachment = response.Attachments.ShouldHaveSingleItem();
        attachment.FileName.ShouldBe("record.pdf");
        attachment.ContentType.ShouldBe("application/pdf");
        attachment.ResponseId.ShouldBe(response.Id);
        attachment.Content!.AttachmentId.ShouldBe(attachment.Id);
    }

    [Fact]
    public void A_file_that_is_not_an_accepted_type_is_refused_whatever_its_name()
    {
        var request = Sent();
        var renamed = new UploadedFile("record.pdf", "MZ\u0090 an executable"u8.ToArray());

        Should.Throw<InformationRequestRuleException>(() => request.Answer(Answer(true, renamed), Dan, "Dan Price", SentAt.AddHours(2)));
        request.Responses.ShouldBeEmpty();
    }

    [Fact]
    public void A_macro_enabled_word_document_is_refused()
    {
        var request = Sent();

        Should.Throw<InformationRequestRuleException>(() =>
            request.Answer(Answer(true, new UploadedFile("notes.docx", Docm())), Dan, "Dan Price", SentAt.AddHours(2)));
    }

    [Fact]
    public void Known_to_the_agency_needs_a_summary_of_the_involvement()
    {
        var request = Sent();
        var bare = new AgencyAnswer(true, " ", null, AgencyConcernLevel.Low, []);

        Should.Throw<InformationRequestRuleException>(() => request.Answer(bare, Dan, "Dan Price", SentAt.AddHours(1)));
    }

    [Fact]
    public void A_correction_is_a_new_response_and_the_first_answer_stays_as_submitted()
    {
        var request = Sent();
        var first = request.Answer(Answer(false), Dan, "Dan Price", SentAt.AddHours(1));

        var correction = request.Answer(Answer(true), Dan, "Dan Price", SentAt.AddHours(3));

        request.Responses.Count.ShouldBe(2);
        correction.CorrectsResponseId.ShouldBe(first.Id);
        first.KnownToAgency.ShouldBe(false);
        request.LatestResponse.ShouldBeSameAs(correction);
        request.RespondedAt.ShouldBe(SentAt.AddHours(3));
    }

    [Fact]
    public void An_open_request_can_be_declined_with_a_reason_but_an_answered_one_cannot()
    {
        var open = Sent();
        var decline = open.Decline("The family are not registered with this practice.", Dan, "Dan Price", SentAt.AddHours(1));
        open.State.ShouldBe(RequestState.Declined);
        decline.DeclineReason.ShouldBe("The family are not registered with this practice.");

        var answered = Sent();
        answered.Answer(Answer(), Dan, "Dan Price", SentAt.AddHours(1));
        Should.Throw<InformationRequestRuleException>(() => answered.Decline("Changed our mind.", Dan, "Dan Price", SentAt.AddHours(2)));
        Should.Throw<InformationRequestRuleException>(() => Sent().Decline("  ", Dan, "Dan Price", SentAt.AddHours(1)));
    }

    [Fact]
    public void An_open_request_past_its_due_time_is_overdue_and_an_answered_one_never_is()
    {
        var request = Sent();
        request.StatusAt(request.DueAt).ShouldBe(RequestStatus.Sent);
        request.StatusAt(request.DueAt.AddMinutes(1)).ShouldBe(RequestStatus.Overdue);

        request.Answer(Answer(), Dan, "Dan Price", request.DueAt.AddHours(1));

        request.StatusAt(request.DueAt.AddDays(5)).ShouldBe(RequestStatus.Answered);
    }

    [Fact]
    public void An_overdue_request_is_chased_once()
    {
        var request = Sent();

        request.Chase(request.DueAt.AddMinutes(-1)).ShouldBeFalse("it is not overdue yet");
        request.Chase(request.DueAt.AddMinutes(1)).ShouldBeTrue();
        request.Chase(request.DueAt.AddHours(5)).ShouldBeFalse("it was chased already");

        request.ChasedAt.ShouldBe(request.DueAt.AddMinutes(1));
    }

    [Fact]
    public void An_answered_request_is_not_chased()
    {
        var request = Sent();
        request.Answer(Answer(), Dan, "Dan Price", request.DueAt.AddHours(1));

        request.Chase(request.DueAt.AddHours(2)).ShouldBeFalse();
    }

    [Fact]
    public void A_case_moves_to_decision_only_with_a_complete_checklist()
    {
        var (mashCase, _) = CaseAtChecks();
        var incomplete = AgencyChecklist.Evaluate([new ChecklistAgency("police", "Police", 1)], [], []);

        Should.Throw<CaseRuleException>(() => mashCase.MoveToDecision(incomplete));
        mashCase.Status.ShouldBe(MashCaseStatus.AwaitingInformation);

        mashCase.MoveToDecision(AgencyChecklist.Evaluate([new ChecklistAgency("police", "Police", 1)],
            [new AgencyEntry("police", "Police")], []));
        mashCase.Status.ShouldBe(MashCaseStatus.AwaitingDecision);
    }

    [Fact]
    public void A_reason_is_recorded_only_for_an_agency_still_to_do()
    {
        var (mashCase, _) = CaseAtChecks();
        var probation = new AgencyCheck("probation", "Probation", AgencyCheckStatus.Outstanding);

        var reason = AgencyNotNeeded.Record(mashCase, probation, "  No adult in the household has offended.  ", Priya, SentAt);

        reason.CaseId.ShouldBe(mashCase.Id);
        reason.AgencyKey.ShouldBe("probation");
        reason.Reason.ShouldBe("No adult in the household has offended.");
        Should.Throw<InformationRequestRuleException>(() =>
            AgencyNotNeeded.Record(mashCase, probation with { Status = AgencyCheckStatus.Requested }, "Not needed.", Priya, SentAt))
            .Message.ShouldBe("Probation has already been asked.");
        Should.Throw<InformationRequestRuleException>(() =>
            AgencyNotNeeded.Record(mashCase, probation with { Status = AgencyCheckStatus.NotNeeded }, "Not needed.", Priya, SentAt));
        Should.Throw<InformationRequestRuleException>(() => AgencyNotNeeded.Record(mashCase, probation, " ", Priya, SentAt));
    }

    [Fact]
    public void No_reason_is_recorded_before_the_case_reaches_mash_checks()
    {
        var referral = CompleteReferral.Build();
        referral.Submit("NS-2026-000123", Received, []);
        var screening = MashCase.Open(referral, ContactChannel.Portal, Clock);

        Should.Throw<CaseRuleException>(() =>
            AgencyNotNeeded.Record(screening, new AgencyCheck("probation", "Probation", AgencyCheckStatus.Outstanding), "Not needed.",
            Priya, SentAt));
    }

    private static byte[] Docm()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "word/document.xml", "word/vbaProject.bin" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("x");
            }
        }

        return memory.ToArray();
    }
}
