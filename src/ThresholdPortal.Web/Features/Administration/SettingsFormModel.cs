using MediatR;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>
/// What every MASH settings form page does with its change: saves it as a new settings version, makes this instance
/// use the new version at once, and says what was saved (docs/decisions/0055). Each page gives its own view query.
/// </summary>
public abstract class SettingsFormModel<TCommand>(IMediator mediator, MashSettingsCache cache) : CommandPageModel
    where TCommand : SettingsChangeFields, ICommand<CommandResult<int?>>, new()
{
    [BindProperty]
    public TCommand Data { get; set; } = new();

    protected IMediator Mediator => mediator;

    /// <summary>What the notice says was saved: "Timescales", "Contacts".</summary>
    protected abstract string Saved { get; }

    /// <summary>Where the page goes once saved: the settings overview, unless the form lists its own rows.</summary>
    protected virtual IActionResult AfterSave() => RedirectToPage("/Admin/Configuration/MashSettings/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await mediator.Send(Data);
        cache.Invalidate();
        return OutcomeOf(result, version =>
        {
            TempData.SetNotice(version is null ? "Nothing was changed" : $"{Saved} saved as settings version {version}");
            return AfterSave();
        });
    }
}
