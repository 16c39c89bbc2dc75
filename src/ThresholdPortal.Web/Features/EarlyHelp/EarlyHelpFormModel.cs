using MediatR;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.EarlyHelp;

/// <summary>What an early help form shows: whatever else it holds, the version of the work it was read at.</summary>
public interface IEarlyHelpFormView
{
    uint Version { get; }
}

/// <summary>
/// The one shape of a form that changes the hub's work with a family, as <see cref="Triage.CaseFormModel{TCommand, TView}"/>
/// is for a MASH case: GET loads the view and stamps the command with the version and opening time; POST sends it and
/// goes back to the case, or shows the form again (stamped afresh after a refusal or conflict, as opened after a
/// validation error, so a change made meanwhile is still caught).
/// </summary>
public abstract class EarlyHelpFormModel<TCommand, TView>(IMediator mediator, TimeProvider clock) : CommandPageModel, IReloadOnInvalid
    where TCommand : class, IEarlyHelpChange, ICommand<CommandResult>, new()
    where TView : class, IEarlyHelpFormView
{
    [FromRoute(Name = "id")]
    public Guid RouteCaseId { get; set; }

    [BindProperty]
    public TCommand Data { get; set; } = new();

    public TView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id, stamp: true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Data.CaseId = id;
        return await OutcomeAsync(await mediator.Send(Data), () => Redirect(EarlyHelpRoutes.Case(id)), () => LoadAsync(id, stamp: true));
    }

    public Task<bool> ReloadAsync(CancellationToken cancellationToken) => LoadAsync(RouteCaseId, stamp: false);

    protected abstract IRequest<TView?> ViewQuery(Guid caseId);

    /// <summary>Fills the form from the view when it is opened or stamped afresh; never over what was just typed.</summary>
    protected virtual void Fill(TView view)
    {
    }

    private async Task<bool> LoadAsync(Guid id, bool stamp)
    {
        var view = await mediator.Send(ViewQuery(id), HttpContext.RequestAborted);
        if (view is null)
        {
            return false;
        }

        View = view;
        if (stamp)
        {
            Fill(view);
            (Data.CaseId, Data.Version, Data.OpenedAt) = (id, view.Version, clock.GetUtcNow().UtcTicks);
        }

        return true;
    }
}
