namespace ThresholdPortal.Web.Infrastructure.Telemetry;

/// <summary>The <c>Otel</c> settings (docs/decisions/0116). Off unless an endpoint is set or it is enabled.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Otel";

    /// <summary>The OTLP collector, for example <c>http://otel-collector:4317</c>. Unset, nothing is exported.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary><c>Grpc</c> (port 4317) or <c>HttpProtobuf</c> (port 4318).</summary>
    public string Protocol { get; set; } = "Grpc";

    /// <summary>Traces and measures are collected when true; defaults to whether an endpoint is set.</summary>
    public bool? Enabled { get; set; }

    public string ServiceName { get; set; } = "thresholdportal";

    /// <summary>How often the queue, outbox and overdue counts are read from the database for the gauges.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsEnabled => Enabled ?? Endpoint is not null;
}
