using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Agency.Requests;

/// <summary>Declines a request with a reason, so the MASH knows not to wait. Only a request not yet answered can be declined.</summary>
public sealed class DeclineModel(IMediator mediator) : RespondPage(mediator)
{
    [BindProperty]
    public SubmitDecline Data { get; set; } = new();

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
        return await OutcomeAsync(await Mediator.Send(Data), requestId, "You have declined the request. The MASH has been told why");
    }

    public sealed class SubmitDecline : ICommand<CommandResult>
    {
        public Guid RequestId { get; set; }
        public int ResponsesSeen { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<SubmitDecline>
    {
        public Validator() =>
            RuleFor(d => d.Reason)
                .RequiredAnswer("Say why your agency cannot answer", "The reason", InformationResponse.DeclineReasonMaxLength);
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock)
        : IRequestHandler<SubmitDecline, CommandResult>
    {
        public async Task<CommandResult> Handle(SubmitDecline request, CancellationToken cancellationToken)
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

            InformationResponse response;
            try
            {
                response = found.Decline(request.Reason!, user.Id, user.FullName, clock.GetUtcNow());
            }
            catch (InformationRequestRuleException refused)
            {
                return new CommandResult.Refused(refused.Message);
            }

            db.InformationResponses.Add(response);
            audit.Record(InformationRequestEvents.Declined, CaseEvents.SubjectType, found.CaseId.ToString(),
                InformationRequestEvents.Detail(found.AgencyName, found.Id));
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
