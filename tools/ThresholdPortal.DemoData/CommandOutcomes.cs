using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.DemoData;

/// <summary>
/// The one place the demo data and test set-up read a command's result: anything but "saved" stops the run,
/// because a refused command means the set-up did not reach the state it meant to.
/// </summary>
public static class CommandOutcomes
{
    public static void EnsureSaved(CommandResult result, string what)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsSaved)
        {
            throw new InvalidOperationException($"{what} was not saved: {result}");
        }
    }

    /// <summary>A command that gives a value when it saves: the value, or the run stops.</summary>
    public static T EnsureSaved<T>(CommandResult<T> result, string what)
    {
        ArgumentNullException.ThrowIfNull(result);
        EnsureSaved(result.Outcome, what);
        return result.Value!;
    }

    /// <summary>As <see cref="EnsureSaved{T}(CommandResult{T}, string)"/>, for call sites that read a value.</summary>
    public static T Found<T>(CommandResult<T> result, string what) => EnsureSaved(result, what);

    /// <summary>A query that answers its view, or null when what it shows was not found.</summary>
    public static T Found<T>(T? view, string what)
        where T : class =>
        view ?? throw new InvalidOperationException($"{what} was not found");
}
