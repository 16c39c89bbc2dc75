using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Domain.InformationRequests;

/// <summary>
/// A MASH request to one partner organisation for what it knows about the people a case names. It carries
/// only the minimum the agency needs (docs/decisions/0040), is due by a time that follows from the case's
/// BRAG rating (docs/decisions/0042), and collects the agency's responses, which are only ever appended
/// (docs/decisions/0041).
/// </summary>
public class InformationRequest
{
    public const int AdditionalQuestionsMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CaseId { get; init; }
    public Guid ReferralId { get; init; }

    /// <summary>The case reference, which the agency quotes if it phones the MASH.</summary>
    public required string CaseReference { get; init; }

    public required string AgencyKey { get; init; }

    /// <summary>The checklist agency's name when the request was sent.</summary>
    public required string AgencyName { get; init; }

    /// <summary>The organisation asked: only its responders see the request.</summary>
    public Guid OrganisationId { get; init; }

    public List<RequestSubject> Subjects { get; init; } = [];

    /// <summary>The standard questions asked, as worded when the request was sent.</summary>
    public List<string> Questions { get; init; } = [];

    public string? AdditionalQuestions { get; init; }
    public RequestLawfulBasis LawfulBasis { get; init; }
    public bool ConsentObtained { get; init; }

    /// <summary>The case's rating when the request was sent: the due time follows from it.</summary>
    public BragRating? Rating { get; init; }

    public Guid SentByUserId { get; init; }
    public DateTimeOffset SentAt { get; init; }
    public DateTimeOffset DueAt { get; init; }

    public RequestState State { get; private set; } = RequestState.Sent;
    public DateTimeOffset? FirstViewedAt { get; private set; }

    /// <summary>When the latest response was submitted.</summary>
    public DateTimeOffset? RespondedAt { get; private set; }

    /// <summary>When the agency was reminded that the request is overdue; a request is chased once.</summary>
    public DateTimeOffset? ChasedAt { get; private set; }

    public List<InformationResponse> Responses { get; init; } = [];

    /// <summary>PostgreSQL's xmin: a save over a version someone else has changed fails instead of overwriting.</summary>
    public uint Version { get; private set; }

    public bool IsOpen => State is RequestState.Sent or RequestState.Viewed;

    public InformationResponse? LatestResponse => Responses.MaxBy(r => r.SubmittedAt);

    public bool IsOverdueAt(DateTimeOffset now) => IsOpen && now > DueAt;

    public RequestStatus StatusAt(DateTimeOffset now) => StatusOf(State, DueAt, now);

    /// <summary>The status from stored columns alone, for lists that do not load the whole request.</summary>
    public static RequestStatus StatusOf(RequestState state, DateTimeOffset dueAt, DateTimeOffset now) => state switch
    {
        RequestState.Sent or RequestState.Viewed when now > dueAt => RequestStatus.Overdue,
        RequestState.Sent => RequestStatus.Sent,
        RequestState.Viewed => RequestStatus.Viewed,
        RequestState.Answered => RequestStatus.Answered,
        RequestState.Declined => RequestStatus.Declined,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>
    /// Sends a request for a case at the information-gathering stage. The people named must be the
    /// referral's own, at least one of them a child; the questions must be the agency's standard ones
    /// (as configured now) or free text.
    /// </summary>
    public static InformationRequest Send(
        MashCase mashCase, Referral referral, NewRequest details, Guid byUserId, DateTimeOffset at, RequestDueTimes dueTimes)
    {
        ArgumentNullException.ThrowIfNull(mashCase);
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(dueTimes);
        CaseChecks.EnsureGatheringInformation(mashCase);
        if (referral.Id != mashCase.ReferralId)
        {
            throw new InvalidOperationException("The referral is not this case's.");
        }

        var agency = details.Agency;
        var organisation = details.Organisation;
        if (!agency.IsActive)
        {
            throw new InformationRequestRuleException($"{agency.Name} is no longer on the agency checklist.");
        }

        if (!organisation.IsActive || !agency.Accepts(organisation.Kind))
        {
            throw new InformationRequestRuleException($"{organisation.Name} cannot be sent a request for {agency.Name}.");
        }

        var children = referral.Children.OrderBy(c => c.Order).Where(c => details.ChildIds.Contains(c.Id)).ToList();
        var adults = referral.Adults.OrderBy(a => a.Order).Where(a => details.AdultIds.Contains(a.Id)).ToList();
        if (children.Count != details.ChildIds.Distinct().Count() || adults.Count != details.AdultIds.Distinct().Count())
        {
            // Reachable by a tampered form, so refused in words rather than failing the request.
            throw new InformationRequestRuleException("Select only children and adults named in this referral.");
        }

        if (children.Count == 0)
        {
            throw new InformationRequestRuleException("Name at least one child in the request.");
        }

        var questions = details.Questions.Select(q => q.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (questions.Any(q => !agency.StandardQuestions.Contains(q, StringComparer.Ordinal)))
        {
            throw new InformationRequestRuleException($"Those are not the standard questions for {agency.Name}: they may have just " +
                $"changed. Choose them again.");
        }

        var additional = string.IsNullOrWhiteSpace(details.AdditionalQuestions) ? null : details.AdditionalQuestions.Trim();
        if (questions.Count == 0 && additional is null)
        {
            throw new InformationRequestRuleException("Ask at least one question.");
        }

        if (details.LawfulBasis == RequestLawfulBasis.Consent && !details.ConsentObtained)
        {
            throw new InformationRequestRuleException("Consent cannot be the lawful basis when it was not obtained.");
        }

        var request = new InformationRequest
        {
            CaseId = mashCase.Id,
            ReferralId = referral.Id,
            CaseReference = mashCase.Reference,
            AgencyKey = agency.Key,
            AgencyName = agency.Name,
            OrganisationId = organisation.Id,
            Questions = questions,
            AdditionalQuestions = additional,
            LawfulBasis = details.LawfulBasis,
            ConsentObtained = details.ConsentObtained,
            Rating = mashCase.Rating,
            SentByUserId = byUserId,
            SentAt = at,
            DueAt = dueTimes.DueAt(at, mashCase.Rating),
        };
        var householdAddress = referral.Children.OrderBy(c => c.Order).Select(RequestSubject.AddressOf).FirstOrDefault(a => a is not null);
        var order = 0;
        foreach (var child in children)
        {
            request.Subjects.Add(RequestSubject.FromChild(request.Id, child, order++));
        }

        foreach (var adult in adults)
        {
            request.Subjects.Add(RequestSubject.FromAdult(request.Id, adult, order++, householdAddress));
        }

        return request;
    }

    /// <summary>Records that a responder opened the request. True the first time only: the practitioner then sees "viewed".</summary>
    public bool RecordViewed(DateTimeOffset at)
    {
        if (FirstViewedAt is not null)
        {
            return false;
        }

        FirstViewedAt = at;
        if (State == RequestState.Sent)
        {
            State = RequestState.Viewed;
        }

        return true;
    }

    /// <summary>
    /// Adds the agency's answer. After an earlier response this is a correction of the latest one: the
    /// earlier response stays as it was submitted.
    /// </summary>
    public InformationResponse Answer(AgencyAnswer answer, Guid byUserId, string byName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.KnownToAgency && string.IsNullOrWhiteSpace(answer.InvolvementSummary))
        {
            throw new InformationRequestRuleException("Summarise your agency's involvement.");
        }

        if (answer.Files.Count > ResponseAttachment.MaxPerResponse)
        {
            throw new InformationRequestRuleException($"Attach up to {ResponseAttachment.MaxPerResponse} files.");
        }

        var responseId = Guid.CreateVersion7();
        var attachments = answer.Files.Select(file => Attachment(responseId, file)).ToList();
        var response = new InformationResponse
        {
            Id = responseId,
            RequestId = Id,
            Kind = ResponseKind.Answer,
            CorrectsResponseId = LatestResponse?.Id,
            KnownToAgency = answer.KnownToAgency,
            InvolvementSummary = Clean(answer.InvolvementSummary),
            CurrentRisks = Clean(answer.CurrentRisks),
            ConcernLevel = answer.ConcernLevel,
            RespondedByUserId = byUserId,
            RespondedByName = byName,
            SubmittedAt = at,
            Attachments = attachments,
        };
        Append(response, RequestState.Answered, at);
        return response;
    }

    /// <summary>Declines the request with a reason. Only an open request can be declined: an answer already given is corrected
    /// instead.</summary>
    public InformationResponse Decline(string reason, Guid byUserId, string byName, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            throw new InformationRequestRuleException("This request has already been answered. Send a correction instead.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InformationRequestRuleException("Say why your agency cannot answer.");
        }

        var response = new InformationResponse
        {
            RequestId = Id,
            Kind = ResponseKind.Decline,
            DeclineReason = reason.Trim(),
            RespondedByUserId = byUserId,
            RespondedByName = byName,
            SubmittedAt = at,
        };
        Append(response, RequestState.Declined, at);
        return response;
    }

    /// <summary>Marks an overdue request as chased. False when it is not overdue or was chased before: a request is chased once.</summary>
    public bool Chase(DateTimeOffset at)
    {
        if (!IsOverdueAt(at) || ChasedAt is not null)
        {
            return false;
        }

        ChasedAt = at;
        return true;
    }

    private void Append(InformationResponse response, RequestState state, DateTimeOffset at)
    {
        Responses.Add(response);
        FirstViewedAt ??= at;
        State = state;
        RespondedAt = at;
    }

    private static ResponseAttachment Attachment(Guid responseId, UploadedFile file)
    {
        if (file.Bytes.Length == 0 || file.Bytes.LongLength > ReferralAttachment.MaxSizeBytes)
        {
            throw new InformationRequestRuleException("Each file must be smaller than 10 MB and not empty.");
        }

        var type = AttachmentFileType.Detect(file.Bytes)
            ?? throw new InformationRequestRuleException("Each file must be a PDF, a Word document (DOCX), a PNG or a JPEG.");
        var id = Guid.CreateVersion7();
        return new ResponseAttachment
        {
            Id = id,
            ResponseId = responseId,
            FileName = type.SafeFileName(file.FileName),
            ContentType = type.ContentType,
            SizeBytes = file.Bytes.LongLength,
            Content = new ResponseAttachmentContent { AttachmentId = id, Bytes = file.Bytes },
        };
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What the practitioner chose on the send page.</summary>
public sealed record NewRequest(
    PartnerAgency Agency,
    Organisation Organisation,
    IReadOnlyCollection<Guid> ChildIds,
    IReadOnlyCollection<Guid> AdultIds,
    IReadOnlyList<string> Questions,
    string? AdditionalQuestions,
    RequestLawfulBasis LawfulBasis,
    bool ConsentObtained);

/// <summary>A step the request's state does not allow; the message is written for the person who tried it.</summary>
public sealed class InformationRequestRuleException(string message) : InvalidOperationException(message);
