namespace ThresholdPortal.Web.Features.ApiClients;

/// <summary>Settings under <c>Api:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Api:Webhooks";

    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);
    public int BatchSize { get; set; } = 50;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claimed delivery is left to its sender before another instance may try it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Plain http to a loopback address, for local demos and the tests' receiver only; https otherwise.</summary>
    public bool AllowLoopbackHttp { get; set; }

    /// <summary>How long events stay in the feed: long after every receiver should have read them.</summary>
    public TimeSpan KeepEventsFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Whether <paramref name="url"/> may receive webhooks: https, or http to loopback where allowed.</summary>
    public bool Accepts(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps || (AllowLoopbackHttp && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
