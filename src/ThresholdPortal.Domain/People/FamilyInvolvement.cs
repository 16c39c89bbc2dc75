namespace ThresholdPortal.Domain.People;

/// <summary>
/// Warns when the children of one family are open to different processes (one to early help, another to
/// social care): a sign the family has no single plan, which serious case reviews keep finding.
/// </summary>
public static class FamilyInvolvement
{
    public sealed record Child(string Name, OpenInvolvement Involvement);

    /// <summary>A warning in words, or null when the open children are all open to the same process.</summary>
    public static string? Warning(IEnumerable<Child> children)
    {
        var open = children.Where(c => c.Involvement != OpenInvolvement.None).ToList();
        if (open.Select(c => c.Involvement).Distinct().Count() < 2)
        {
            return null;
        }

        var parts = open.OrderBy(c => c.Involvement).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => $"{c.Name} is {c.Involvement.DisplayName().ToLowerInvariant()}");
        return "Brothers and sisters in this family are open to different processes: " + string.Join("; ", parts) + ".";
    }
}
