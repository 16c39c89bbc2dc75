using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Infrastructure.Telemetry;

namespace ThresholdPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Traces and measures as a collector would receive them, through OpenTelemetry's in-memory exporters: one span per
/// use case under its request, PostgreSQL beneath, log lines that carry the trace id, and no child's details anywhere
/// (docs/decisions/0116).
/// </summary>
public sealed class TelemetryTests(PortalApp app) : IntegrationTest(app)
{
    private static readonly string[] ChildDetails = ["Jayden", "Maisie", "Clarke", "2019-09-14", "14/9/2019", "bruise", "cereal"];

    // An ActivityListener hears every app in the process, and other test classes run alongside: this test's requests
    // carry a trace id of their own (a traceparent header), and only spans of that trace are looked at.
    private readonly ActivityTraceId trace = ActivityTraceId.CreateRandom();
    private readonly LockedCollection<Activity> exported = new();
    private readonly List<Metric> metrics = [];

    private List<Activity> Spans => [.. exported.Snapshot().Where(s => s.TraceId == trace)];

    [Fact]
    public async Task A_referral_submission_is_traced_by_use_case_under_its_request_and_no_span_holds_the_childs_details()
    {
        await using var traced = Traced();
        var journey = new ReferralJourney(await SignedInAsync(traced, "teacher@school.test", OrganisationKind.School, PortalRole.Referrer));

        await journey.CompleteAsync();
        await journey.SubmitForReferenceAsync();
        traced.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var submit = Spans.Single(s => s.Source.Name == PortalTelemetry.Name
            && s.DisplayName.EndsWith("CheckAnswersModel+Submit", StringComparison.Ordinal));
        submit.GetTagItem("thresholdportal.outcome").ShouldBe("ok");
        var request = Spans.Single(s => s.SpanId == submit.ParentSpanId);
        request.Source.Name.ShouldBe("Microsoft.AspNetCore");
        request.GetTagItem("http.request.method").ShouldBe("POST");
        Spans.ShouldContain(s => s.Source.Name == "Npgsql" && s.ParentSpanId == submit.SpanId, "the submission's SQL is traced under it");

        // The class's tests share one log: the line to find is the one of this trace.
        App.Log.Lines.ShouldContain(l => l.StartsWith("Handled", StringComparison.Ordinal) && l.Contains("CheckAnswersModel+Submit")
            && l.Contains($"TraceId={submit.TraceId}"));
        ShouldHoldNoChildsDetails();
    }

    [Fact]
    public async Task A_queue_search_by_a_childs_name_leaves_the_name_out_of_the_trace()
    {
        await using var traced = Traced();
        var practitioner = await SignedInAsync(traced, "practitioner@mash.test", OrganisationKind.LocalAuthorityChildrensSocialCare,
            PortalRole.MashPractitioner);

        (await practitioner.GetAsync("/mash?child=Jayden%20Clarke")).EnsureSuccessStatusCode();

        var search = await EndedSpanAsync(traced,
            s => s.Source.Name == "Microsoft.AspNetCore" && Equals(s.GetTagItem("url.path"), "/mash"));
        search.GetTagItem("url.query").ShouldBeNull();
        ShouldHoldNoChildsDetails();
    }

    [Fact]
    public async Task The_gauges_report_the_open_queue_by_status_and_the_outbox_backlog_as_last_sampled()
    {
        await using var traced = Traced();
        var journey = new ReferralJourney(await SignedInAsync(traced, "teacher@school.test", OrganisationKind.School, PortalRole.Referrer));
        await journey.CompleteAsync();
        await journey.SubmitForReferenceAsync();

        await traced.Services.GetRequiredService<OperationalSampler>().SampleAsync(CancellationToken.None);
        traced.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var backlog = await App.ExecuteDbContextAsync(db => db.OutboxMessages.LongCountAsync(m => m.SentAt == null && m.GaveUpAt == null));
        Last("thresholdportal.cases.open", ("status", "New")).ShouldBe(1);
        Last("thresholdportal.cases.open", ("status", "Screening")).ShouldBe(0);
        Last("thresholdportal.cases.overdue").ShouldBe(0);
        Last("thresholdportal.outbox.backlog").ShouldBe(backlog);
        metrics.ShouldContain(m => m.Name == "http.server.request.duration", "request rate and latency come from ASP.NET Core");
        metrics.ShouldContain(m => m.Name == "dotnet.process.memory.working_set", "an instance's memory comes from the runtime");
    }

    /// <summary>
    /// The request's span ends when the server has finished the response, which the test host may do just after the client
    /// has read it: wait for the span to be exported (a bounded wait for an outcome, not a timing assertion).
    /// </summary>
    private async Task<Activity> EndedSpanAsync(WebApplicationFactory<Program> traced, Func<Activity, bool> predicate)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            traced.Services.GetRequiredService<TracerProvider>().ForceFlush();
            if (Spans.Any(predicate) || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                return Spans.Single(predicate);
            }

            await Task.Delay(50);
        }
    }

    private WebApplicationFactory<Program> Traced() => App.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("Otel:Enabled", "true");
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported));
            services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
        });
    });

    private async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> factory, string email, OrganisationKind kind,
        string role)
    {
        var organisation = await App.CreateOrganisationAsync("Organisation " + Guid.NewGuid().ToString("N")[..6], kind,
            email.Split('@')[1]);
        await App.CreateUserAsync(email, organisation, role);
        var client = factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(), new TraceParent(trace));
        await PortalApp.SignInAsync(client, email);
        return client;
    }

    private void ShouldHoldNoChildsDetails()
    {
        Spans.ShouldNotBeEmpty();
        foreach (var span in Spans)
        {
            var text = string.Join(' ', [span.DisplayName, .. span.TagObjects.Select(t => $"{t.Key}={t.Value}"),
                .. span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}"))]);
            foreach (var detail in ChildDetails)
            {
                text.ShouldNotContain(detail, Case.Insensitive, $"span {span.DisplayName} ({span.Source.Name})");
            }
        }
    }

    private long Last(string name, params (string Key, string Value)[] tags)
    {
        var metric = metrics.Last(m => m.Name == name);
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var pointTags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                pointTags[tag.Key] = tag.Value;
            }

            if (tags.All(t => Equals(pointTags.GetValueOrDefault(t.Key), t.Value)))
            {
                return point.GetGaugeLastValueLong();
            }
        }

        throw new InvalidOperationException($"{name} has no point tagged {string.Join(", ", tags)}.");
    }

    /// <summary>Puts every request of the client in one trace, as a calling service would.</summary>
    private sealed class TraceParent(ActivityTraceId trace) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>The exporter adds from the app's threads while the test reads: a list behind a lock.</summary>
    private sealed class LockedCollection<T> : System.Collections.ObjectModel.Collection<T>
    {
        private readonly object gate = new();

        public List<T> Snapshot()
        {
            lock (gate)
            {
                return [.. Items];
            }
        }

        protected override void InsertItem(int index, T item)
        {
            lock (gate)
            {
                base.InsertItem(index, item);
            }
        }
    }
}
