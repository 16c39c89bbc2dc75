namespace ThresholdPortal.UnitTests;

/// <summary>
/// The shape every hand-written source file keeps, Razor views included: at most 400 lines, and lines no wider
/// than the .editorconfig limit of 140 characters (issue 12). A view wraps between attributes of a tag helper, inside
/// a C# expression or between words of text, never where the break would reach the HTML as a change of meaning.
/// </summary>
public sealed class SourceShapeTests
{
    private const int MostLines = 400;
    private const int MostCharacters = 140;

    [Fact]
    public void No_source_file_is_over_400_lines()
    {
        var tooLong = SourceTree.HandWrittenFiles(".cs", ".cshtml")
            .Select(f => (f.Relative, Lines: File.ReadAllLines(f.Path).Length))
            .Where(f => f.Lines > MostLines).Select(f => $"{f.Relative}: {f.Lines} lines").ToList();

        tooLong.ShouldBeEmpty();
    }

    [Fact]
    public void No_line_is_wider_than_the_editorconfig_limit()
    {
        File.ReadAllText(Path.Combine(SourceTree.Root, ".editorconfig")).ShouldContain($"max_line_length = {MostCharacters}");
        var wide = SourceTree.HandWrittenFiles(".cs", ".cshtml")
            .SelectMany(f => File.ReadAllLines(f.Path).Select((line, i) => (f.Relative, Number: i + 1, line.Length)))
            .Where(l => l.Length > MostCharacters)
            .Select(l => $"{l.Relative}:{l.Number}: {l.Length} characters").ToList();

        wide.ShouldBeEmpty();
    }
}
