using ThresholdPortal.Domain.Organisations;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>The audit trail's words for an organisation and for what changed in one.</summary>
public static class OrganisationChanges
{
    public static string Describe(Organisation organisation) =>
        $"{organisation.Name}; kind {organisation.Kind.DisplayName()} ({organisation.ReferralSource.Code}); " +
        $"domains {Domains(organisation.EmailDomains)}; shared referrals {YesNo(organisation.SharedReferralVisibility)}";

    public static IReadOnlyList<string> Between(Organisation before, string name, OrganisationKind kind, IReadOnlyList<string> domains,
        bool shared, bool active)
    {
        var changes = new List<string>();
        if (before.Name != name)
        {
            changes.Add($"name {before.Name} to {name}");
        }

        if (before.Kind != kind)
        {
            changes.Add($"kind {before.Kind.DisplayName()} to {kind.DisplayName()}");
        }

        if (!before.EmailDomains.Order(StringComparer.Ordinal).SequenceEqual(domains.Order(StringComparer.Ordinal)))
        {
            changes.Add($"domains {Domains(before.EmailDomains)} to {Domains(domains)}");
        }

        if (before.SharedReferralVisibility != shared)
        {
            changes.Add($"shared referrals {YesNo(before.SharedReferralVisibility)} to {YesNo(shared)}");
        }

        if (before.IsActive != active)
        {
            changes.Add(active ? "made active" : "made inactive");
        }

        return changes;
    }

    private static string Domains(IReadOnlyCollection<string> domains) => domains.Count == 0 ? "none" : string.Join(", ", domains);

    private static string YesNo(bool value) => value ? "yes" : "no";
}
