namespace ThresholdPortal.Web.Infrastructure.Mediation;

/// <summary>
/// What became of a command: the one answer every command gives, so every page turns it into a redirect,
/// a 404, the form again with the reason, or the conflict view the same way (docs/decisions/0081).
/// </summary>
public abstract record CommandResult
{
    public static readonly CommandResult Saved = new SavedResult();
    public static readonly CommandResult NotFound = new NotFoundResult();

    public bool IsSaved => this is SavedResult;

    public sealed record SavedResult : CommandResult;

    /// <summary>The thing to change does not exist, or is not this user's to see: the page answers 404.</summary>
    public sealed record NotFoundResult : CommandResult;

    /// <summary>The thing's state does not allow the change (for example, the case was closed meanwhile).</summary>
    public sealed record Refused(string Message) : CommandResult;

    /// <summary>Someone else changed the thing after the form was opened.</summary>
    public sealed record Conflict(IReadOnlyList<ChangeSinceOpened> Changes) : CommandResult;

    /// <summary>Saved, with what the page needs next (a new id, a reference).</summary>
    public static CommandResult<T> SavedWith<T>(T value) => new(value, Saved);
}

/// <summary>A command's result that carries a value when it saved.</summary>
public sealed record CommandResult<T>(T? Value, CommandResult Outcome) : IValuedCommandResult
{
    object? IValuedCommandResult.BoxedValue => Value;

    public static implicit operator CommandResult<T>(CommandResult outcome) => new(default, outcome);
}

/// <summary>A result with a value, whatever its type: what a behaviour reads without knowing the command.</summary>
public interface IValuedCommandResult
{
    CommandResult Outcome { get; }
    object? BoxedValue { get; }
}

/// <summary>One thing someone else did while the form was open.</summary>
public sealed record ChangeSinceOpened(string What, string? Detail, string By, DateTimeOffset At);
