using MediatR;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Intake;

/// <summary>The answer to "do you need to add another?" on a list of people; it asks how many the draft has.</summary>
public abstract class AddAnotherAnswer : IQuery<int?>
{
    public Guid DraftId { get; set; }
    public bool? AddAnother { get; set; }
}

/// <summary>
/// A list of the people on a draft (the children, the household's adults) with "do you need to add another?".
/// With nobody on it yet the page goes straight to adding the first. Each page keeps its rows, its answer's
/// wording, its removal and where adding and moving on go.
/// </summary>
public abstract class DraftPeoplePageModel<TRow, TAnswer>(IMediator mediator) : DraftPageModel, IReloadOnInvalid
    where TAnswer : AddAnotherAnswer, new()
{
    [BindProperty]
    public TAnswer Data { get; set; } = new();

    protected IReadOnlyList<TRow> People { get; private set; } = [];

    protected IMediator Mediator { get; } = mediator;

    /// <summary>Where the first or another person is added.</summary>
    protected abstract string AddPerson { get; }

    /// <summary>Where the journey goes when nobody else is to be added.</summary>
    protected abstract string MoveOn { get; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(HttpContext.RequestAborted))
        {
            return NotFound();
        }

        return People.Count == 0 ? FirstPerson() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Data.DraftId = DraftId;
        var count = await Mediator.Send(Data);
        return count switch
        {
            null => NotFound(),
            0 => Redirect(AddPerson),
            _ when Data.AddAnother == true => StayInChange(AddPerson),
            _ => SavedThenGoTo(MoveOn),
        };
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The people on the draft, in order; null when the draft is not this user's.</summary>
    protected abstract IRequest<IReadOnlyList<TRow>?> PeopleQuery();

    /// <summary>Opened with nobody on the list yet.</summary>
    protected abstract IActionResult FirstPerson();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var people = await Mediator.Send(PeopleQuery(), cancellationToken);
        People = people ?? [];
        return people is not null;
    }
}
