namespace ThresholdPortal.UnitTests;

/// <summary>The repository's source files, for the tests that read the tree rather than the assemblies.</summary>
internal static class SourceTree
{
    /// <summary>The folder holding ThresholdPortal.sln, found by walking up from the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// Hand-written C# and Razor files under src/, tests/ and tools/ (not build output, packages, migrations or the compiled
    /// model).
    /// </summary>
    public static IEnumerable<(string Path, string Relative)> HandWrittenFiles(params string[] extensions) =>
        new[] { "src", "tests", "tools" }
            .Select(folder => System.IO.Path.Combine(Root, folder)).Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(path => extensions.Any(e => path.EndsWith(e, StringComparison.Ordinal)))
            .Select(path => (Path: path, Relative: System.IO.Path.GetRelativePath(Root, path).Replace('\\', '/')))
            .Where(f => !f.Relative.Contains("/bin/", StringComparison.Ordinal) && !f.Relative.Contains("/obj/", StringComparison.Ordinal)
                && !f.Relative.Contains("/node_modules/", StringComparison.Ordinal)
                && !f.Relative.Contains("/Migrations/", StringComparison.Ordinal)
                && !f.Relative.Contains("/CompiledModel/", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ThresholdPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ThresholdPortal.sln above {AppContext.BaseDirectory}.");
    }
}
