using System.Diagnostics;
using OpenTelemetry;

namespace ThresholdPortal.Web.Infrastructure.Telemetry;

/// <summary>
/// Drops PostgreSQL command spans that belong to no request and no job span: the outbox's claim every few seconds and
/// the gauges' counts every minute would otherwise fill a trace store with empty polls. Work those polls find is traced
/// under its own span (<c>outbox.send</c>, <c>information_requests.chase</c>).
/// </summary>
internal sealed class UnparentedDatabaseSpans : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Parent is null && data.ParentSpanId == default && data.Source.Name == "Npgsql")
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
