namespace ThresholdPortal.Domain.Accounts;

/// <summary>
/// What an organisation's identity provider said about the person signing in, read from a validated ID token:
/// its subject, the e-mail address and whether the provider verified it, the authentication methods (<c>amr</c>)
/// and the groups it puts the person in.
/// </summary>
public sealed record ProviderAssertion(
    string Subject,
    string? Email,
    bool EmailVerified,
    IReadOnlyCollection<string> AuthenticationMethods,
    IReadOnlyCollection<string> Groups);

/// <summary>The account a provider sign-in may reach, as the rules need it: no personal data beyond its state.</summary>
public sealed record SingleSignOnAccount(
    Guid Id,
    Guid OrganisationId,
    bool IsActive,
    bool Erased,
    bool AwaitingApproval,
    string? LinkedSubject);

/// <summary>Why a provider sign-in was refused: each has its own page and audit entry (docs/decisions/0107).</summary>
public enum SingleSignOnRefusal
{
    /// <summary>The provider did not say it had verified the e-mail address, so it cannot find an account.</summary>
    EmailNotVerified,

    /// <summary>No portal account has the address: single sign-on never creates one.</summary>
    UnknownAccount,

    /// <summary>The account belongs to another organisation than the one the provider serves.</summary>
    OtherOrganisation,

    /// <summary>The account is already linked to a different person at the provider.</summary>
    LinkedToSomeoneElse,

    Deactivated,
    Erased,

    /// <summary>A self-registered professional an administrator has not yet approved.</summary>
    AwaitingApproval,
}

/// <summary>The answer to a provider sign-in: admitted (and whether the link is made now), or refused with why.</summary>
public abstract record SingleSignOnDecision
{
    public sealed record Admitted(Guid AccountId, bool LinkNow) : SingleSignOnDecision;

    public sealed record Refused(SingleSignOnRefusal Reason) : SingleSignOnDecision;
}

/// <summary>
/// The rules of staff single sign-on (issue 20, docs/decisions/0107): the provider proves who the person is,
/// the portal decides whether they may come in and with which roles.
/// </summary>
public static class SingleSignOn
{
    /// <summary>The <c>amr</c> value by which a provider says the person used more than one factor (RFC 8176).</summary>
    public const string MultiFactorMethod = "mfa";

    /// <summary>
    /// Admits or refuses a sign-in. <paramref name="bySubject"/> is the account already linked to the provider's
    /// subject, if any; <paramref name="byEmail"/> the account with the asserted address. A link, once made, is
    /// what later sign-ins follow, so a changed address at the provider cannot move a person to another account.
    /// </summary>
    public static SingleSignOnDecision Decide(
        ProviderAssertion assertion, Guid providerOrganisationId, SingleSignOnAccount? bySubject, SingleSignOnAccount? byEmail)
    {
        if (bySubject is not null)
        {
            return Refusal(bySubject, providerOrganisationId) is { } linkedRefusal
                ? new SingleSignOnDecision.Refused(linkedRefusal)
                : new SingleSignOnDecision.Admitted(bySubject.Id, LinkNow: false);
        }

        if (!assertion.EmailVerified || string.IsNullOrWhiteSpace(assertion.Email))
        {
            return new SingleSignOnDecision.Refused(SingleSignOnRefusal.EmailNotVerified);
        }

        if (byEmail is null)
        {
            return new SingleSignOnDecision.Refused(SingleSignOnRefusal.UnknownAccount);
        }

        if (byEmail.LinkedSubject is not null && byEmail.LinkedSubject != assertion.Subject)
        {
            return new SingleSignOnDecision.Refused(SingleSignOnRefusal.LinkedToSomeoneElse);
        }

        return Refusal(byEmail, providerOrganisationId) is { } refusal
            ? new SingleSignOnDecision.Refused(refusal)
            : new SingleSignOnDecision.Admitted(byEmail.Id, LinkNow: byEmail.LinkedSubject is null);
    }

    private static SingleSignOnRefusal? Refusal(SingleSignOnAccount account, Guid providerOrganisationId) =>
        account.Erased ? SingleSignOnRefusal.Erased
        : !account.IsActive ? SingleSignOnRefusal.Deactivated
        : account.AwaitingApproval ? SingleSignOnRefusal.AwaitingApproval
        : account.OrganisationId != providerOrganisationId ? SingleSignOnRefusal.OtherOrganisation
        : null;

    /// <summary>
    /// Whether the portal must still ask for its own second factor: only where the roles need one and the provider
    /// is not trusted to have asked (<paramref name="acceptProviderMultiFactor"/>) or did not say it did.
    /// </summary>
    public static bool PortalSecondFactorOwed(bool rolesRequireSecondFactor, bool acceptProviderMultiFactor, ProviderAssertion assertion) =>
        rolesRequireSecondFactor
        && !(acceptProviderMultiFactor && assertion.AuthenticationMethods.Contains(MultiFactorMethod, StringComparer.Ordinal));

    /// <summary>
    /// The role changes a group-to-role mapping makes. The mapping governs only the roles it names: a mapped role
    /// is granted when the person is in one of its groups and taken away when they are in none; every other role
    /// stays as the portal's administrators set it. Unknown role names in the mapping are ignored.
    /// </summary>
    public static RoleChanges RoleChangesFor(
        IReadOnlyDictionary<string, string> groupRoles, IReadOnlyCollection<string> groups, IReadOnlyCollection<string> currentRoles)
    {
        var governed = groupRoles.Values.Where(PortalRole.All.Contains).ToHashSet(StringComparer.Ordinal);
        var earned = groupRoles.Where(m => groups.Contains(m.Key, StringComparer.Ordinal) && governed.Contains(m.Value))
            .Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var granted = earned.Where(r => !currentRoles.Contains(r, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var removed = currentRoles.Where(r => governed.Contains(r) && !earned.Contains(r)).Order(StringComparer.Ordinal).ToList();
        return new RoleChanges(granted, removed);
    }
}

/// <summary>Roles a group mapping grants and takes away; each change is audited.</summary>
public sealed record RoleChanges(IReadOnlyList<string> Granted, IReadOnlyList<string> Removed)
{
    public bool Any => Granted.Count > 0 || Removed.Count > 0;
}
