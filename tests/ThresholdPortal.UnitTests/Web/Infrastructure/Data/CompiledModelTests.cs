using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Data.CompiledModel;

namespace ThresholdPortal.UnitTests.Web.Infrastructure.Data;

/// <summary>
/// The app runs on the model compiled ahead of time (docs/decisions/0151), so a change to an entity or its configuration
/// that is not compiled again would be silently ignored at run time. This compiles the model afresh, as
/// <c>dotnet ef dbcontext optimize</c> does, and compares every file with the stored one.
/// </summary>
public sealed partial class CompiledModelTests
{
    private const string Folder = "src/ThresholdPortal.Web/Infrastructure/Data/CompiledModel";

    private const string Command = "dotnet tool restore && dotnet ef dbcontext optimize --project src/ThresholdPortal.Web " +
        "--output-dir Infrastructure/Data/CompiledModel --namespace ThresholdPortal.Web.Infrastructure.Data.CompiledModel";

    [Fact]
    public void The_stored_compiled_model_is_the_one_the_model_builds_today()
    {
        var output = Directory.CreateTempSubdirectory("compiled-model-");
        try
        {
            Compile(output.FullName);
            var fresh = Read(output.FullName);
            var stored = Read(Path.Combine(SourceTree.Root, Folder));

            var differing = fresh.Keys.Union(stored.Keys)
                .Where(name => !fresh.TryGetValue(name, out var made) || !stored.TryGetValue(name, out var kept) || made != kept)
                .Order(StringComparer.Ordinal)
                .ToList();

            fresh.Count.ShouldBeGreaterThan(40, "the generator wrote a file for each entity type");
            differing.ShouldBeEmpty($"The compiled model is out of date: compile it again from the repository's root with `{Command}`.");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    // The generator is reached through EF's design-time services, as the dotnet-ef tool reaches it; they are marked
    // internal to EF (EF1001), and this test is their only user.
#pragma warning disable EF1001
    private static void Compile(string folder)
    {
        using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql().Options);
        var assembly = typeof(PortalDbContext).Assembly;
        var services = new DesignTimeServicesBuilder(assembly, assembly, new OperationReporter(handler: null), []).Build(db);
        services.GetRequiredService<ICompiledModelScaffolder>().ScaffoldModel(
            db.GetService<IDesignTimeModel>().Model,
            folder,
            new CompiledModelCodeGenerationOptions
            {
                ContextType = typeof(PortalDbContext),
                ModelNamespace = typeof(PortalDbContextModel).Namespace!,
                Language = "C#",
                UseNullableReferenceTypes = true,
            });
    }
#pragma warning restore EF1001

    // The generator gives each model it writes a new random identity; only the rest of the text says what it compiled.
    private static Dictionary<string, string> Read(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs").ToDictionary(
            path => Path.GetFileName(path),
            path => ModelId().Replace(File.ReadAllText(path), "modelId: new Guid()"),
            StringComparer.Ordinal);

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]{36}"\)""")]
    private static partial Regex ModelId();
}
