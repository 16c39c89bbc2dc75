using MediatR;

namespace ThresholdPortal.Web.Api.Events;

/// <summary><c>GET /api/v1/events?after=...&amp;limit=...</c>, scope <c>cases:read</c> (docs/api.md).</summary>
public static class EventFeedEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapGet("/events", ReadAsync)
            .RequireAuthorization(ApiPolicies.CasesRead)
            .Produces<EventPage>()
            .ProducesValidationProblem()
            .WithName("ReadEvents")
            .WithSummary("Approved decisions, hand-overs, step-downs and escalation results, one event per child, in order")
            .WithDescription("Start without 'after'; then pass the 'next' of each page. An empty page keeps the same 'next'.");
    }

    private static async Task<IResult> ReadAsync(string? after, int? limit, IMediator mediator, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!EventCursor.TryParse(after, out var cursor))
        {
            errors["after"] = ["Pass the 'next' value of the previous page, or nothing to start at the beginning"];
        }

        if (limit is < 1 or > EventFeedHandler.MaxLimit)
        {
            errors["limit"] = [$"The limit must be between 1 and {EventFeedHandler.MaxLimit}"];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var page = await mediator.Send(new EventFeedQuery(cursor, limit ?? EventFeedHandler.DefaultLimit), cancellationToken);
        return Results.Json(page, ApiJson.Options);
    }
}
