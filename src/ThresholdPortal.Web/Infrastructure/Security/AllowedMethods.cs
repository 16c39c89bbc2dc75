using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ThresholdPortal.Web.Infrastructure.Security;

/// <summary>
/// Every page and endpoint is read with GET (or HEAD) and changed with POST, so any other method is answered 405
/// with the methods that are allowed, before it reaches a page: a TRACE would otherwise render a page without running
/// its handler (a 500), and a PUT or DELETE would meet the antiforgery check instead (a 400 that says nothing true).
/// </summary>
public static class AllowedMethods
{
    public const string Allow = "GET, HEAD, POST";

    public static IApplicationBuilder UseAllowedMethods(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsPost(method))
            {
                await next();
                return;
            }

            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = Allow;
        });
}

/// <summary>
/// A POST to a page that has no handler for it (a GET-only page, or a made-up <c>?handler=</c>) would render the page
/// without running anything that loads it, a 500 at best: it is a 405 instead (docs/decisions/0100).
/// </summary>
public sealed class PostWithoutHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context,
        PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HandlerMethod is null && HttpMethods.IsPost(context.HttpContext.Request.Method))
        {
            context.HttpContext.Response.Headers.Allow = "GET, HEAD";
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return Task.CompletedTask;
        }

        return next();
    }
}
