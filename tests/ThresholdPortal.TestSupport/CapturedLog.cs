using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// Every Serilog event the app writes, rendered with its properties, so a test can prove that what a user
/// typed (a child's name) never reaches a log line. The app reads sinks from its services (Program.cs).
/// </summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        logEvent.RenderMessage(text, CultureInfo.InvariantCulture);
        foreach (var property in logEvent.Properties)
        {
            text.Write($" {property.Key}={property.Value}");
        }

        if (logEvent.TraceId is { } traceId)
        {
            // As the JSON logs carry it ("@tr"): what ties a log line to its trace (docs/decisions/0116).
            text.Write($" TraceId={traceId}");
        }

        text.Write(logEvent.Exception?.ToString());
        lines.Enqueue(text.ToString());
    }
}
