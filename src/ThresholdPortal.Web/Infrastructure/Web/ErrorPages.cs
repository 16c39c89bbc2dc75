using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Infrastructure.Web;

/// <summary>
/// The GOV.UK error pages at <c>/error</c>. They must render while PostgreSQL is down, so nothing on their path
/// reads the database (session validation and the managers' counts skip it there), and an exception caused by
/// an unreachable database answers 503 rather than 500 (docs/decisions/0101).
/// </summary>
public static class ErrorPages
{
    public static readonly PathString Path = "/error";

    public static bool IsRequestFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments(Path);
    }

    /// <summary>Unhandled exceptions show the error page outside Development: 503 for a database outage, else 500.</summary>
    public static IApplicationBuilder UseErrorPageForExceptions(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = Path,
            // A fresh scope, so authentication runs again for the error page instead of replaying the failed
            // (cached) result of the request that threw, and the error page skips the database (SessionValidation).
            CreateScopeForErrors = true,
            StatusCodeSelector = exception => DatabaseOutage.IsCause(exception)
                ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status500InternalServerError,
        });
}
