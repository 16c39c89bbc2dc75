using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>What every settings form shares: the version it was based on, the reason for the change, and the change.</summary>
public abstract class SettingsChangeFields
{
    public int BasedOnVersion { get; set; }
    public string? Reason { get; set; }

    /// <summary>Makes the form's change to a copy of the newest version; false when the form's answers do not make one.</summary>
    public abstract bool TryApplyTo(MashSettingsVersion next);
}

/// <summary>Saving a new settings version, and the words for what changed (docs/decisions/0055).</summary>
public static class MashSettingsChanges
{
    public const string SubjectType = "MashSettings";
    private const long LockKey = 0x6d61_7368_7365_7474; // "mashsett": one save at a time across instances.
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static Task<MashSettingsVersion> NewestAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.MashSettingsVersions.AsNoTracking().OrderByDescending(v => v.Version).FirstAsync(cancellationToken);

    /// <summary>
    /// Copies the newest version, applies the form's change, and stores the copy as the next version with what
    /// changed, audited; open cases' deadlines are counted again on it in the same transaction. Saved with the
    /// new version number, or with null when nothing changed.
    /// </summary>
    public static async Task<CommandResult<int?>> SaveAsync(
        PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock, TimeZoneInfo zone, SettingsChangeFields request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(request);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        var newest = await NewestAsync(db, cancellationToken);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var next = newest.Next(clock.GetUtcNow(), user.Id, user.FullName, reason);
        if (!request.TryApplyTo(next))
        {
            throw new InvalidOperationException("The settings form reached its handler without a valid change.");
        }

        var changes = Describe(newest, next);
        if (changes.Count == 0)
        {
            return CommandResult.SavedWith<int?>(null);
        }

        next.Changes = string.Join('\n', changes);
        db.MashSettingsVersions.Add(next);
        audit.Record(ConfigurationEvents.MashSettingsChanged, SubjectType, next.Version.ToString(CultureInfo.InvariantCulture),
            $"Version {next.Version}: {string.Join("; ", changes)}" + (reason is null ? string.Empty : $". Reason: {reason}"));
        await OpenCaseDeadlines.RecountAsync(db, audit, new MashSettings(next, zone).DecisionClock, next.Version, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.SavedWith<int?>(next.Version);
    }

    /// <summary>
    /// The rule every settings form runs: with the form's change made, Red still falls due no later than Amber
    /// and Amber no later than Green for every quarter of an hour of a sample week that holds a weekend and the
    /// next bank holiday. A failure names the receipt time and the pair that inverts, under the field
    /// <paramref name="field"/> picks for it.
    /// </summary>
    public static void AddRatingsKeepTheirOrderRule<T>(
        this AbstractValidator<T> validator, PortalDbContext db, TimeProvider clock, TimeZoneInfo zone,
        Func<TimescaleInversion, string> field)
        where T : SettingsChangeFields
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(c => c).CustomAsync(async (change, context, cancellationToken) =>
        {
            var next = (await NewestAsync(db, cancellationToken)).Next(clock.GetUtcNow(), null, string.Empty, null);
            if (!change.TryApplyTo(next))
            {
                return;
            }

            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
            if (new MashSettings(next, zone).DecisionClock.FirstInversion(today) is { } inversion)
            {
                context.AddFailure(field(inversion), inversion.Describe(zone));
            }
        });
    }

    /// <summary>The checks every settings form runs: a reason is given, and the form was filled in on the newest version.</summary>
    public static void AddBasedOnNewestRule<T>(this AbstractValidator<T> validator, PortalDbContext db)
        where T : SettingsChangeFields
    {
        ArgumentNullException.ThrowIfNull(validator);
        // The history says why each version was made: a change without a reason cannot be reviewed later.
        validator.RuleFor(c => c.Reason).NotEmpty().WithMessage("Enter why the settings are changing")
            .MaximumLength(MashSettingsVersion.ReasonMaxLength)
            .WithMessage($"Reason must be {MashSettingsVersion.ReasonMaxLength} characters or fewer");
        validator.RuleFor(c => c.BasedOnVersion)
            .MustAsync(async (version, cancellationToken) =>
                version == await db.MashSettingsVersions.MaxAsync(v => v.Version, cancellationToken))
            .WithMessage("Someone else changed the settings while you were editing them. Check the values and save again");
    }

    public static IReadOnlyList<string> Describe(MashSettingsVersion before, MashSettingsVersion after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<string>();
        void Hours(string what, double was, double now)
        {
            if (Math.Abs(was - now) > 0.0001)
            {
                changes.Add($"{what} from {Format(was)} to {Format(now)} hours");
            }
        }

        void Flag(string what, bool was, bool now)
        {
            if (was != now)
            {
                changes.Add($"{what}: {(now ? "yes" : "no")}");
            }
        }

        Hours("Red decision", before.RedHours, after.RedHours);
        Hours("Amber decision", before.AmberHours, after.AmberHours);
        Hours("Green decision", before.GreenHours, after.GreenHours);
        Hours("Unrated decision", before.UnratedHours, after.UnratedHours);
        Flag("Green counts working time", before.GreenCountsWorkingTime, after.GreenCountsWorkingTime);
        Flag("Red worked out of hours", before.RedWorkedOutOfHours, after.RedWorkedOutOfHours);
        Hours("Red agency answer", before.RequestRedHours, after.RequestRedHours);
        Hours("Amber agency answer", before.RequestAmberHours, after.RequestAmberHours);
        Hours("Green agency answer", before.RequestGreenHours, after.RequestGreenHours);
        Hours("Blue agency answer", before.RequestBlueHours, after.RequestBlueHours);
        Hours("Unrated agency answer", before.RequestUnratedHours, after.RequestUnratedHours);
        if (before.EarlyHelpFirstContactDays != after.EarlyHelpFirstContactDays)
        {
            changes.Add($"Early help first contact: {before.EarlyHelpFirstContactDays} working days changed to " +
                $"{after.EarlyHelpFirstContactDays}");
        }

        if (before.WorkingDayStarts != after.WorkingDayStarts || before.WorkingDayEnds != after.WorkingDayEnds)
        {
            changes.Add($"Working day from {Time(before.WorkingDayStarts)} to {Time(before.WorkingDayEnds)} changed to " +
                $"{Time(after.WorkingDayStarts)} to {Time(after.WorkingDayEnds)}");
        }

        if (!before.WorkingDays.Order().SequenceEqual(after.WorkingDays.Order()))
        {
            changes.Add($"Working days changed to {Days(after.WorkingDays)}");
        }

        foreach (var added in after.BankHolidays.Where(h => before.BankHolidays.All(b => b.Date != h.Date)))
        {
            changes.Add($"Bank holiday added: {Date(added.Date)}, {added.Description}");
        }

        foreach (var removed in before.BankHolidays.Where(h => after.BankHolidays.All(a => a.Date != h.Date)))
        {
            changes.Add($"Bank holiday removed: {Date(removed.Date)}, {removed.Description}");
        }

        DescribeContacts(before.Contacts ?? ShippedContacts.Value, after.Contacts ?? ShippedContacts.Value, changes);
        foreach (var ((label, was), (_, now)) in before.RetentionInForce.Describe().Zip(after.RetentionInForce.Describe()))
        {
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                changes.Add($"Retention of {label.ToLowerInvariant()} from {was} to {now}");
            }
        }

        return changes;
    }

    private static void DescribeContacts(ServiceContacts before, ServiceContacts after, List<string> changes)
    {
        void Contact(string what, string was, string now)
        {
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                changes.Add($"{what} from {was} to {now}");
            }
        }

        Contact("MASH phone line", before.MashPhone, after.MashPhone);
        Contact("MASH email address", before.MashEmail, after.MashEmail);
        Contact("Emergency Duty Team phone number", before.EmergencyDutyTeamPhone, after.EmergencyDutyTeamPhone);
        Contact("Emergency Duty Team hours", before.EmergencyDutyTeamHours, after.EmergencyDutyTeamHours);
        Contact("Police non-emergency number", before.PoliceNonEmergencyPhone, after.PoliceNonEmergencyPhone);
        Contact("Early Help Hub phone number", before.EarlyHelpHubPhone, after.EarlyHelpHubPhone);
    }

    public static string Format(double hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString("h:mmtt", British).ToLower(British);

    public static string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", British);

    public static string Days(IEnumerable<DayOfWeek> days) =>
        string.Join(", ", days.OrderBy(d => ((int)d + 6) % 7).Select(d => d.ToString()));

    /// <summary>"4", "1.5": a number of hours typed into a form, or null if it is not one (the whole-hours rule is separate).</summary>
    public static double? ParseHours(string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) ? hours : null;

    /// <summary>"09:00", "9:30": a time of day typed into a form, or null.</summary>
    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time
            : null;

    /// <summary>Required, a whole number, more than 0 and at most <paramref name="most"/> hours.</summary>
    public static void AddHoursRule<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string?>> field,
        string name, int most)
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(field).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage($"Enter the {name} in hours")
            .Must(text => ParseHours(text) is { } hours && hours == Math.Floor(hours))
                .WithMessage($"{Capitalise(name)} must be a whole number of hours, like 4")
            .Must(text => ParseHours(text) > 0).WithMessage($"{Capitalise(name)} must be more than 0 hours")
            .Must(text => ParseHours(text) <= most).WithMessage($"{Capitalise(name)} must be {most} hours or fewer");
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
