using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ThresholdPortal.Web.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics (docs/decisions/0116): requests, use cases, PostgreSQL commands, the outbox and the
/// chaser; exported by OTLP when <c>Otel:Endpoint</c> is set, otherwise nothing is collected.
/// </summary>
public static class TelemetryRegistration
{
    public static IServiceCollection AddPortalTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section))
            .Validate(o => o.SampleInterval >= TimeSpan.FromSeconds(1), "Otel:SampleInterval must be at least a second.")
            .Validate(o => o.Protocol is "Grpc" or "HttpProtobuf", "Otel:Protocol must be Grpc or HttpProtobuf.")
            .ValidateOnStart();
        if (!settings.IsEnabled)
        {
            return services;
        }

        services.AddSingleton<OperationalSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationalSampler>());
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(PortalTelemetry.Name)
                    .AddAspNetCoreInstrumentation(aspNetCore =>
                    {
                        aspNetCore.Filter = context => !IsNoise(context.Request.Path);
                        // A search's query string can hold a child's name (the queue's search box): never recorded.
                        aspNetCore.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                    })
                    .AddNpgsql()
                    .AddProcessor(new UnparentedDatabaseSpans());
                Export(tracing, settings);
            })
            .WithMetrics(metrics =>
            {
                // "System.Runtime": the runtime's own measures (working set, collections, compiled code), ADR 0148.
                metrics.AddMeter(PortalTelemetry.Name, "System.Runtime").AddAspNetCoreInstrumentation();
                Export(metrics, settings);
            });
        return services;
    }

    private static bool IsNoise(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/assets") || path.StartsWithSegments("/css")
        || path.StartsWithSegments("/js") || path.StartsWithSegments("/lib");

    private static void Export(TracerProviderBuilder tracing, TelemetryOptions settings)
    {
        if (settings.Endpoint is { } endpoint)
        {
            tracing.AddOtlpExporter(otlp => Configure(otlp, endpoint, settings));
        }
    }

    private static void Export(MeterProviderBuilder metrics, TelemetryOptions settings)
    {
        if (settings.Endpoint is { } endpoint)
        {
            metrics.AddOtlpExporter(otlp => Configure(otlp, endpoint, settings));
        }
    }

    private static void Configure(OtlpExporterOptions otlp, Uri endpoint, TelemetryOptions settings)
    {
        otlp.Endpoint = endpoint;
        otlp.Protocol = settings.Protocol == "HttpProtobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
    }
}
