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
