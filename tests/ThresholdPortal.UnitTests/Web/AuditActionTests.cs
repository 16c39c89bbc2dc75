using System.Text.RegularExpressions;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.UnitTests.Web;

/// <summary>One registry of audit actions, in one style, and no code written anywhere else (docs/decisions/0097).</summary>
public sealed partial class AuditActionTests
{
    [GeneratedRegex(@"^[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*)+$")]
    private static partial Regex OneStyle();

    /// <summary>A string literal as the action of a call to the audit trail.</summary>
    [GeneratedRegex(@"\b(Record|RecordNowAsync)\(\s*[^,()]*""")]
    private static partial Regex LiteralAction();

    [Fact]
    public void Every_code_is_in_one_style_once_with_plain_words()
    {
        AuditActions.All.Count.ShouldBeGreaterThan(60);
        AuditActions.All.Where(code => !OneStyle().IsMatch(code)).ShouldBeEmpty();
        AuditActions.All.GroupBy(code => code).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        AuditActions.All.Where(code => AuditActions.Describe(code) == code).ShouldBeEmpty("every code needs its plain words");
    }

    [Fact]
    public void Old_codes_map_to_registered_ones()
    {
        AuditActions.Legacy["mash_settings.changed"].ShouldBe(ConfigurationEvents.MashSettingsChanged);
        AuditActions.Legacy.Values.ShouldAllBe(code => AuditActions.All.Contains(code));
    }

    [Fact]
    public void No_audit_call_writes_its_code_as_a_literal()
    {
        var found = SourceTree.HandWrittenFiles(".cs")
            .Where(f => f.Relative.StartsWith("src/", StringComparison.Ordinal) || f.Relative.StartsWith("tools/",
                StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f.Path).Select((line, i) => (f.Relative, Line: i + 1, Text: line)))
            .Where(l => l.Text.Contains("audit", StringComparison.OrdinalIgnoreCase) && LiteralAction().IsMatch(l.Text))
            .Select(l => $"{l.Relative}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        found.ShouldBeEmpty("declare the code in its feature's events class, registered in AuditActions");
    }

    [Fact]
    public void The_guard_sees_a_literal_code() =>
        LiteralAction().IsMatch("audit.Record(\"user.invited\", nameof(PortalUser), id);").ShouldBeTrue();
}
