namespace ThresholdPortal.Domain.Accounts;

/// <summary>The roles a portal user can hold. The names are stored, so never rename one.</summary>
public static class PortalRole
{
    public const string Referrer = nameof(Referrer);
    public const string MashPractitioner = nameof(MashPractitioner);
    public const string MashManager = nameof(MashManager);
    public const string AgencyResponder = nameof(AgencyResponder);
    public const string Administrator = nameof(Administrator);

    /// <summary>A member of the safeguarding partnership who draws case samples and records audit judgements.</summary>
    public const string Auditor = nameof(Auditor);

    /// <summary>Runs the early help hub: allocates families to lead professionals, records their answer, steps up (issue 16).</summary>
    public const string EarlyHelpCoordinator = nameof(EarlyHelpCoordinator);

    /// <summary>Answers subject access requests: finds everything held about a person and exports it (issue 19, ADR 0123).</summary>
    public const string DataProtectionOfficer = nameof(DataProtectionOfficer);

    public static IReadOnlyList<string> All { get; } =
        [Referrer, MashPractitioner, MashManager, AgencyResponder, Administrator, Auditor, EarlyHelpCoordinator, DataProtectionOfficer];

    public static string DisplayName(string role) => role switch
    {
        Referrer => "Referrer",
        MashPractitioner => "MASH practitioner",
        MashManager => "MASH manager",
        AgencyResponder => "Agency responder",
        Administrator => "Administrator",
        Auditor => "Auditor",
        EarlyHelpCoordinator => "Early help coordinator",
        DataProtectionOfficer => "Data protection officer",
        _ => role,
    };
}
