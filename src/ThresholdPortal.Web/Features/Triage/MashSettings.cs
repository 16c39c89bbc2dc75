using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Seeding;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Triage;

/// <summary>
/// The settings in force for one request (or one round of a background service): the newest stored
/// <see cref="MashSettingsVersion"/> on the time zone from the "Triage" configuration section.
/// </summary>
public sealed class MashSettings
{
    public MashSettings(MashSettingsVersion version, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(version);
        Version = version.Version;
        Stored = version;
        Calendar = version.ToCalendar(timeZone);
        DecisionClock = new DecisionClock(Calendar, version.ToDecisionTimescales());
        RequestDueTimes = new RequestDueTimes(Calendar, version.ToRequestTimescales());
        Contacts = version.Contacts ?? ShippedContacts.Value;
    }

    /// <summary>0 when nothing is stored yet and the configuration file's values are in force.</summary>
    public int Version { get; }

    public MashSettingsVersion Stored { get; }
    public WorkingCalendar Calendar { get; }
    public DecisionClock DecisionClock { get; }
    public RequestDueTimes RequestDueTimes { get; }

    /// <summary>The contacts in force: the version's, or the shipped ones for a version stored before contacts were settings.</summary>
    public ServiceContacts Contacts { get; }

    /// <summary>The MASH's opening hours, from its working hours: "Monday to Friday, 9am to 5pm, except bank holidays".</summary>
    public string OpeningHours => $"{DayRange(Stored.WorkingDays)}, {UkTime.Time(Stored.WorkingDayStarts)} to " +
        $"{UkTime.Time(Stored.WorkingDayEnds)}, except bank holidays";

    /// <summary>The first version: the configuration file's values, as stored on a fresh install.</summary>
    public static MashSettingsVersion FromConfiguration(TriageOptions triage, InformationRequestOptions requests, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(triage);
        ArgumentNullException.ThrowIfNull(requests);
        var calendar = triage.ToCalendar();
        var holidays = triage.BankHolidays.Count > 0 ? triage.BankHolidays : TriageOptions.EnglandAndWalesBankHolidays;
        return new MashSettingsVersion
        {
            Version = 1,
            CreatedAt = at,
            CreatedBy = "Configuration file",
            Changes = "First version, from the configuration file",
            WorkingDayStarts = calendar.DayStarts,
            WorkingDayEnds = calendar.DayEnds,
            WorkingDays = [.. Enum.GetValues<DayOfWeek>()
                .Where(d =>
                triage.WorkingDays.Count == 0 ? d is not (DayOfWeek.Saturday or DayOfWeek.Sunday) : triage.WorkingDays.Contains(d))],
            BankHolidays = [.. holidays.Distinct().Order()
                .Select(d => new BankHoliday { Date = d, Description = BankHolidays.Describe(d) })],
            RedHours = triage.RedHours,
            AmberHours = triage.AmberHours,
            GreenHours = triage.GreenHours,
            UnratedHours = triage.UnratedHours,
            GreenCountsWorkingTime = triage.GreenCountsWorkingTime,
            RedWorkedOutOfHours = triage.RedWorkedOutOfHours,
            RequestRedHours = requests.RedWorkingHours,
            RequestAmberHours = requests.AmberWorkingHours,
            RequestGreenHours = requests.GreenWorkingHours,
            RequestBlueHours = requests.BlueWorkingHours,
            RequestUnratedHours = requests.UnratedWorkingHours,
            Contacts = ShippedContacts.Value,
        };
    }

    /// <summary>"Monday to Friday" for a run of days, otherwise the days listed: "Monday, Wednesday and Friday".</summary>
    public static string DayRange(IReadOnlyCollection<DayOfWeek> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var ordered = days.Distinct().OrderBy(d => ((int)d + 6) % 7).ToList();
        var positions = ordered.Select(d => ((int)d + 6) % 7).ToList();
        return ordered.Count switch
        {
            0 => "No days",
            1 => ordered[0].ToString(),
            _ when positions[^1] - positions[0] == ordered.Count - 1 => $"{ordered[0]} to {ordered[^1]}",
            _ => $"{string.Join(", ", ordered.SkipLast(1))} and {ordered[^1]}",
        };
    }
}

/// <summary>
/// Keeps the newest settings version in memory, one per app instance (docs/decisions/0055). It asks the
/// database for the newest version number at most every <see cref="RecheckEvery"/>, and reloads the row
/// only when that number has moved, so instances converge within that time; the instance that saved a
/// version calls <see cref="Invalidate"/> so its own next request uses it at once. Reads are synchronous
/// (DI factories cannot await) and happen at most once per interval per instance.
/// </summary>
public sealed class MashSettingsCache(IOptions<TriageOptions> triage, IOptions<InformationRequestOptions> requests, TimeProvider clock)
{
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(30);

    private readonly Lock gate = new();
    private volatile Entry? current;

    public MashSettings Current(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow();
        if (current is { } fresh && now < fresh.CheckedAt + RecheckEvery)
        {
            return fresh.Settings;
        }

        lock (gate)
        {
            if (current is { } entry && now < entry.CheckedAt + RecheckEvery)
            {
                return entry.Settings;
            }

            var newest = db.MashSettingsVersions.Max(v => (int?)v.Version) ?? 0;
            if (current is { } known && known.Settings.Version == newest)
            {
                current = known with { CheckedAt = now };
                return known.Settings;
            }

            // Nothing stored (reference data not seeded yet): the configuration file's values, as version 0.
            var version = newest == 0
                ? Unstored(MashSettings.FromConfiguration(triage.Value, requests.Value, now))
                : db.MashSettingsVersions.AsNoTracking().Single(v => v.Version == newest);
            var settings = new MashSettings(version, TimeZoneInfo.FindSystemTimeZoneById(triage.Value.TimeZone));
            current = new Entry(settings, now);
            return settings;
        }
    }

    /// <summary>Forget what is held, so the next request reads the newest version (after a save, or when tests swap databases).</summary>
    public void Invalidate()
    {
        lock (gate)
        {
            current = null;
        }
    }

    private static MashSettingsVersion Unstored(MashSettingsVersion configured)
    {
        configured.Version = 0;
        return configured;
    }

    private sealed record Entry(MashSettings Settings, DateTimeOffset CheckedAt);
}

/// <summary>
/// Stores the configuration file's settings as version 1 when no version is stored yet, so a fresh install
/// keeps the deadlines it had before settings were editable. The parameterless constructor (the test
/// database template) uses the built-in defaults.
/// </summary>
public sealed class MashSettingsReferenceData : IReferenceDataContributor
{
    private readonly TriageOptions triage;
    private readonly InformationRequestOptions requests;

    public MashSettingsReferenceData()
        : this(Options.Create(new TriageOptions()), Options.Create(new InformationRequestOptions()))
    {
    }

    public MashSettingsReferenceData(IOptions<TriageOptions> triage, IOptions<InformationRequestOptions> requests)
    {
        ArgumentNullException.ThrowIfNull(triage);
        ArgumentNullException.ThrowIfNull(requests);
        this.triage = triage.Value;
        this.requests = requests.Value;
    }

    public async Task EnsureAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        if (!await db.MashSettingsVersions.AnyAsync(cancellationToken))
        {
            db.MashSettingsVersions.Add(MashSettings.FromConfiguration(triage, requests, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
