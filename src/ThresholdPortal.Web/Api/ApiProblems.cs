using System.Text.Json;

namespace ThresholdPortal.Web.Api;

/// <summary>
/// Errors as RFC 9457 problem details (<c>application/problem+json</c>). A refused body names every field that is wrong
/// under <c>errors</c>, keyed by its JSON path, with the same words the pages would show.
/// </summary>
public static class ApiProblems
{
    public const string ValidationType = "https://thresholdportal.example/problems/validation";
    public const string BodyType = "https://thresholdportal.example/problems/unreadable-body";

    public static IResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors.ToDictionary(), title: "The request has answers that need correcting", type: ValidationType);

    /// <summary>The body is not JSON of the right shape: a wrong type, an unknown field, a NUL character, malformed.</summary>
    public static IResult Unreadable(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.InnerException?.GetType().Name == "JsonReaderException" || exception.Path is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["body"] = [exception.LineNumber is { } line
                    ? $"The body is not well-formed JSON (line {line + 1}, byte {exception.BytePositionInLine + 1})"
                    : "The body must be one JSON object"],
            }, title: "The body could not be read as this endpoint's JSON", type: BodyType);
        }

        var path = exception.Path.TrimStart('$').TrimStart('.');
        // System.Text.Json's own words name .NET types; the partner gets words about their JSON instead.
        var message = exception.Message switch
        {
            var m when m.StartsWith("The value must", StringComparison.Ordinal) => m,
            var m when m.Contains("could not be mapped", StringComparison.Ordinal) => "This field is not part of this endpoint's JSON",
            _ => "This value is not of the type the field takes (see /api/openapi.json)",
        };
        return Results.ValidationProblem(new Dictionary<string, string[]> { [path.Length == 0 ? "body" : path] = [message] },
            title: "The body could not be read as this endpoint's JSON", type: BodyType);
    }

    public static IResult Problem(int status, string title, string? detail = null) =>
        Results.Problem(statusCode: status, title: title, detail: detail);
}
