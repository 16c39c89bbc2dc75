using MediatR;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Web.Features.SubjectAccess;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.SubjectAccess;

/// <summary>
/// Everything the portal holds about the records the officer chose (docs/decisions/0123), and the bundle to download. The
/// choice comes as record keys in TempData (kept, so the page can be reloaded) and goes back in the download form's hidden
/// fields: never in the address. Without a choice the page sends the officer to the search. Viewing and exporting are
/// audited by the features, by record id and counts. A bundle too large to build is refused with the error summary.
/// </summary>
public sealed class RecordModel(IMediator mediator) : CommandPageModel
{
    /// <summary>The keys of the chosen records, posted back by the download form.</summary>
    [BindProperty]
    public List<string> Chosen { get; set; } = [];

    public SubjectRecordView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var keys = TempData.Peek(SubjectAccessRoutes.ChosenKey) as string;
        return SubjectChoice.ParseAll(keys?.Split(',')) is { } choices ? await ShowAsync(choices) : Redirect(SubjectAccessRoutes.Search);
    }

    public async Task<IActionResult> OnPostDownloadAsync()
    {
        if (SubjectChoice.ParseAll(Chosen) is not { } choices)
        {
            return Redirect(SubjectAccessRoutes.Search);
        }

        var exported = await mediator.Send(new SubjectBundle.Command(choices));
        return await OutcomeAsync(exported, bundle => File(bundle.Content, "application/zip", bundle.FileName), async () =>
        {
            await ShowAsync(choices);
            return true;
        });
    }

    private async Task<IActionResult> ShowAsync(IReadOnlyList<SubjectChoice> choices)
    {
        View = await mediator.Send(new SubjectRecord.Query(choices));
        Chosen = [.. choices.Select(c => c.Key)];
        return Page();
    }
}
