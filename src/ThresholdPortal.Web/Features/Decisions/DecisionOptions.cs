using Microsoft.Extensions.Options;

namespace ThresholdPortal.Web.Features.Decisions;

/// <summary>
/// The "Decisions" configuration section: how long a manager has to answer a referrer's escalation, and list
/// sizes. Checked when the app starts. The MASH's contacts are settings (docs/decisions/0095).
/// </summary>
public sealed class DecisionOptions
{
    public const string Section = "Decisions";

    /// <summary>Working days a MASH manager has to answer a referrer's disagreement (resolving professional differences).</summary>
    public int EscalationResponseWorkingDays { get; set; } = 5;

    /// <summary>Rows per page of the managers' sign-off and escalation lists.</summary>
    public int ListPageSize { get; set; } = 25;
}

public sealed class DecisionOptionsValidator : IValidateOptions<DecisionOptions>
{
    public ValidateOptionsResult Validate(string? name, DecisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.EscalationResponseWorkingDays is < 1 or > 30)
        {
            failures.Add("Decisions:EscalationResponseWorkingDays must be between 1 and 30.");
        }

        if (options.ListPageSize is < 5 or > 200)
        {
            failures.Add("Decisions:ListPageSize must be between 5 and 200.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
