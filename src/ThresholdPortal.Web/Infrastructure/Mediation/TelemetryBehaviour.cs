using System.Diagnostics;
using MediatR;
using ThresholdPortal.Web.Infrastructure.Telemetry;

namespace ThresholdPortal.Web.Infrastructure.Mediation;

/// <summary>
/// A span per use case, named by its request type, with how it ended (docs/decisions/0116). Like the log line, it
/// never carries the request itself: that may hold a child's or a family's personal data.
/// </summary>
public sealed class TelemetryBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var activity = PortalTelemetry.Source.StartActivity(UseCaseName.Of(typeof(TRequest)));
        try
        {
            var response = await next();
            activity?.SetTag("thresholdportal.outcome", Outcome(response));
            return response;
        }
        catch (RequestValidationException)
        {
            activity?.SetTag("thresholdportal.outcome", "invalid");
            throw;
        }
        catch (Exception exception)
        {
            activity?.SetTag("thresholdportal.outcome", "error");
            activity?.SetTag("error.type", exception.GetType().Name);
            activity?.SetStatus(ActivityStatusCode.Error);
            throw;
        }
    }

    private static string Outcome(TResponse response) =>
        (response is IValuedCommandResult valued ? valued.Outcome : response as CommandResult) switch
        {
            CommandResult.Refused => "refused",
            CommandResult.Conflict => "conflict",
            CommandResult.NotFoundResult => "not_found",
            _ => "ok",
        };
}
