using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ThresholdPortal.Web.Infrastructure.Telemetry;

/// <summary>
/// The portal's own spans and measures (docs/decisions/0116, docs/operations.md). Tags name kinds of things (a use
/// case, a template, an outcome), never a person, a child's details or what anyone typed.
/// </summary>
public static class PortalTelemetry
{
    public const string Name = "ThresholdPortal";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>E-mails handed to the mail server.</summary>
    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>(
        "thresholdportal.outbox.sent", "{email}", "E-mails the mail server accepted");

    /// <summary>Failed attempts to send an e-mail, tagged <c>outcome</c>: <c>retry</c> or <c>gave_up</c>.</summary>
    public static readonly Counter<long> EmailFailures = Meter.CreateCounter<long>(
        "thresholdportal.outbox.failures", "{attempt}", "Attempts to send an e-mail that failed");

    /// <summary>Agencies chased for an overdue answer.</summary>
    public static readonly Counter<long> RequestsChased = Meter.CreateCounter<long>(
        "thresholdportal.information_requests.chased", "{request}", "Overdue information requests chased");

    /// <summary>Registers, on the app's own meter, the gauges that read the latest snapshot the sampler took.</summary>
    internal static void ObserveSnapshots(Meter meter, Func<OperationalSnapshot?> latest)
    {
        meter.CreateObservableGauge("thresholdportal.cases.open",
            () => latest()?.OpenCasesByStatus
                .Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("status", s.Key))) ?? [],
            "{case}", "Open MASH cases by status");
        meter.CreateObservableGauge("thresholdportal.cases.overdue",
            () => Single(latest()?.OverdueCases), "{case}", "Open MASH cases past their decision deadline");
        meter.CreateObservableGauge("thresholdportal.outbox.backlog",
            () => Single(latest()?.OutboxBacklog), "{email}", "E-mails waiting to be sent");
        meter.CreateObservableGauge("thresholdportal.outbox.given_up",
            () => Single(latest()?.OutboxGivenUp), "{email}", "E-mails the outbox gave up on");
        meter.CreateObservableGauge("thresholdportal.information_requests.overdue",
            () => Single(latest()?.OverdueRequests), "{request}", "Information requests past their due time without an answer");
    }

    private static IEnumerable<Measurement<long>> Single(long? value) => value is { } v ? [new Measurement<long>(v)] : [];
}
