namespace ThresholdPortal.Web.Infrastructure.Web;

/// <summary>
/// ASP.NET Core refuses a url-encoded form that holds a NUL ("The form value contains invalid characters") before any
/// binder runs, so the antiforgery check answered a bare 400 and everything typed was lost. This drops the NULs
/// (<c>%00</c> and raw zero bytes) from such a form's body before it is read; <see cref="BoundText"/> cleans the rest
/// where it is bound (docs/decisions/0099). Multipart forms are read without that check and need nothing here.
/// </summary>
public static class UrlEncodedFormNul
{
    /// <summary>
    /// The largest body copied to be cleaned: the framework's own limit for one form value (4 MB). No form of the portal
    /// comes near it, and a flood of larger bodies is not copied in memory; above it the framework's own check answers.
    /// </summary>
    public const long MaxCleanedBytes = 4 * 1024 * 1024;

    public static IApplicationBuilder UseUrlEncodedFormsWithoutNul(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (IsCleaned(request.Method, request.ContentType, request.ContentLength))
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, context.RequestAborted);
                var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
                if (WithoutNul(bytes) is { } cleaned)
                {
                    request.Body = new MemoryStream(cleaned, writable: false);
                    request.ContentLength = cleaned.Length;
                }
                else
                {
                    request.Body = new MemoryStream(body.ToArray(), writable: false);
                }
            }

            await next();
        });

    /// <summary>A url-encoded POST of a stated length up to <see cref="MaxCleanedBytes"/>: what a browser's form sends.</summary>
    public static bool IsCleaned(string method, string? contentType, long? contentLength) =>
        HttpMethods.IsPost(method)
        && contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
        && contentLength is > 0 and <= MaxCleanedBytes;

    /// <summary>The body without <c>%00</c> and zero bytes, or null when it has none. A <c>%</c> is read as the decoder reads
    /// it, so <c>%2500</c> (a typed "%00") is kept.</summary>
    public static byte[]? WithoutNul(ReadOnlySpan<byte> body)
    {
        var kept = new List<byte>(body.Length);
        var removed = false;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == 0)
            {
                removed = true;
            }
            else if (body[i] == (byte)'%' && i + 2 < body.Length && body[i + 1] == (byte)'0' && body[i + 2] == (byte)'0')
            {
                removed = true;
                i += 2;
            }
            else
            {
                kept.Add(body[i]);
            }
        }

        return removed ? [.. kept] : null;
    }
}
