using Microsoft.Extensions.Options;

namespace ThresholdPortal.Web.Features.Decisions;

/// <summary>
/// The "Decisions" configuration section: how the MASH is reached by referrers reading feedback, and how
/// long a manager has to answer a referrer's escalation. Checked when the app starts.
/// </summary>
public sealed class DecisionOptions
{
    public const string Section = "Decisions";

    /// <summary>Shown under the named contact on every feedback: the MASH's phone line and shared mailbox.</summary>
    public string MashContactDetails { get; set; } = "Northshire MASH: 01234 500500, mash@northshire.example.org";

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
        if (string.IsNullOrWhiteSpace(options.MashContactDetails) || options.MashContactDetails.Length > 300)
        {
            failures.Add("Decisions:MashContactDetails must be set, in at most 300 characters.");
        }

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
