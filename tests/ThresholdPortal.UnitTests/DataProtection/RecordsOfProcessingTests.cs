using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.UnitTests.DataProtection;

/// <summary>
/// docs/data-protection.md against the EF Core model (issue 19, item 5): every table the model maps has its section, and
/// each section lists exactly that table's columns, as personal data or as other fields. A new property arrives with
/// its line in the records of processing, or this test fails.
/// </summary>
public sealed partial class RecordsOfProcessingTests
{
    private static readonly Lazy<Dictionary<string, List<string>>> Documented = new(ReadDocument);

    [Fact]
    public void Every_table_and_column_in_the_model_is_in_the_records_of_processing_and_nothing_else_is()
    {
        var model = ModelColumns();
        var documented = Documented.Value;

        var undocumented = model.SelectMany(t => t.Value.Where(c => !documented.GetValueOrDefault(t.Key, []).Contains(c))
            .Select(c => $"{t.Key}.{c}")).ToList();
        var stale = documented.SelectMany(t => t.Value.Where(c => !model.GetValueOrDefault(t.Key, []).Contains(c))
            .Select(c => $"{t.Key}.{c}")).ToList();

        undocumented.ShouldBeEmpty("each column the model maps needs its line in docs/data-protection.md");
        stale.ShouldBeEmpty("docs/data-protection.md lists columns the model no longer has");
    }

    [Fact]
    public void Each_section_says_who_sees_it_its_lawful_basis_retention_and_deletion()
    {
        var text = File.ReadAllText(Path.Combine(SourceTree.Root, "docs", "data-protection.md"));
        foreach (var section in text.Split("\n### ").Skip(1))
        {
            foreach (var line in new[] { "- Who can see it: ", "- Lawful basis: ", "- Retention: ", "- Deletion: " })
            {
                section.ShouldContain(line, customMessage: $"section {section.Split('\n')[0]}");
            }
        }
    }

    [Fact]
    public void The_reader_finds_the_columns_of_a_section_and_only_those()
    {
        var columns = Parse("""
            ### `Things`

            - Personal data: `Name` (special category), `BornOn`
            - Other fields: `Id`
            - Who can see it: someone, not `Hidden`
            """);

        columns.Keys.ShouldBe(["Things"]);
        columns["Things"].ShouldBe(["Name", "BornOn", "Id"]);
    }

    private static Dictionary<string, List<string>> ModelColumns()
    {
        using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql("Host=unused").Options);
        return db.Model.GetRelationalModel().Tables.ToDictionary(t => t.Name, t => t.Columns.Select(c => c.Name).ToList());
    }

    private static Dictionary<string, List<string>> ReadDocument() =>
        Parse(File.ReadAllText(Path.Combine(SourceTree.Root, "docs", "data-protection.md")));

    private static Dictionary<string, List<string>> Parse(string text)
    {
        var tables = new Dictionary<string, List<string>>();
        List<string>? current = null;
        foreach (var line in text.Split('\n').Select(l => l.Trim()))
        {
            if (Heading().Match(line) is { Success: true } heading)
            {
                current = tables[heading.Groups[1].Value] = [];
            }
            else if (current is not null && (line.StartsWith("- Personal data:", StringComparison.Ordinal)
                || line.StartsWith("- Other fields:", StringComparison.Ordinal)))
            {
                current.AddRange(Name().Matches(line).Select(m => m.Groups[1].Value));
            }
        }

        return tables;
    }

    [GeneratedRegex("^### `([A-Za-z]+)`$")]
    private static partial Regex Heading();

    [GeneratedRegex("`([A-Za-z0-9_]+)`")]
    private static partial Regex Name();
}
