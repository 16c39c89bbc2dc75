using MediatR;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.InformationRequests;

/// <summary>What answering and declining share: the request shown above the form, and the outcome of sending.</summary>
public abstract class RespondPage(IMediator mediator) : CommandPageModel, IReloadOnInvalid
{
    /// <summary>The request being answered.</summary>
    public RequestView Asked { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    protected IMediator Mediator { get; } = mediator;

    /// <summary>The request in the address, for a form shown again after a validation error.</summary>
    [FromRoute(Name = "requestId")]
    public Guid RouteRequestId { get; set; }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken) => await LoadAsync(RouteRequestId, cancellationToken);

    protected async Task<bool> LoadAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var found = await Mediator.Send(new RespondForm.Query(requestId), cancellationToken);
        if (found is null)
        {
            return false;
        }

        (Asked, Now) = found.Value;
        return true;
    }

    /// <summary>Sent: back to the request with <paramref name="notice"/>; otherwise as every command page.</summary>
    protected Task<IActionResult> OutcomeAsync(CommandResult result, Guid requestId, string notice) =>
        OutcomeAsync(result, () =>
        {
            TempData.SetNotice(notice);
            return Redirect(InformationRequestRoutes.AgencyRequest(requestId));
        }, () => LoadAsync(requestId, HttpContext.RequestAborted));
}

/// <summary>The request as the answer and decline forms show it, for the responder's organisation only.</summary>
public static class RespondForm
{
    public const string AnsweredMeanwhile =
        "Someone at your organisation responded to this request while you were writing. Read their response below; if something is still " +
            "missing or wrong, send a correction.";

    public sealed record Query(Guid RequestId) : IQuery<(RequestView View, DateTimeOffset Now)?>;

    public sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Query,
        (RequestView View, DateTimeOffset Now)?>
    {
        public async Task<(RequestView View, DateTimeOffset Now)?> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var views = await RequestViews.LoadAsync(db, db.InformationRequests.AddressedTo(user).Where(r => r.Id == request.RequestId),
                now,
                InformationRequestRoutes.AgencyAttachment, cancellationToken);
            return views.Count == 1 ? (views[0], now) : null;
        }
    }
}
