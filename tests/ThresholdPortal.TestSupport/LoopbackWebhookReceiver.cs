using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// A partner's webhook endpoint on a loopback port: a real HTTP server that keeps every request it gets, and answers
/// 503 to the first <see cref="FailuresPerEvent"/> deliveries of each event (by its id header), then 204.
/// </summary>
public sealed class LoopbackWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication host;
    private readonly ConcurrentDictionary<string, int> attempts = new();
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();

    private LoopbackWebhookReceiver(WebApplication host) => this.host = host;

    public int FailuresPerEvent { get; set; }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedWebhook> Received => [.. received];

    public static async Task<LoopbackWebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new LoopbackWebhookReceiver(app);
        app.MapPost("/hooks/threshold-portal", (Func<HttpContext, Task<IResult>>)receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hooks/threshold-portal");
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var id = context.Request.Headers["ThresholdPortal-Event-Id"].ToString();
        var attempt = attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
        var accepted = attempt > FailuresPerEvent;
        received.Enqueue(new ReceivedWebhook(id, context.Request.Headers["ThresholdPortal-Event-Type"].ToString(),
            context.Request.Headers["ThresholdPortal-Signature"].ToString(), body, attempt, accepted));
        return accepted ? Results.NoContent() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        await host.DisposeAsync();
    }
}

/// <summary>One request the receiver got, and whether it accepted it.</summary>
public sealed record ReceivedWebhook(string EventId, string Type, string Signature, string Body, int Attempt, bool Accepted);
