using System.Text.Json;
using MediatR;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Api.Referrals;

/// <summary>
/// Sends the pages' commands one after another inside the API command's transaction, and gathers every validation
/// failure under the JSON path of the answer it is about ("children[0].dateOfBirth"), so a partner sees all that is wrong
/// in one answer rather than one page at a time. Between steps the context forgets what it tracked, so each step reads
/// the draft afresh from the transaction, as its page would in a request of its own.
/// </summary>
public sealed class ApiSteps(IMediator mediator, PortalDbContext db, CancellationToken cancellationToken)
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string[]> Errors => errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public bool HasErrors => errors.Count > 0;

    /// <summary>Sends a page's command; null when it failed (its failures are kept under <paramref name="prefix"/>).</summary>
    public async Task<TValue?> SendAsync<TValue>(ICommand<CommandResult<TValue>> command, string prefix,
        IReadOnlyDictionary<string, string>? names = null)
    {
        var result = await TrySendAsync(command, prefix, names);
        return result is null ? default : OutcomeOf(result.Outcome, result.Value, prefix);
    }

    /// <summary>Sends a page's command that answers no value; false when it failed.</summary>
    public async Task<bool> SendAsync(ICommand<CommandResult> command, string prefix, IReadOnlyDictionary<string, string>? names = null)
    {
        var result = await TrySendAsync(command, prefix, names);
        return result is not null && OutcomeOf(result, true, prefix);
    }

    public void Add(string path, string message)
    {
        if (!errors.TryGetValue(path, out var messages))
        {
            errors[path] = messages = [];
        }

        if (!messages.Contains(message, StringComparer.Ordinal))
        {
            messages.Add(message);
        }
    }

    /// <summary>"yyyy-mm-dd" as the date input's three answers, so the page's own rules judge it.</summary>
    public static DateParts DateFrom(string? iso)
    {
        if (string.IsNullOrWhiteSpace(iso))
        {
            return new DateParts();
        }

        var parts = iso.Split('-');
        return parts.Length == 3 ? new DateParts { Year = parts[0], Month = parts[1], Day = parts[2] } : new DateParts { Day = iso };
    }

    /// <summary>The JSON path of a command's property: renamed where <paramref name="names"/> says, else in camelCase.</summary>
    public static string PathOf(string prefix, string propertyName, IReadOnlyDictionary<string, string>? names)
    {
        if (names is not null && names.TryGetValue(propertyName, out var renamed))
        {
            return prefix + renamed;
        }

        var segments = propertyName.Split('.');
        if (names is not null && names.TryGetValue(segments[0], out var first))
        {
            // An empty name flattens a nested object of the command ("Identity.NhsNumber" is the child's "nhsNumber").
            return first.Length > 0 ? prefix + first : prefix + CamelCase(segments.Skip(1));
        }

        return prefix + CamelCase(segments);
    }

    private static string CamelCase(IEnumerable<string> segments) =>
        string.Join('.', segments.Select(s => JsonNamingPolicy.CamelCase.ConvertName(s)));

    private async Task<TResponse?> TrySendAsync<TResponse>(ICommand<TResponse> command, string prefix,
        IReadOnlyDictionary<string, string>? names)
        where TResponse : class
    {
        try
        {
            return await mediator.Send(command, cancellationToken);
        }
        catch (RequestValidationException exception)
        {
            foreach (var failure in exception.Failures)
            {
                Add(PathOf(prefix, failure.PropertyName, names), failure.ErrorMessage);
            }

            return null;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private T? OutcomeOf<T>(CommandResult outcome, T? value, string prefix)
    {
        switch (outcome)
        {
            case CommandResult.SavedResult:
                return value;
            case CommandResult.Refused refused:
                Add(prefix.Length == 0 ? "referral" : prefix.TrimEnd('.'), refused.Message);
                return default;
            default:
                throw new InvalidOperationException($"A step of the API referral answered {outcome.GetType().Name}.");
        }
    }
}
