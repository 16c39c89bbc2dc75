using MediatR;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Triage;

/// <summary>What a case form shows: whatever else it holds, the version of the case it was read at.</summary>
public interface ICaseFormView
{
    uint Version { get; }
}

/// <summary>
/// The one shape of a form that changes a case: GET loads the case's view and stamps the command with the
/// version and opening time; POST sends the command and goes back to the case record, or shows the form
/// again (with a fresh stamp) after a refusal or a conflict. A form keeps only what is its own: its command,
/// its view and query, and anything it fills in from the view.
/// </summary>
public abstract class CaseFormModel<TCommand, TView>(IMediator mediator, TimeProvider clock) : CasePageModel, IReloadOnInvalid
    where TCommand : class, ICaseChange, ICommand<CommandResult>, new()
    where TView : class, ICaseFormView
{
    [BindProperty]
    public TCommand Data { get; set; } = new();

    public TView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id, FormLoad.Opened) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Data.CaseId = id;
        return await OutcomeAsync(await mediator.Send(Data), id, () => LoadAsync(id, FormLoad.Sent));
    }

    // Shown again after a validation error: keep the version the form was opened on, so a change someone
    // else made meanwhile is still caught when it is sent again.
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken) => await LoadAsync(RouteCaseId, FormLoad.Invalid);

    /// <summary>The query for this form's view of the case; it answers null when the case is not there.</summary>
    protected abstract IRequest<TView?> ViewQuery(Guid caseId);

    /// <summary>Fills the form from the view before it is stamped: nothing, unless the form prefills.</summary>
    protected virtual void Fill(TView view, FormLoad load)
    {
    }

    private async Task<bool> LoadAsync(Guid id, FormLoad load)
    {
        var view = await mediator.Send(ViewQuery(id), HttpContext.RequestAborted);
        if (view is null)
        {
            return false;
        }

        View = view;
        Fill(view, load);
        if (load != FormLoad.Invalid)
        {
            Data.Stamp(id, view.Version, Now(clock));
        }

        return true;
    }
}

/// <summary>Why a case form is being loaded.</summary>
public enum FormLoad
{
    /// <summary>Opened afresh (GET).</summary>
    Opened,

    /// <summary>Shown again after the command was refused or met a conflict: stamped afresh.</summary>
    Sent,

    /// <summary>Shown again after a validation error: the stamp the form was opened with is kept.</summary>
    Invalid,
}
