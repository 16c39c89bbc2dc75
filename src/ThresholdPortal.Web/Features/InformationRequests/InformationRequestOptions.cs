using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.InformationRequests;

namespace ThresholdPortal.Web.Features.InformationRequests;

/// <summary>
/// The "InformationRequests" configuration section: how long an agency has to answer for each BRAG rating
/// (in working hours on the MASH's calendar, the "Triage" section's), and how often overdue requests are
/// looked for. Checked when the app starts.
/// </summary>
public sealed class InformationRequestOptions
{
    public const string Section = "InformationRequests";

    public double RedWorkingHours { get; set; } = RequestTimescales.Default.Red.TotalHours;
    public double AmberWorkingHours { get; set; } = RequestTimescales.Default.Amber.TotalHours;
    public double GreenWorkingHours { get; set; } = RequestTimescales.Default.Green.TotalHours;
    public double BlueWorkingHours { get; set; } = RequestTimescales.Default.Blue.TotalHours;
    public double UnratedWorkingHours { get; set; } = RequestTimescales.Default.Unrated.TotalHours;

    public OverdueChaserOptions Chaser { get; set; } = new();

    /// <summary>Requests per page of an agency's list.</summary>
    public int AgencyPageSize { get; set; } = 25;

    public RequestTimescales ToTimescales() => new(
        TimeSpan.FromHours(RedWorkingHours),
        TimeSpan.FromHours(AmberWorkingHours),
        TimeSpan.FromHours(GreenWorkingHours),
        TimeSpan.FromHours(BlueWorkingHours),
        TimeSpan.FromHours(UnratedWorkingHours));
}

public sealed class OverdueChaserOptions
{
    /// <summary>Off in integration tests, which run the chaser explicitly.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most requests one round chases; the rest wait for the next round.</summary>
    public int BatchSize { get; set; } = 100;
}

public sealed class InformationRequestOptionsValidator : IValidateOptions<InformationRequestOptions>
{
    public ValidateOptionsResult Validate(string? name, InformationRequestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (setting, hours) in new[]
                 {
                     ("RedWorkingHours", options.RedWorkingHours), ("AmberWorkingHours", options.AmberWorkingHours),
                     ("GreenWorkingHours", options.GreenWorkingHours), ("BlueWorkingHours", options.BlueWorkingHours),
                     ("UnratedWorkingHours", options.UnratedWorkingHours),
                 })
        {
            if (hours is <= 0 or > 8 * 60)
            {
                failures.Add($"InformationRequests:{setting} must be more than 0 and at most 480 working hours.");
            }
        }

        if (options.Chaser.Interval <= TimeSpan.Zero || options.Chaser.BatchSize < 1)
        {
            failures.Add("InformationRequests:Chaser needs a positive Interval and BatchSize.");
        }

        if (options.AgencyPageSize is < 5 or > 200)
        {
            failures.Add("InformationRequests:AgencyPageSize must be between 5 and 200.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
