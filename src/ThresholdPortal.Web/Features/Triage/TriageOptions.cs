using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Web.Features.Triage;

/// <summary>
/// The MASH's working calendar and decision timescales, from the "Triage" configuration section. Local
/// definitions differ, so every value is configuration; the defaults are the common Surrey Police MASH
/// definition on a 9am to 5pm, Monday to Friday office with the England and Wales bank holidays for 2026
/// and 2027. Checked when the app starts: a bad value stops it rather than miscounting deadlines. The
/// calendar and timescales here only seed the first stored settings version; administrators change them
/// at /admin/configuration/mash-settings afterwards (docs/decisions/0055).
/// </summary>
public sealed class TriageOptions
{
    public const string Section = "Triage";

    /// <summary>An IANA time zone id.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    public TimeOnly WorkingDayStarts { get; set; } = new(9, 0);
    public TimeOnly WorkingDayEnds { get; set; } = new(17, 0);

    /// <summary>Empty means Monday to Friday.</summary>
    public List<DayOfWeek> WorkingDays { get; set; } = [];

    /// <summary>Empty means <see cref="EnglandAndWalesBankHolidays"/>. Setting any replaces the whole list.</summary>
    public List<DateOnly> BankHolidays { get; set; } = [];

    public double RedHours { get; set; } = DecisionTimescales.Default.Red.TotalHours;
    public double AmberHours { get; set; } = DecisionTimescales.Default.Amber.TotalHours;
    public double GreenHours { get; set; } = DecisionTimescales.Default.Green.TotalHours;

    /// <summary>An unrated referral: one working day, the Working Together expectation.</summary>
    public double UnratedHours { get; set; } = DecisionTimescales.Default.Unrated.TotalHours;

    /// <summary>True: Green's hours are working hours, like Red's and Amber's. False: clock hours.</summary>
    public bool GreenCountsWorkingTime { get; set; } = DecisionTimescales.Default.GreenCountsWorkingTime;

    /// <summary>True: a Red received out of hours is worked by the out-of-hours team round the clock.</summary>
    public bool RedWorkedOutOfHours { get; set; } = DecisionTimescales.Default.RedWorkedOutOfHours;

    /// <summary>Where an urgent referral is announced the minute it arrives: the MASH's duty mailbox.</summary>
    public string DutyMailbox { get; set; } = string.Empty;

    public int ReReferralWindowMonths { get; set; } = ReReferral.WindowMonths;

    /// <summary>Cases per page of the queue.</summary>
    public int QueuePageSize { get; set; } = 25;

    /// <summary>More case views than this by one person within an hour is on the unusual-access report (issue 19).</summary>
    public int UnusualViewsPerHour { get; set; } = 30;

    public static IReadOnlyList<DateOnly> EnglandAndWalesBankHolidays => Domain.Triage.BankHolidays.EnglandAndWales2026To2027;

    public WorkingCalendar ToCalendar() => new(
        TimeZoneInfo.FindSystemTimeZoneById(TimeZone),
        WorkingDayStarts,
        WorkingDayEnds,
        WorkingDays.Count > 0 ? WorkingDays
            : [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        BankHolidays.Count > 0 ? BankHolidays : EnglandAndWalesBankHolidays,
        year => Domain.Triage.BankHolidays.EnglandAndWalesDates(year, year));

    public DecisionTimescales ToTimescales() => new(
        TimeSpan.FromHours(RedHours),
        TimeSpan.FromHours(AmberHours),
        TimeSpan.FromHours(GreenHours),
        TimeSpan.FromHours(UnratedHours),
        GreenCountsWorkingTime,
        RedWorkedOutOfHours);
}

/// <summary>Checks the "Triage" section when the app starts; a bad value stops it rather than miscounting deadlines.</summary>
public sealed class TriageOptionsValidator(TimeProvider clock) : IValidateOptions<TriageOptions>
{
    public ValidateOptionsResult Validate(string? name, TriageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"Triage:TimeZone '{options.TimeZone}' is not a time zone this machine knows.");
        }

        if (options.WorkingDayEnds <= options.WorkingDayStarts)
        {
            failures.Add("Triage:WorkingDayEnds must be after Triage:WorkingDayStarts.");
        }

        foreach (var (setting, hours) in new[] { ("RedHours", options.RedHours), ("AmberHours", options.AmberHours),
            ("GreenHours", options.GreenHours), ("UnratedHours", options.UnratedHours) })
        {
            if (hours is <= 0 or > 24 * 30 || hours != Math.Floor(hours))
            {
                failures.Add($"Triage:{setting} must be a whole number of hours, more than 0 and at most 720.");
            }
        }

        if (failures.Count == 0
            && new DecisionClock(options.ToCalendar(), options.ToTimescales()).FirstInversion(Today(options)) is { } inversion)
        {
            failures.Add($"Triage: {inversion.Describe(options.ToCalendar().TimeZone)}.");
        }

        if (!System.Net.Mail.MailAddress.TryCreate(options.DutyMailbox, out _))
        {
            failures.Add("Triage:DutyMailbox must be the e-mail address of the MASH's duty mailbox.");
        }

        if (options.ReReferralWindowMonths is < 1 or > 60)
        {
            failures.Add("Triage:ReReferralWindowMonths must be between 1 and 60.");
        }

        if (options.QueuePageSize is < 5 or > 200)
        {
            failures.Add("Triage:QueuePageSize must be between 5 and 200.");
        }

        if (options.UnusualViewsPerHour is < 1 or > 1000)
        {
            failures.Add("Triage:UnusualViewsPerHour must be between 1 and 1000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private DateOnly Today(TriageOptions options) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), options.ToCalendar().TimeZone).DateTime);
}
