using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.ApiClients;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Api;

/// <summary>
/// Before each API call: the client must still be on, and within its requests per minute, counted in PostgreSQL in one
/// statement so every instance shares the count (docs/decisions/0128). After it: the call is audited with the client's
/// service account as the actor.
/// </summary>
public sealed class ApiCallFilter(PortalDbContext db, IAuditTrail audit, TimeProvider clock) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!Guid.TryParse(http.User.FindFirstValue(ApiAuthentication.ApiClientIdClaim), out var clientId))
        {
            return Results.Unauthorized();
        }

        var now = clock.GetUtcNow();
        var window = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var admitted = await AdmitAsync(clientId, window, http.RequestAborted);
        if (admitted is null)
        {
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "This client has been turned off");
        }

        if (admitted is false)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling((window.AddMinutes(1) - now).TotalSeconds)).ToString(
                System.Globalization.CultureInfo.InvariantCulture);
            return ApiProblems.Problem(StatusCodes.Status429TooManyRequests, "Too many requests",
                "This client has used its requests for this minute. Try again after the time in Retry-After.");
        }

        var result = await next(context);
        // Whatever the call left tracked (a refused referral's rows, rolled back) must not be saved with the audit event.
        db.ChangeTracker.Clear();
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value;
        await audit.RecordNowAsync(ApiClientEvents.Called, ApiClientEvents.SubjectType, clientId.ToString(),
            $"{http.Request.Method} {route} {status}", CancellationToken.None);
        return result;
    }

    /// <summary>Counts the call: null when the client is off, false when over its limit this minute.</summary>
    private async Task<bool?> AdmitAsync(Guid clientId, DateTimeOffset window, CancellationToken cancellationToken)
    {
        var counted = await db.Database.SqlQuery<Counted>($"""
            WITH client AS (
                SELECT "Id", "RequestsPerMinute" FROM "ApiClients" WHERE "Id" = {clientId} AND "DisabledAt" IS NULL),
            counted AS (
                INSERT INTO "ApiRequestCounts" ("ApiClientId", "WindowStart", "Count")
                SELECT "Id", {window}, 1 FROM client
                ON CONFLICT ("ApiClientId", "WindowStart") DO UPDATE SET "Count" = "ApiRequestCounts"."Count" + 1
                RETURNING "Count")
            SELECT counted."Count" AS "Count", client."RequestsPerMinute" AS "Limit" FROM counted, client
            """).ToListAsync(cancellationToken);
        if (counted.Count == 0)
        {
            return null;
        }

        if (counted[0].Count == 1)
        {
            // A new minute for this client: its counts from over an hour ago are no longer needed.
            await db.Database.ExecuteSqlAsync(
                $"""DELETE FROM "ApiRequestCounts" WHERE "ApiClientId" = {clientId} AND "WindowStart" < {window.AddHours(-1)}""",
                cancellationToken);
        }

        return counted[0].Count <= counted[0].Limit;
    }

    private sealed record Counted(int Count, int Limit);
}
