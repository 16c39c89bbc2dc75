using System.Diagnostics;
using MediatR;

namespace ThresholdPortal.Web.Infrastructure.Mediation;

/// <summary>
/// Logs each use case by its type name and duration only. The request itself is never logged: it may
/// hold a child's or family's personal data.
/// </summary>
public sealed partial class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var name = UseCaseName.Of(typeof(TRequest));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            LogHandled(logger, name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (RequestValidationException)
        {
            LogInvalid(logger, name);
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception.GetType().Name, name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handled {UseCase} in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string useCase, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {UseCase}: validation failed")]
    private static partial void LogInvalid(ILogger logger, string useCase);

    // The exception object is not passed: its message may quote data (for example a unique key value).
    [LoggerMessage(Level = LogLevel.Error, Message = "{ExceptionType} in {UseCase} after {ElapsedMs:0.0} ms")]
    private static partial void LogFailed(ILogger logger, string exceptionType, string useCase, double elapsedMs);
}

public static class UseCaseName
{
    /// <summary>"Pages.Mash.Cases.Details+Query" rather than the bare nested name "Query".</summary>
    public static string Of(Type requestType) =>
        (requestType.FullName ?? requestType.Name).Replace("ThresholdPortal.Web.", string.Empty, StringComparison.Ordinal);
}
