using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace ThresholdPortal.Web.Infrastructure.Security;

/// <summary>The <c>Security:SignInRateLimit</c> settings (docs/decisions/0022).</summary>
public sealed class SignInRateLimitOptions
{
    public const string Section = "Security:SignInRateLimit";

    /// <summary>Attempts allowed for one e-mail address (or one pending two-factor sign-in) per window.</summary>
    public int PerAccountPermits { get; set; } = 10;
    public TimeSpan PerAccountWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Attempts allowed from one IP address per window. Generous, because a whole school or council office
    /// can share one address at 9am.
    /// </summary>
    public int PerAddressPermits { get; set; } = 100;
    public TimeSpan PerAddressWindow { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan LongestWindow => PerAccountWindow > PerAddressWindow ? PerAccountWindow : PerAddressWindow;
}

/// <summary>
/// Limits the forms where an attacker guesses a secret or makes the portal send e-mail: every POST counts
/// against both the caller's IP address and the account it names, on top of Identity's lockout. A refusal
/// is a 429, shown as the GOV.UK "Too many attempts" page. Counters live in each app instance's memory.
/// </summary>
public static partial class SignInRateLimiting
{
    private const string AccountItem = "ThresholdPortal.RateLimitedAccount";

    private static readonly PathString[] LimitedPaths =
    [
        "/account/sign-in", "/account/sign-in-code", "/account/sign-in-recovery-code", "/account/forgot-password", "/account/register",
    ];

    private static readonly PathString[] TwoFactorPaths = ["/account/sign-in-code", "/account/sign-in-recovery-code"];

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(SignInRateLimitOptions.Section).Get<SignInRateLimitOptions>()
            ?? new SignInRateLimitOptions();
        services.AddSingleton(settings);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                // A chained limiter's lease does not say which window refused: the longest is the safe answer.
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : settings.LongestWindow;
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

                LogRejected(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInRateLimiting)),
                    http.Request.Path);
                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsLimited(context)
                        ? SlidingWindow("address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                            settings.PerAddressPermits, settings.PerAddressWindow)
                        : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsLimited(context) && context.Items[AccountItem] is string account
                        ? SlidingWindow("account:" + account, settings.PerAccountPermits, settings.PerAccountWindow)
                        : RateLimitPartition.GetNoLimiter(string.Empty)));
        });
        return services;
    }

    /// <summary>
    /// The limiter's partition callback cannot wait for the request body, so the account an attempt names
    /// is read first (the form is buffered and read again by model binding).
    /// </summary>
    public static IApplicationBuilder UseSignInRateLimiting(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsLimited(context))
            {
                context.Items[AccountItem] = await AccountNamedByAsync(context);
            }

            await next();
        });
        return app.UseRateLimiter();
    }

    private static bool IsLimited(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
            && LimitedPaths.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));

    private static async Task<string?> AccountNamedByAsync(HttpContext context)
    {
        if (TwoFactorPaths.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            // The code step names no account in its form: the user is the one the password step remembered.
            var pending = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
            return pending.Principal?.FindFirstValue(ClaimTypes.Name);
        }

        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var email = form["Data.Email"].ToString().Trim();
        return email.Length is 0 or > 256 ? null : email.ToUpperInvariant();
    }

    private static RateLimitPartition<string> SlidingWindow(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = 5,
            QueueLimit = 0,
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limited an attempt at {Path}")]
    private static partial void LogRejected(ILogger logger, string path);
}
