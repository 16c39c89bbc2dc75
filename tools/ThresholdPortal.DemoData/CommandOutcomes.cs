using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Pages.Mash.Cases.InformationRequests;
using ThresholdPortal.Web.Pages.Referrals.Draft;

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

    /// <summary>The referrer's and escalation commands answer null when saved, "" when not found, or why they refused.</summary>
    public static void EnsureSaved(string? refusal, string what)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException($"{what} was not saved: {(refusal.Length == 0 ? "not found" : refusal)}");
        }
    }

    public static void EnsureSaved(NotNeededModel.NotNeededOutcome outcome, string what)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!outcome.Found || outcome.Error is not null)
        {
            throw new InvalidOperationException($"{what} was not saved: {outcome.Error ?? "not found"}");
        }
    }

    /// <summary>A command that gives a value when it saves: the value, or the run stops.</summary>
    public static T EnsureSaved<T>(CommandResult<T> result, string what)
    {
        ArgumentNullException.ThrowIfNull(result);
        EnsureSaved(result.Outcome, what);
        return result.Value!;
    }

    /// <summary>The draft pages' commands answer false when the draft is not the referrer's.</summary>
    public static void EnsureSaved(bool saved, string what)
    {
        if (!saved)
        {
            throw new InvalidOperationException($"{what} was not saved: not found");
        }
    }

    public static void EnsureSaved(EarlyHelpModel.Outcome outcome, string what)
    {
        if (outcome != EarlyHelpModel.Outcome.Saved)
        {
            throw new InvalidOperationException($"{what} was not saved: {outcome}");
        }
    }

    /// <summary>
    /// As <see cref="EnsureSaved{T}(CommandResult{T}, string)"/>: chosen over the overloads below once a command answers
    /// <see cref="CommandResult{T}"/>, so a refusal still stops the run.
    /// </summary>
    public static T Found<T>(CommandResult<T> result, string what) => EnsureSaved(result, what);

    /// <summary>A command that answers what it saved, or null when what it changes was not found.</summary>
    public static T Found<T>(T? saved, string what)
        where T : class =>
        saved ?? throw new InvalidOperationException($"{what} was not saved: not found");

    /// <inheritdoc cref="Found{T}(T, string)"/>
    public static T Found<T>(T? saved, string what)
        where T : struct =>
        saved ?? throw new InvalidOperationException($"{what} was not saved: not found");
}
