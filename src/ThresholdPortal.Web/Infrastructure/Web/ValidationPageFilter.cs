using FluentValidation.AspNetCore;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Infrastructure.Web;

/// <summary>
/// A page that needs to reload data (lists, the saved answers around a form) before it is shown again
/// with errors. It answers false when the thing the address names is not there (or not this user's), and the
/// page is then a 404, never a page rendered around nothing.
/// </summary>
public interface IReloadOnInvalid
{
    Task<bool> ReloadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Turns a failed validation into the GOV.UK error summary: failures go into ModelState under the bound
/// property's prefix and the page is shown again. Also stops a handler running when model binding failed.
/// </summary>
public sealed class ValidationPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var isPost = HttpMethods.IsPost(context.HttpContext.Request.Method);
        if (isPost && !context.ModelState.IsValid && context.HandlerInstance is PageModel invalidPage)
        {
            context.Result = await RedisplayAsync(invalidPage, context.HttpContext.RequestAborted);
            return;
        }

        var executed = await next();
        if (executed.Exception is RequestValidationException failure && executed.HandlerInstance is PageModel page)
        {
            if (!isPost && page is not IReloadOnInvalid)
            {
                // A GET whose address cannot be read (a tampered cursor) has no page to show the errors on.
                executed.Result = page.NotFound();
                executed.ExceptionHandled = true;
                return;
            }

            var prefix = BoundPropertyHolding(page, failure.Request);
            new ValidationResult(failure.Failures).AddToModelState(page.ModelState, prefix);
            executed.Result = await RedisplayAsync(page, context.HttpContext.RequestAborted);
            executed.ExceptionHandled = true;
        }
    }

    private static async Task<IActionResult> RedisplayAsync(PageModel page, CancellationToken cancellationToken) =>
        page is IReloadOnInvalid reload && !await reload.ReloadAsync(cancellationToken) ? page.NotFound() : page.Page();

    private static string? BoundPropertyHolding(PageModel page, object request) =>
        page.GetType().GetProperties()
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
            .FirstOrDefault(p => ReferenceEquals(p.GetValue(page), request))?.Name;
}
