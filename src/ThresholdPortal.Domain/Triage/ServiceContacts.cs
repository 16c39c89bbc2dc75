namespace ThresholdPortal.Domain.Triage;

/// <summary>
/// How people reach the MASH and the services around it: the MASH's phone line and mailbox, the Emergency Duty
/// Team out of hours, the police non-emergency route and the Early Help Hub. Part of a <see cref="MashSettingsVersion"/>,
/// so a change is versioned and audited like the timescales; every page reads them from there, and no page holds
/// a number (docs/decisions/0095). The MASH's opening hours are its working hours in the same version.
/// </summary>
public sealed record ServiceContacts
{
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 200;
    public const int HoursMaxLength = 200;

    public required string MashPhone { get; init; }
    public required string MashEmail { get; init; }
    public required string EmergencyDutyTeamPhone { get; init; }

    /// <summary>When the Emergency Duty Team answers, in words that follow "It answers": "from 5pm to 9am on weekdays...".</summary>
    public required string EmergencyDutyTeamHours { get; init; }

    /// <summary>The police non-emergency number, for reports that are not emergencies (such as the FGM duty).</summary>
    public required string PoliceNonEmergencyPhone { get; init; }

    public required string EarlyHelpHubPhone { get; init; }
}
