using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Agency.Requests;

/// <summary>
/// The agency's answer: known to us or not, our involvement, current risks, our own level of concern and
/// any documents (PDF, DOCX, PNG or JPEG, checked by content, up to 10 MB each). Once sent it cannot be
/// changed; sending again is a correction, added beside the first answer (docs/decisions/0041).
/// </summary>
[RequestSizeLimit(RequestLimitBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimitBytes)]
public sealed class AnswerModel(IMediator mediator) : RespondPage(mediator)
{
    /// <summary>Every file at the size limit, with room for the form: a file just too big gets a clear error, not a refused
    /// request.</summary>
    public const long RequestLimitBytes = (ResponseAttachment.MaxPerResponse + 1) * ReferralAttachment.MaxSizeBytes + (1024 * 1024);

    [BindProperty]
    public SubmitAnswer Data { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid requestId)
    {
        if (!await LoadAsync(requestId, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        Data.ResponsesSeen = Asked.Responses.Count;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid requestId)
    {
        Data.RequestId = requestId;
        return await OutcomeAsync(await Mediator.Send(Data), requestId,
            Data.ResponsesSeen > 0 ? "Your correction has been sent to the MASH" : "Your answer has been sent to the MASH");
    }

    public sealed class SubmitAnswer : ICommand<CommandResult>
    {
        public Guid RequestId { get; set; }

        /// <summary>How many responses the responder saw when the form opened: a response added since is not overwritten by
        /// surprise.</summary>
        public int ResponsesSeen { get; set; }

        public bool? KnownToAgency { get; set; }
        public string? InvolvementSummary { get; set; }
        public string? CurrentRisks { get; set; }
        public AgencyConcernLevel? ConcernLevel { get; set; }
        public List<IFormFile> Files { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<SubmitAnswer>
    {
        public Validator()
        {
            RuleFor(a => a.KnownToAgency).NotNull().WithMessage("Say whether any of the people named are known to your agency");
            RuleFor(a => a.InvolvementSummary).NotEmpty().When(a => a.KnownToAgency == true)
                .WithMessage("Summarise your agency's involvement with the people named");
            RuleFor(a => a.InvolvementSummary).Answer("The summary of your involvement", InformationResponse.InvolvementMaxLength);
            RuleFor(a => a.CurrentRisks).Answer("Current risks", InformationResponse.RisksMaxLength);
            RuleFor(a => a.ConcernLevel).NotNull().WithMessage("Select your agency's level of concern").IsInEnum()
                .WithMessage("Select your agency's level of concern");
            RuleFor(a => a.Files).Must(files => files.Count <= ResponseAttachment.MaxPerResponse)
                .WithMessage($"Attach up to {ResponseAttachment.MaxPerResponse} files");
            RuleForEach(a => a.Files).Cascade(CascadeMode.Stop)
                .Must(file => file.Length > 0).WithMessage((_, file) => $"{file.FileName} is empty")
                .Must(file => file.Length <= ReferralAttachment.MaxSizeBytes)
                    .WithMessage((_, file) => $"{file.FileName} must be smaller than 10 MB")
                .MustAsync(async (file, cancellationToken) =>
                    AttachmentFileType.Detect(await ReadAsync(file, cancellationToken)) is not null)
                .WithMessage((_, file) => $"{file.FileName} must be a PDF, a Word document (DOCX), a PNG or a JPEG")
                .OverridePropertyName(nameof(SubmitAnswer.Files));
        }
    }

    public static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var stream = file.OpenReadStream();
        using var memory = new MemoryStream((int)file.Length);
        await stream.CopyToAsync(memory, cancellationToken);
        return memory.ToArray();
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock)
        : IRequestHandler<SubmitAnswer, CommandResult>
    {
        public async Task<CommandResult> Handle(SubmitAnswer request, CancellationToken cancellationToken)
        {
            var found = await AgencyAccess.LockOwnAsync(db, request.RequestId, user, cancellationToken);
            if (found is null)
            {
                return CommandResult.NotFound;
            }

            if (found.Responses.Count != request.ResponsesSeen)
            {
                return new CommandResult.Refused(RespondForm.AnsweredMeanwhile);
            }

            var files = new List<UploadedFile>();
            foreach (var file in request.Files)
            {
                files.Add(new UploadedFile(file.FileName, await ReadAsync(file, cancellationToken)));
            }

            InformationResponse response;
            try
            {
                var answer = new AgencyAnswer(request.KnownToAgency!.Value, request.InvolvementSummary, request.CurrentRisks,
                    request.ConcernLevel!.Value, files);
                response = found.Answer(answer, user.Id, user.FullName, clock.GetUtcNow());
            }
            catch (InformationRequestRuleException refused)
            {
                return new CommandResult.Refused(refused.Message);
            }

            db.InformationResponses.Add(response);
            audit.Record(response.CorrectsResponseId is null ? InformationRequestEvents.Answered : InformationRequestEvents.Corrected,
                CaseEvents.SubjectType, found.CaseId.ToString(),
                $"{InformationRequestEvents.Detail(found.AgencyName, found.Id)}; {response.ConcernLevel!.Value.DisplayName()}; " +
                    Plural.Of(response.Attachments.Count, "attachment", "attachments"));
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
