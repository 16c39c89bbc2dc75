using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace ThresholdPortal.Web.Infrastructure.Web;

/// <summary>
/// A form over its page's request size limit cannot be read, so neither its antiforgery token nor its fields can be
/// checked; the framework would answer a bare 400. Instead the upload is refused without reading further: the
/// browser is sent back to the form (302), which then shows the GOV.UK error on its file field. Nothing was stored,
/// and nothing in the form could have been kept.
/// </summary>
public sealed class OversizedUploadFilter : IAsyncAuthorizationFilter, IOrderedFilter, IAsyncPageFilter
{
    public const string Marker = "upload";
    public const string TooLarge = "too-large";
    public const string Message = "The selected file must be smaller than 10 MB";

    /// <summary>After the request and form size limits are set (900), before the antiforgery check reads the form (1000).</summary>
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return;
        }

        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception tooLarge) when (
            (tooLarge is InvalidDataException && tooLarge.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
            || tooLarge is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            context.Result = new RedirectResult(QueryHelpers.AddQueryString(request.PathBase + request.Path, Marker, TooLarge));
        }
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (HttpMethods.IsGet(context.HttpContext.Request.Method)
            && context.HttpContext.Request.Query[Marker] == TooLarge
            && executed.Result is PageResult
            && FileField(context.HandlerInstance) is { } field)
        {
            executed.ModelState.AddModelError(field, Message);
        }
    }

    /// <summary>The model-state key of the page's bound file field ("Data.File"), if it has one.</summary>
    private static string? FileField(object page) =>
        page.GetType().GetProperties()
            .Where(p => p.IsDefined(typeof(BindPropertyAttribute), inherit: true))
            .SelectMany(bound => bound.PropertyType.GetProperties()
                .Where(p => typeof(IFormFile).IsAssignableFrom(p.PropertyType)
                    || typeof(IEnumerable<IFormFile>).IsAssignableFrom(p.PropertyType))
                .Select(p => $"{bound.Name}.{p.Name}"))
            .FirstOrDefault();
}
