using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Retention;

namespace ThresholdPortal.Domain.Triage;

/// <summary>
/// One saved version of the settings the MASH owns: its decision timescales, the agencies' answer
/// timescales, its working hours and bank holidays, and its contacts. Never changed once stored; a change stores a new
/// version and the highest <see cref="Version"/> is in force (docs/decisions/0055).
/// </summary>
public sealed class MashSettingsVersion
{
    public const int ReasonMaxLength = 500;
    public const int ChangesMaxLength = 4000;
    public const int CreatedByMaxLength = 200;

    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Null for the first version, taken from the configuration file.</summary>
    public Guid? CreatedById { get; set; }

    public string CreatedBy { get; set; } = string.Empty;
    public string? Reason { get; set; }

    /// <summary>What changed from the version before, in plain words, one change per line.</summary>
    public string Changes { get; set; } = string.Empty;

    public TimeOnly WorkingDayStarts { get; set; }
    public TimeOnly WorkingDayEnds { get; set; }
    public List<DayOfWeek> WorkingDays { get; set; } = [];
    public List<BankHoliday> BankHolidays { get; set; } = [];

    public double RedHours { get; set; }
    public double AmberHours { get; set; }
    public double GreenHours { get; set; }
    public double UnratedHours { get; set; }
    public bool GreenCountsWorkingTime { get; set; }
    public bool RedWorkedOutOfHours { get; set; }

    public double RequestRedHours { get; set; }
    public double RequestAmberHours { get; set; }
    public double RequestGreenHours { get; set; }
    public double RequestBlueHours { get; set; }
    public double RequestUnratedHours { get; set; }

    /// <summary>Working days the early help hub has to first contact a family, from receipt (docs/decisions/0109).</summary>
    public int EarlyHelpFirstContactDays { get; set; } = 5;

    /// <summary>How people reach the MASH and the services around it; null in versions stored before contacts were settings.</summary>
    public ServiceContacts? Contacts { get; set; }

    /// <summary>How long each kind of record is kept; null in versions stored before retention was a setting (the defaults).</summary>
    public RetentionSchedule? Retention { get; set; }

    /// <summary>The schedule in force in this version.</summary>
    public RetentionSchedule RetentionInForce => Retention ?? new RetentionSchedule();

    /// <summary>The calendar; a year with no bank holiday listed uses the England and Wales rules (docs/decisions/0088).</summary>
    public WorkingCalendar ToCalendar(TimeZoneInfo timeZone) =>
        new(timeZone, WorkingDayStarts, WorkingDayEnds, WorkingDays, BankHolidays.Select(h => h.Date),
            year => Triage.BankHolidays.EnglandAndWalesDates(year, year));

    /// <summary>When a family received at <paramref name="receivedAt"/> must first have been contacted by the early help hub.</summary>
    public DateTimeOffset EarlyHelpFirstContactDue(WorkingCalendar calendar, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingTime(receivedAt, calendar.WorkingDayLength * EarlyHelpFirstContactDays).ToUniversalTime();
    }

    public DecisionTimescales ToDecisionTimescales() => new(
        TimeSpan.FromHours(RedHours), TimeSpan.FromHours(AmberHours), TimeSpan.FromHours(GreenHours), TimeSpan.FromHours(UnratedHours),
        GreenCountsWorkingTime, RedWorkedOutOfHours);

    public RequestTimescales ToRequestTimescales() => new(
        TimeSpan.FromHours(RequestRedHours), TimeSpan.FromHours(RequestAmberHours), TimeSpan.FromHours(RequestGreenHours),
        TimeSpan.FromHours(RequestBlueHours), TimeSpan.FromHours(RequestUnratedHours));

    /// <summary>The next version: a copy of this one's settings, to be changed and stored.</summary>
    public MashSettingsVersion Next(DateTimeOffset at, Guid? byId, string by, string? reason) => new()
    {
        Version = Version + 1,
        CreatedAt = at,
        CreatedById = byId,
        CreatedBy = by,
        Reason = reason,
        WorkingDayStarts = WorkingDayStarts,
        WorkingDayEnds = WorkingDayEnds,
        WorkingDays = [.. WorkingDays],
        BankHolidays = [.. BankHolidays.Select(h => new BankHoliday { Date = h.Date, Description = h.Description })],
        RedHours = RedHours,
        AmberHours = AmberHours,
        GreenHours = GreenHours,
        UnratedHours = UnratedHours,
        GreenCountsWorkingTime = GreenCountsWorkingTime,
        RedWorkedOutOfHours = RedWorkedOutOfHours,
        RequestRedHours = RequestRedHours,
        RequestAmberHours = RequestAmberHours,
        RequestGreenHours = RequestGreenHours,
        RequestBlueHours = RequestBlueHours,
        RequestUnratedHours = RequestUnratedHours,
        EarlyHelpFirstContactDays = EarlyHelpFirstContactDays,
        Contacts = Contacts is null ? null : Contacts with { },
        Retention = Retention?.Copy(),
    };
}

/// <summary>A day the MASH's office is closed, with what it is ("Christmas Day").</summary>
public sealed class BankHoliday
{
    public const int DescriptionMaxLength = 100;

    public DateOnly Date { get; set; }
    public string Description { get; set; } = string.Empty;
}
