using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Domain.Returns;
using ThresholdPortal.Web.Features.Insights;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Insights.Returns;

/// <summary>
/// The Children in Need census return for a census year (issue 17, item 4; docs/decisions/0125): the front door's DfE
/// validation rules run first and each failure names the child and the rule, so it can be fixed before the XML is
/// downloaded and submitted to the DfE's COLLECT. Child ids and codes only, never names.
/// </summary>
public sealed class CinCensusModel(IMediator mediator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public CinCensusReturn.Result View { get; private set; } = null!;

    public IReadOnlyList<CensusYear> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        View = await mediator.Send(new CinCensusReturn.Query(Chosen()), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetXmlAsync(CancellationToken cancellationToken)
    {
        var download = await mediator.Send(new CinCensusReturn.Download(Chosen()), cancellationToken);
        return File(download.Content, "application/xml", download.FileName);
    }

    /// <summary>The year asked for when it is one offered, otherwise the census year today falls in.</summary>
    private int Chosen()
    {
        var current = CensusYear.Containing(UkTime.Today(clock));
        Years = [.. Enumerable.Range(0, 5).Select(back => new CensusYear(current.Ending - back))];
        return Years.Any(y => y.Ending == Year) ? Year!.Value : current.Ending;
    }
}
